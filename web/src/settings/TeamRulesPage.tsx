import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Badge, Button, Center, Chip, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { fieldProblems, problemFor } from "../api/errors";
import { WholeNumberField } from "./WholeNumberField";
import type { RotationSettings } from "../api/types";
import { managesTeamRules } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { dealStageLabel, stageCode } from "../deals/stages";
import { currentLanguage, LOCALES } from "../i18n";
import { Forbidden } from "../layout/StatePage";
import { useSaveTeamSettings, useTeamSettings } from "./queries";
import { SourceWatchCard } from "./SourceWatchCard";
import type { SourceWatchSettings, TeamRules } from "./types";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Europe/Kyiv", "Europe/Moscow", "Europe/Warsaw", "UTC"];
  }
})();

/** The team's rules: working hours and days, lead caps, the first-contact deadline, the touch cadence and reorder reminders, deal stages, postponements, rotation of dead clients, the lead source watch. */
export function TeamRulesPage() {
  const user = useUser();
  const settings = useTeamSettings();
  if (!managesTeamRules(user)) return <Forbidden />;
  if (settings.isPending) {
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  }
  if (settings.error) return <ErrorAlert error={settings.error} />;
  return <TeamRulesForm initial={settings.data} />;
}

function TeamRulesForm({ initial }: { initial: TeamRules }) {
  const { t } = useTranslation();
  const save = useSaveTeamSettings();
  const [value, setValue] = useState<TeamRules>(initial);
  const [newStage, setNewStage] = useState("");
  const problems = fieldProblems(t, save.error);
  const wh = value.workingHours;
  const setHours = (patch: Partial<TeamRules["workingHours"]>) => setValue((v) => ({ ...v, workingHours: { ...v.workingHours, ...patch } }));
  const stages = value.dealStages;
  const code = stageCode(newStage);
  const canAdd = code !== "" && !stages.includes(code) && code !== "won" && code !== "lost" && stages.length < 20;
  const setRotation = (patch: Partial<RotationSettings>) => setValue((v) => ({ ...v, rotation: { ...v.rotation, ...patch } }));
  const setSourceWatch = (patch: Partial<SourceWatchSettings>) => setValue((v) => ({ ...v, sourceWatch: { ...v.sourceWatch, ...patch } }));
  const weekdayName = (d: number) => new Intl.DateTimeFormat(LOCALES[currentLanguage()], { weekday: "short" }).format(new Date(Date.UTC(2024, 0, d, 12)));

  const moveStage = (index: number, by: number) =>
    setValue((v) => {
      const next = [...v.dealStages];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return { ...v, dealStages: next };
    });

  const addStage = () => {
    setValue((v) => ({ ...v, dealStages: [...v.dealStages, code] }));
    setNewStage("");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(value, {
      onSuccess: ({ settings }) => {
        setValue(settings);
        notifications.show({ color: "teal", message: t("rules.saved") });
      },
    });
  };

  return (
    <Stack gap="md" maw={980} component="form" onSubmit={submit} data-testid="team-rules-form">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("rules.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("rules.subtitle")}
          </Text>
        </Stack>
        <Button type="submit" loading={save.isPending} data-testid="team-rules-save">
          {t("common.save")}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text fw={600}>{t("rules.workingTime")}</Text>
            <Select
              label={t("rules.timeZone")}
              data={TIME_ZONES.includes(wh.timeZone) ? TIME_ZONES : [wh.timeZone, ...TIME_ZONES]}
              value={wh.timeZone}
              onChange={(v) => v && setHours({ timeZone: v })}
              searchable
              allowDeselect={false}
              error={problemFor(problems, "settings.workingHours.timeZone")}
              data-testid="rules-time-zone"
            />
            <Group grow>
              <NumberInput label={t("rules.startHour")} value={wh.startHour} min={0} max={23} onChange={(v) => setHours({ startHour: Number(v) || 0 })} suffix=":00" data-testid="rules-start-hour" />
              <NumberInput
                label={t("rules.endHour")}
                value={wh.endHour}
                min={1}
                max={24}
                onChange={(v) => setHours({ endHour: Number(v) || 0 })}
                suffix=":00"
                error={problemFor(problems, "settings.workingHours.endHour") ?? (wh.endHour <= wh.startHour ? t("rules.endAfterStart") : undefined)}
                data-testid="rules-end-hour"
              />
            </Group>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t("rules.workDays")}
              </Text>
              <Chip.Group multiple value={wh.workDays.map(String)} onChange={(days) => days.length && setHours({ workDays: days.map(Number).sort() })}>
                <Group gap={6}>
                  {WEEKDAYS.map((d) => (
                    <Chip key={d} value={String(d)} size="xs" data-testid="rules-work-day">
                      {weekdayName(d)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text fw={600}>{t("rules.leads")}</Text>
            <WholeNumberField label={t("rules.defaultCap")} description={t("rules.defaultCapHint")} value={value.defaultDailyLeadCap} min={1} max={1000} onChange={(n) => setValue((s) => ({ ...s, defaultDailyLeadCap: n }))} testId="rules-default-cap" />
            <WholeNumberField label={t("rules.firstContactMinutes")} description={t("rules.firstContactHint")} value={value.firstContactMinutes} min={5} max={7200} onChange={(n) => setValue((s) => ({ ...s, firstContactMinutes: n }))} testId="rules-first-contact" />
            <WholeNumberField label={t("rules.maxPostponeDays")} description={t("rules.maxPostponeHint")} value={value.maxPostponeDays} min={1} max={730} onChange={(n) => setValue((s) => ({ ...s, maxPostponeDays: n }))} testId="rules-max-postpone" />
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Text fw={600}>{t("rules.keepingInTouch")}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <WholeNumberField label={t("rules.cadenceDays")} description={t("rules.cadenceHint")} value={value.cadenceDays} min={1} max={7} onChange={(n) => setValue((s) => ({ ...s, cadenceDays: n }))} error={problemFor(problems, "settings.cadenceDays")} testId="rules-cadence-days" />
            <WholeNumberField label={t("rules.reorderReminderDays")} description={t("rules.reorderReminderHint")} value={value.reorderReminderDays} min={0} max={60} onChange={(n) => setValue((s) => ({ ...s, reorderReminderDays: n }))} error={problemFor(problems, "settings.reorderReminderDays")} testId="rules-reorder-reminder-days" />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Stack gap={0}>
            <Text fw={600}>{t("rules.dealStages")}</Text>
            <Text size="xs" c="dimmed">
              {t("rules.dealStagesHint")}
            </Text>
          </Stack>
          <Stack gap={4} data-testid="rules-stages">
            {stages.map((s, i) => (
              <Group key={s} gap="xs" wrap="nowrap" data-testid="rules-stage" data-stage={s}>
                <Badge variant="light" color="gray" radius="sm" w={28} px={0}>
                  {i + 1}
                </Badge>
                <Text size="sm" fw={500} style={{ flex: 1 }}>
                  {dealStageLabel(t, s)}{" "}
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {s}
                  </Text>
                </Text>
                <ActionIcon variant="subtle" color="gray" disabled={i === 0} onClick={() => moveStage(i, -1)} aria-label={t("rules.moveUp")}>
                  <IconArrowUp size={14} />
                </ActionIcon>
                <ActionIcon variant="subtle" color="gray" disabled={i === stages.length - 1} onClick={() => moveStage(i, 1)} aria-label={t("rules.moveDown")}>
                  <IconArrowDown size={14} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={stages.length === 1}
                  onClick={() => setValue((v) => ({ ...v, dealStages: v.dealStages.filter((x) => x !== s) }))}
                  aria-label={t("common.remove")}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Group gap={6} ml={36} mt={4}>
              <Badge variant="light" color="teal" radius="sm">
                {dealStageLabel(t, "won")}
              </Badge>
              <Badge variant="light" color="red" radius="sm">
                {dealStageLabel(t, "lost")}
              </Badge>
              <Text size="xs" c="dimmed">
                {t("rules.closingStages")}
              </Text>
            </Group>
          </Stack>
          <Group gap="xs" align="flex-end">
            <TextInput
              label={t("rules.newStage")}
              placeholder="site_visit"
              value={newStage}
              onChange={(e) => setNewStage(e.currentTarget.value)}
              description={newStage ? t("rules.stageCode", { code: code || "—" }) : undefined}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  if (canAdd) addStage();
                }
              }}
              data-testid="rules-new-stage"
            />
            <Button
              variant="default"
              leftSection={<IconPlus size={14} />}
              disabled={!canAdd}
              onClick={addStage}
              data-testid="rules-add-stage"
            >
              {t("rules.addStage")}
            </Button>
          </Group>
          {problemFor(problems, "settings.dealStages") ? (
            <Text size="sm" c="red">
              {problemFor(problems, "settings.dealStages")}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <RotationCard value={value.rotation} onChange={setRotation} problems={problems} />
      <SourceWatchCard value={value.sourceWatch} onChange={setSourceWatch} problems={problems} />
    </Stack>
  );
}

/** Integer rules of rotation: [setting, min, max]. */
const ROTATION_NUMBERS: readonly (readonly [Exclude<keyof RotationSettings, "salesPeriodOverrideDays" | "groupTermMultiplier" | "termsInTier1" | "preferBestConverter">, number, number])[] = [
  ["salesPeriodMinCases", 1, 10_000],
  ["salesPeriodFallbackDays", 1, 730],
  ["inactiveDays", 0, 365],
  ["maxExtensionDays", 1, 365],
  ["restDays", 0, 365],
  ["holderCooldownDays", 0, 3650],
  ["qualityWindowDays", 1, 3650],
];

/** Rotation of dead clients: how the term is computed, when a holding is listed, extensions, rests, the next holder, the quality window. */
function RotationCard({ value, onChange, problems }: { value: RotationSettings; onChange(patch: Partial<RotationSettings>): void; problems: ReturnType<typeof fieldProblems> }) {
  const { t } = useTranslation();
  const field = (key: string) => problemFor(problems, `settings.rotation.${key}`);
  return (
    <Paper withBorder radius="md" p="md" data-testid="rules-rotation">
      <Stack gap="sm">
        <Stack gap={0}>
          <Text fw={600}>{t("rules.rotation.title")}</Text>
          <Text size="xs" c="dimmed">
            {t("rules.rotation.hint")}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <NumberInput
            label={t("rules.rotation.salesPeriodOverrideDays")}
            description={t("rules.rotation.salesPeriodOverrideDaysHint")}
            placeholder={t("rules.rotation.computed")}
            value={value.salesPeriodOverrideDays ?? ""}
            min={1}
            max={730}
            clampBehavior="strict"
            allowDecimal={false}
            allowNegative={false}
            onChange={(v) => onChange({ salesPeriodOverrideDays: v === "" || v === null ? null : Number(v) || null })}
            error={field("salesPeriodOverrideDays")}
            data-testid="rules-rotation-salesPeriodOverrideDays"
          />
          {ROTATION_NUMBERS.map(([key, min, max]) => (
            <WholeNumberField
              key={key}
              label={t(`rules.rotation.${key}`)}
              description={t(`rules.rotation.${key}Hint`)}
              value={value[key]}
              min={min}
              max={max}
              onChange={(n) => onChange({ [key]: n })}
              error={field(key)}
              testId={`rules-rotation-${key}`}
            />
          ))}
          <NumberInput
            label={t("rules.rotation.groupTermMultiplier")}
            description={t("rules.rotation.groupTermMultiplierHint")}
            value={value.groupTermMultiplier}
            min={1}
            max={5}
            step={0.1}
            decimalScale={2}
            clampBehavior="strict"
            allowNegative={false}
            prefix="× "
            onChange={(v) => onChange({ groupTermMultiplier: typeof v === "number" ? v : Number(v) || 1 })}
            error={field("groupTermMultiplier")}
            data-testid="rules-rotation-groupTermMultiplier"
          />
        </SimpleGrid>
        <Group gap="xl">
          <Switch
            label={t("rules.rotation.termsInTier1")}
            description={t("rules.rotation.termsInTier1Hint")}
            checked={value.termsInTier1}
            onChange={(e) => onChange({ termsInTier1: e.currentTarget.checked })}
            wrapperProps={{ "data-testid": "rules-rotation-termsInTier1" }}
          />
          <Switch
            label={t("rules.rotation.preferBestConverter")}
            description={t("rules.rotation.preferBestConverterHint")}
            checked={value.preferBestConverter}
            onChange={(e) => onChange({ preferBestConverter: e.currentTarget.checked })}
            wrapperProps={{ "data-testid": "rules-rotation-preferBestConverter" }}
          />
        </Group>
      </Stack>
    </Paper>
  );
}
