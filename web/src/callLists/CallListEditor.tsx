import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Checkbox, Chip, Divider, Grid, Group, Loader, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Switch, TagsInput, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBuildingSkyscraper, IconFilter, IconUsers } from "@tabler/icons-react";
import { fieldProblems, problemFor } from "../api/errors";
import { COMPANY_SIZES, type CallList, type CallListCriteria, type CompanySize } from "../api/types";
import { useFacets, useTeam } from "../companies/queries";
import { ErrorAlert } from "../common/ErrorAlert";
import { useScripts } from "../scripts/queries";
import { useSources } from "../sources/queries";
import { useCallListPreview, useSaveCallList } from "./queries";

/** Criteria without empty pickers, so "no industries chosen" means "any industry". */
function tidy(c: CallListCriteria): CallListCriteria {
  const out: CallListCriteria = {};
  if (c.industries?.length) out.industries = c.industries;
  if (c.sizes?.length) out.sizes = c.sizes;
  if (c.regions?.length) out.regions = c.regions;
  if (c.sourceIds?.length) out.sourceIds = c.sourceIds;
  if (c.groups?.length) out.groups = c.groups;
  if (c.notTouchedForDays) out.notTouchedForDays = c.notTouchedForDays;
  return out;
}

/** Sources by name (a switched-off one marked), plus any chosen id the list no longer knows. */
function sourceOptions(sources: { id: number; name: string; active: boolean }[] | undefined, chosen: number[] | undefined, offMark: string) {
  const data = (sources ?? []).map((s) => ({ value: String(s.id), label: s.active ? s.name : `${s.name} (${offMark})` }));
  for (const id of chosen ?? []) if (!data.some((o) => o.value === String(id))) data.push({ value: String(id), label: `#${id}` });
  return data;
}

/**
 * Build or change a call list: the selection criteria with a live count of the companies they
 * match, the script the callers follow, and who calls it.
 */
export function CallListEditor({ list, onClose }: { list: CallList | null; onClose(): void }) {
  const { t } = useTranslation();
  const facets = useFacets(true);
  // Every source, switched-off ones too: their companies are still in the cold base.
  const sources = useSources();
  const scripts = useScripts();
  const callers = useTeam("caller");
  const save = useSaveCallList();
  const [name, setName] = useState(list?.name ?? "");
  const [criteria, setCriteria] = useState<CallListCriteria>(list?.criteria ?? {});
  const [scriptId, setScriptId] = useState<string | null>(list?.scriptId ? String(list.scriptId) : null);
  const [callerIds, setCallerIds] = useState<string[]>((list?.callerIds ?? []).map(String));
  const [active, setActive] = useState(list?.active ?? true);
  const [debounced] = useDebouncedValue(tidy(criteria), 300);
  const preview = useCallListPreview(debounced, true);
  const problems = fieldProblems(t, save.error);
  const setCriterion = <K extends keyof CallListCriteria>(key: K, value: CallListCriteria[K]) => setCriteria((c) => ({ ...c, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: list?.id ?? null, body: { name: name.trim(), criteria: tidy(criteria), scriptId: scriptId ? Number(scriptId) : null, callerIds: callerIds.map(Number), active } },
      {
        onSuccess: ({ callList }) => {
          notifications.show({ color: "teal", message: t("callLists.saved", { name: callList.name, ready: callList.ready }) });
          onClose();
        },
      },
    );
  };

  const options = (values: string[] | undefined, chosen: string[] | undefined) => [...new Set([...(values ?? []), ...(chosen ?? [])])].sort((a, b) => a.localeCompare(b));

  return (
    <Modal opened onClose={onClose} size={1000} title={<Text fw={650}>{list ? t("callLists.editTitle") : t("callLists.newTitle")}</Text>} data-testid="call-list-editor">
      <form onSubmit={submit}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              <TextInput
                label={t("callLists.name")}
                placeholder={t("callLists.namePlaceholder")}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
                maxLength={200}
                error={problemFor(problems, "name")}
                data-autofocus
                data-testid="call-list-name"
              />
              <Group gap={6} mt={4}>
                <IconFilter size={16} color="var(--mantine-color-dimmed)" />
                <Text size="sm" fw={600}>
                  {t("callLists.criteria")}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("callLists.criteriaHint")}
                </Text>
              </Group>
              <MultiSelect
                label={t("company.industry")}
                placeholder={criteria.industries?.length ? undefined : t("callLists.any")}
                data={options(facets.data?.industries, criteria.industries)}
                value={criteria.industries ?? []}
                onChange={(v) => setCriterion("industries", v)}
                searchable
                clearable
                data-testid="criteria-industries"
              />
              <MultiSelect
                label={t("company.region")}
                placeholder={criteria.regions?.length ? undefined : t("callLists.any")}
                data={options(facets.data?.regions, criteria.regions)}
                value={criteria.regions ?? []}
                onChange={(v) => setCriterion("regions", v)}
                searchable
                clearable
                data-testid="criteria-regions"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t("company.size")}
                </Text>
                <Chip.Group multiple value={criteria.sizes ?? []} onChange={(v) => setCriterion("sizes", v as CompanySize[])}>
                  <Group gap={6}>
                    {COMPANY_SIZES.map((s) => (
                      <Chip key={s} value={s} size="xs" data-testid={`criteria-size-${s}`}>
                        {t(`size.${s}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Stack>
              <MultiSelect
                label={t("company.source")}
                placeholder={criteria.sourceIds?.length ? undefined : t("callLists.any")}
                data={sourceOptions(sources.data, criteria.sourceIds, t("sources.off"))}
                value={(criteria.sourceIds ?? []).map(String)}
                onChange={(v) => setCriterion("sourceIds", v.map(Number))}
                searchable
                clearable
                data-testid="criteria-sources"
              />
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 7 }}>
                  <TagsInput
                    label={t("company.groupName")}
                    description={t("callLists.groupsHint")}
                    value={criteria.groups ?? []}
                    onChange={(v) => setCriterion("groups", v)}
                    clearable
                    data-testid="criteria-groups"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 5 }}>
                  <NumberInput
                    label={t("callLists.notTouchedFor")}
                    description={t("callLists.notTouchedHint")}
                    value={criteria.notTouchedForDays ?? ""}
                    onChange={(v) => setCriterion("notTouchedForDays", typeof v === "number" && v > 0 ? v : undefined)}
                    min={1}
                    max={3650}
                    allowDecimal={false}
                    suffix={` ${t("callLists.days")}`}
                    data-testid="criteria-not-touched"
                  />
                </Grid.Col>
              </Grid>
              <Text size="xs" c="dimmed">
                {t("callLists.alwaysExcluded")}
              </Text>
            </Stack>
          </Grid.Col>

          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm">
              <Paper radius="md" p="md" bg="var(--mantine-color-blue-0)" style={{ border: "1px solid var(--mantine-color-blue-2)" }} data-testid="call-list-preview">
                <Group gap="sm" wrap="nowrap">
                  <IconBuildingSkyscraper size={28} color="var(--mantine-color-blue-6)" />
                  <Stack gap={0}>
                    <Group gap={8} align="baseline">
                      <Text fz={30} fw={700} lh={1.1} c="blue.8" data-testid="call-list-preview-count">
                        {preview.data ?? "—"}
                      </Text>
                      {preview.isFetching ? <Loader size={14} /> : null}
                    </Group>
                    <Text size="sm" c="blue.9">
                      {t("callLists.match")}
                    </Text>
                  </Stack>
                </Group>
                {list ? (
                  <Text size="xs" c="dimmed" mt={6}>
                    {t("callLists.currentlyOnList", { ready: list.ready, due: list.due })}
                  </Text>
                ) : null}
              </Paper>
              <ErrorAlert error={preview.error} withFields={false} />

              <Select
                label={t("callLists.script")}
                placeholder={t("callLists.noScript")}
                data={(scripts.data ?? []).map((s) => ({ value: String(s.id), label: `${s.name} · v${s.version}` }))}
                value={scriptId}
                onChange={setScriptId}
                clearable
                data-testid="call-list-script"
              />
              <Stack gap={4}>
                <Group gap={6}>
                  <IconUsers size={16} color="var(--mantine-color-dimmed)" />
                  <Text size="sm" fw={500}>
                    {t("callLists.callers")}
                  </Text>
                </Group>
                {(callers.data ?? []).length === 0 ? (
                  <Text size="xs" c="dimmed">
                    {t("callLists.noCallersInTeam")}
                  </Text>
                ) : (
                  <Checkbox.Group value={callerIds} onChange={setCallerIds}>
                    <Paper withBorder radius="sm" p="xs" mah={200} style={{ overflowY: "auto" }}>
                      <Stack gap={6}>
                        {(callers.data ?? []).map((u) => (
                          <Checkbox key={u.id} value={String(u.id)} label={u.fullName} size="xs" data-testid="call-list-caller" data-username={u.username} />
                        ))}
                      </Stack>
                    </Paper>
                  </Checkbox.Group>
                )}
              </Stack>
              <Divider />
              <Switch
                label={t("callLists.active")}
                description={t("callLists.activeHint")}
                checked={active}
                onChange={(e) => setActive(e.currentTarget.checked)}
                data-testid="call-list-active"
              />
            </Stack>
          </Grid.Col>
        </Grid>
        <Stack gap="sm" mt="md">
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()} data-testid="call-list-submit">
              {list ? t("common.save") : t("callLists.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
