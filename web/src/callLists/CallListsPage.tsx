import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconRefresh } from "@tabler/icons-react";
import type { CallList, CallListCriteria } from "../api/types";
import { managesCallLists } from "../auth/permissions";
import { useUser } from "../auth/session";
import { useTeam } from "../companies/queries";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatShort } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { useScripts } from "../scripts/queries";
import { useSources } from "../sources/queries";
import { CallListEditor } from "./CallListEditor";
import { useCallLists, useRefreshCallList } from "./queries";

/** The head's call lists: who calls what, how much is left, how much is due now. */
export function CallListsPage() {
  const user = useUser();
  if (!managesCallLists(user)) return <Forbidden />;
  return <CallLists />;
}

/** "Manufacturing, Logistics · Kyiv · large · not touched 30 d" */
function useCriteriaSummary() {
  const { t } = useTranslation();
  const sources = useSources();
  const sourceName = (id: number) => sources.data?.find((s) => s.id === id)?.name ?? `#${id}`;
  return (c: CallListCriteria) => {
    const parts = [
      c.industries?.join(", "),
      c.regions?.join(", "),
      c.sizes?.map((s) => t(`size.${s}`)).join(", "),
      c.sourceIds?.map(sourceName).join(", "),
      c.groups?.join(", "),
      c.notTouchedForDays ? t("callLists.notTouchedShort", { count: c.notTouchedForDays }) : undefined,
    ].filter((p): p is string => Boolean(p));
    return parts.length ? parts.join(" · ") : t("callLists.wholeBase");
  };
}

function CallLists() {
  const { t } = useTranslation();
  const lists = useCallLists();
  const scripts = useScripts();
  const callers = useTeam("caller");
  const refresh = useRefreshCallList();
  const summary = useCriteriaSummary();
  const [editing, setEditing] = useState<CallList | "new" | null>(null);
  const scriptName = (id: number | null) => (id === null ? null : (scripts.data?.find((s) => s.id === id)?.name ?? `#${id}`));
  const callerNames = (ids: number[]) => ids.map((id) => callers.data?.find((u) => u.id === id)?.fullName ?? `#${id}`);

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("callLists.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("callLists.subtitle")}
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")} data-testid="call-list-new">
          {t("callLists.new")}
        </Button>
      </Group>
      <ErrorAlert error={lists.error ?? refresh.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing={8} horizontalSpacing="md" fz="sm" data-testid="call-lists-table">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("callLists.name")}</Table.Th>
                <Table.Th ta="right">{t("callLists.ready")}</Table.Th>
                <Table.Th ta="right">{t("callLists.due")}</Table.Th>
                <Table.Th>{t("callLists.callers")}</Table.Th>
                <Table.Th>{t("callLists.script")}</Table.Th>
                <Table.Th>{t("callLists.refreshed")}</Table.Th>
                <Table.Th w={84} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(lists.data ?? []).map((l) => (
                <Table.Tr key={l.id} data-testid="call-list-row" style={{ opacity: l.active ? 1 : 0.6 }}>
                  <Table.Td maw={380}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} truncate>
                        {l.name}
                      </Text>
                      {!l.active ? (
                        <Badge size="xs" variant="light" color="gray" radius="sm">
                          {t("callLists.paused")}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed" truncate>
                      {summary(l.criteria)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" data-testid="call-list-ready">
                    {l.ready}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={l.due > 0 ? 700 : 400} c={l.due > 0 ? "blue.7" : "dimmed"} data-testid="call-list-due">
                    {l.due}
                  </Table.Td>
                  <Table.Td>
                    {l.callerIds.length === 0 ? (
                      <Text size="xs" c="orange.7">
                        {t("callLists.noCallers")}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {callerNames(l.callerIds).map((n) => (
                          <Badge key={n} size="sm" variant="light" color="gray" radius="sm" tt="none">
                            {n}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{scriptName(l.scriptId) ?? <Text span size="xs" c="dimmed">{t("callLists.noScript")}</Text>}</Table.Td>
                  <Table.Td c="dimmed">{l.refreshedAt ? formatShort(l.refreshedAt) : "—"}</Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t("callLists.refresh")}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          loading={refresh.isPending && refresh.variables === l.id}
                          onClick={() => refresh.mutate(l.id, { onSuccess: ({ callList }) => notifications.show({ color: "teal", message: t("callLists.refreshDone", { ready: callList.ready, due: callList.due }) }) })}
                          aria-label={t("callLists.refresh")}
                          data-testid="call-list-refresh"
                        >
                          <IconRefresh size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t("common.edit")}>
                        <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(l)} aria-label={t("common.edit")} data-testid="call-list-edit">
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {lists.isPending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : (lists.data ?? []).length === 0 ? (
          <Center py="xl">
            <Stack align="center" gap={4}>
              <Text fw={600}>{t("callLists.empty")}</Text>
              <Text c="dimmed" size="sm">
                {t("callLists.emptyHint")}
              </Text>
            </Stack>
          </Center>
        ) : null}
      </Paper>
      {editing ? <CallListEditor key={editing === "new" ? "new" : editing.id} list={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
