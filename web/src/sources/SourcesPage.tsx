import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconPencil, IconPlus, IconTargetArrow } from "@tabler/icons-react";
import { managesSources } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { formatMoney } from "../i18n/format";
import { IntakeLog } from "./IntakeLog";
import { IntakePanel } from "./IntakePanel";
import { OUTCOME_COLORS } from "./kinds";
import { useSources } from "./queries";
import { SourceForm } from "./SourceForm";
import type { LeadSource, OutcomeCounts } from "./types";

/**
 * Where leads come from. The head sets sources up (cost per lead, owner, on/off) and connects
 * their intake; anyone who owns a source sees it here read-only, with what was posted to it.
 */
export function SourcesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const head = managesSources(user);
  const sources = useSources();
  const [editing, setEditing] = useState<LeadSource | "new" | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const items = sources.data ?? [];
  const selected = items.find((s) => s.id === selectedId) ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("sources.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {head ? t("sources.subtitle") : t("sources.ownerSubtitle")}
          </Text>
        </Stack>
        {head ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")} data-testid="source-new">
            {t("sources.new")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={sources.error} />
      <Paper withBorder radius="md" style={{ overflowX: "auto" }}>
        <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="sources-table">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>{t("sources.field.name")}</Table.Th>
              <Table.Th>{t("sources.field.cost")}</Table.Th>
              <Table.Th>{t("sources.field.owner")}</Table.Th>
              <Table.Th>{t("sources.intake.title")}</Table.Th>
              <Table.Th>{t("sources.last24h")}</Table.Th>
              <Table.Th>{t("sources.last7d")}</Table.Th>
              {head ? <Table.Th w={48} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr
                key={s.id}
                onClick={() => setSelectedId(s.id === selectedId ? null : s.id)}
                style={{ cursor: "pointer" }}
                bg={s.id === selectedId ? "var(--mantine-color-blue-light)" : undefined}
                data-testid="source-row"
                data-source-id={s.id}
              >
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap={6}>
                      <Text fw={600} size="sm" c={s.active ? undefined : "dimmed"}>
                        {s.name}
                      </Text>
                      {!s.active ? (
                        <Badge size="xs" color="gray" variant="light" radius="sm">
                          {t("sources.off")}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`sources.kind.${s.kind}`)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td ff="monospace">{s.costPerLeadMinor === null ? <Text span c="dimmed">—</Text> : formatMoney(s.costPerLeadMinor, s.currency)}</Table.Td>
                <Table.Td>{s.owner?.fullName ?? <Text span c="dimmed">{t("sources.noOwner")}</Text>}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge size="sm" variant="light" color={s.intake.enabled ? "teal" : "gray"} radius="sm" w="fit-content">
                      {s.intake.enabled ? t("sources.intake.on") : t("sources.intake.off")}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t("sources.perHour", { count: s.intake.hourlyLimit })}
                    </Text>
                    {s.waitingLeads > 0 ? (
                      <Tooltip label={t("sources.waitingHint")} multiline w={260}>
                        <Badge size="sm" color="orange" variant="filled" radius="sm" w="fit-content" data-testid="source-waiting">
                          {t("sources.waiting", { count: s.waitingLeads })}
                        </Badge>
                      </Tooltip>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Counts counts={s.intake.last24h} testId="source-24h" />
                </Table.Td>
                <Table.Td>
                  <Counts counts={s.intake.last7d} testId="source-7d" />
                </Table.Td>
                {head ? (
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Tooltip label={t("common.edit")}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(s)} aria-label={t("common.edit")} data-testid="source-edit">
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ListState pending={sources.isPending} empty={!sources.error && items.length === 0} icon={<IconTargetArrow size={22} />} title={head ? t("sources.empty") : t("sources.ownerEmpty")}>
          {head ? t("sources.emptyHint") : t("sources.ownerEmptyHint")}
        </ListState>
      </Paper>
      {selected ? (
        <Stack gap="md" data-testid="source-details">
          <Group justify="space-between">
            <Title order={3} fz="lg">
              {selected.name}
            </Title>
            {head && selected.waitingLeads > 0 ? (
              <Anchor component={Link} to="/conversion" size="sm">
                {t("sources.distributeLink")}
              </Anchor>
            ) : null}
          </Group>
          {head ? <IntakePanel key={selected.id} source={selected} /> : null}
          <IntakeLog key={`log-${selected.id}`} sourceId={selected.id} />
        </Stack>
      ) : items.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t("sources.pickHint")}
        </Text>
      ) : null}
      {editing ? <SourceForm source={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

/** Accepted posts plainly; every kind of reject in its colour, so a source going bad stands out. */
function Counts({ counts, testId }: { counts: OutcomeCounts; testId: string }) {
  const { t } = useTranslation();
  const rejects = (["duplicate", "invalid", "rate_limited"] as const).filter((o) => counts[o] > 0);
  return (
    <Group gap={4} wrap="wrap" data-testid={testId}>
      <Tooltip label={t("sources.outcome.accepted")}>
        <Badge size="sm" variant="light" color={OUTCOME_COLORS.accepted} radius="sm">
          {counts.accepted}
        </Badge>
      </Tooltip>
      {rejects.map((o) => (
        <Tooltip key={o} label={t(`sources.outcome.${o}`)}>
          <Badge size="sm" variant="filled" color={OUTCOME_COLORS[o]} radius="sm" data-outcome={o}>
            {counts[o]}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
