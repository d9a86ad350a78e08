import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { useQueryClient } from "@tanstack/react-query";
import { ActionIcon, Alert, Anchor, Badge, Center, Group, Loader, Menu, Paper, Stack, Table, Text, ThemeIcon, Title, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconArrowBackUp, IconClipboardList } from "@tabler/icons-react";
import type { WeeklyOverview } from "../api/types";
import { readsWeeklyReports } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatDateTime, formatDay } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { DecisionDialog } from "./DecisionDialog";
import { DECISION_ICONS } from "./decisionIcons";
import { useWeeklyOverview } from "./queries";
import { ReportStatusBadge } from "./ReportStatusBadge";
import { tierOfRole, type RotationTarget } from "./targets";
import { thisMonday, WeekPicker } from "./WeekPicker";

type Person = WeeklyOverview["people"][number];
type Line = Person["lines"][number];

const RECALLS = ["transfer_now", "transfer_after_rest"] as const;

const isDay = (value: string | null): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

/** The head's view of a week's reports: who reported, who is late, the clients nobody reported on, each line — and a recall from any line. */
export function WeeklyReportsPage() {
  const user = useUser();
  if (!readsWeeklyReports(user)) return <Forbidden />;
  return <WeeklyReports />;
}

function WeeklyReports() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("week");
  const week = isDay(asked) ? asked : null;
  const overview = useWeeklyOverview(week);
  const queryClient = useQueryClient();
  const current = queryClient.getQueryData<WeeklyOverview>(["weekly-reports", "overview", null])?.week ?? thisMonday();
  const shown = overview.data?.week ?? week ?? current;
  const [recall, setRecall] = useState<{ kind: (typeof RECALLS)[number]; target: RotationTarget } | null>(null);
  const people = overview.data?.people ?? [];
  const reported = people.filter((p) => p.submittedAt).length;

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("weeklyReports.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("weeklyReports.subtitle")}
          </Text>
        </Stack>
        <WeekPicker value={shown} current={current} onChange={(w) => setParams(w === current ? {} : { week: w }, { replace: true })} />
      </Group>
      <ErrorAlert error={overview.error} />
      {overview.data ? (
        <Group gap="sm">
          <Badge size="lg" variant="light" color={reported === people.length ? "teal" : "gray"} radius="sm" data-testid="reports-count">
            {t("weeklyReports.reportedOf", { reported, total: people.length })}
          </Badge>
          {overview.data.overdue ? (
            <Text size="sm" c="dimmed">
              {t("weeklyReports.weekOver")}
            </Text>
          ) : null}
        </Group>
      ) : null}
      {overview.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : people.length === 0 && !overview.error ? (
        <Center py={60}>
          <Stack align="center" gap={6} data-testid="reports-empty">
            <ThemeIcon size={44} radius="xl" variant="light" color="gray">
              <IconClipboardList size={22} />
            </ThemeIcon>
            <Text fw={600}>{t("weeklyReports.nobodyTitle")}</Text>
          </Stack>
        </Center>
      ) : (
        <Stack gap="md" style={{ opacity: overview.isPlaceholderData ? 0.6 : 1 }}>
          {people.map((person) => (
            <PersonReport key={person.user.id} person={person} onRecall={(kind, line) => setRecall({ kind, target: targetOf(person, line) })} />
          ))}
        </Stack>
      )}
      {recall ? <DecisionDialog kind={recall.kind} targets={[recall.target]} onClose={() => setRecall(null)} /> : null}
    </Stack>
  );
}

const targetOf = (person: Person, line: Line): RotationTarget => ({
  holdingId: line.holdingId,
  company: { id: line.company.id, legalName: line.company.legalName },
  tier: tierOfRole(person.user.role),
  holder: { id: person.user.id, fullName: person.user.fullName },
  // Not on the dead list: who the rule picks is decided by the server at the moment of the recall.
  suggested: undefined,
});

function PersonReport({ person, onRecall }: { person: Person; onRecall(kind: (typeof RECALLS)[number], line: Line): void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid={`report-person-${person.user.id}`} data-late={person.late ? "true" : "false"}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={700}>{person.user.fullName}</Text>
            <Text size="sm" c="dimmed">
              {t(`role.${person.user.role}`)} · {t("weeklyReports.held", { count: person.held })}
            </Text>
          </Group>
          {person.submittedAt ? (
            <Badge color="teal" variant="light" radius="sm" data-testid="person-state" data-state="submitted">
              {t("weeklyReports.submittedAt", { date: formatDateTime(person.submittedAt) })}
            </Badge>
          ) : person.late ? (
            <Badge color="red" variant="filled" radius="sm" leftSection={<IconAlertTriangle size={12} />} data-testid="person-state" data-state="late">
              {t("weeklyReports.late")}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" radius="sm" data-testid="person-state" data-state="missing">
              {t("weeklyReports.notSubmitted")}
            </Badge>
          )}
        </Group>
        {person.missing.length > 0 ? (
          <Alert color={person.late ? "red" : "yellow"} variant="light" py={8} data-testid="person-missing">
            <Text size="sm">
              {t("weeklyReports.noLineFor")}{" "}
              {person.missing.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? ", " : ""}
                  <Anchor component={Link} to={`/companies/${c.id}`} size="sm" fw={600}>
                    {c.legalName}
                  </Anchor>
                </span>
              ))}
            </Text>
          </Alert>
        ) : null}
        {person.lines.length > 0 ? (
          <Table.ScrollContainer minWidth={800}>
            <Table fz="sm" verticalSpacing={6} data-testid="person-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={200}>{t("rotation.dead.client")}</Table.Th>
                  <Table.Th>{t("weeklyReports.statusLabel")}</Table.Th>
                  <Table.Th miw={240}>{t("weeklyReports.nextStep")}</Table.Th>
                  <Table.Th>{t("weeklyReports.nextStepOn")}</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.lines.map((line) => (
                  <Table.Tr key={line.company.id} data-testid={`report-line-${line.company.id}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/companies/${line.company.id}`} size="sm" fw={600} c="dark">
                        {line.company.legalName}
                      </Anchor>
                      {!line.heldNow ? (
                        <Text size="xs" c="dimmed">
                          {t("weeklyReports.notHeldAnyMore")}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <ReportStatusBadge status={line.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{line.nextStep}</Text>
                      {line.note ? (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                          {line.note}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{line.nextStepOn ? formatDay(line.nextStepOn) : "—"}</Table.Td>
                    <Table.Td>
                      <RecallMenu line={line} onRecall={(kind) => onRecall(kind, line)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Recall a client early, straight from the report: transfer it now, or after a rest. Only while the person still holds it. */
function RecallMenu({ line, onRecall }: { line: Line; onRecall(kind: (typeof RECALLS)[number]): void }) {
  const { t } = useTranslation();
  if (!line.heldNow) {
    return (
      <Tooltip label={t("weeklyReports.recallGone")} withArrow>
        <ActionIcon variant="subtle" color="gray" disabled aria-label={t("weeklyReports.recall")}>
          <IconArrowBackUp size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Tooltip label={t("weeklyReports.recall")} withArrow>
          <ActionIcon variant="subtle" color={line.status === "hopeless" ? "red" : "gray"} aria-label={t("weeklyReports.recall")} data-testid={`recall-${line.holdingId}`}>
            <IconArrowBackUp size={16} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("weeklyReports.recall")}</Menu.Label>
        {RECALLS.map((kind) => {
          const Icon = DECISION_ICONS[kind];
          return (
            <Menu.Item key={kind} leftSection={<Icon size={16} />} onClick={() => onRecall(kind)} data-testid={`recall-${kind.replace(/_/g, "-")}`}>
              {t(`rotation.decision.${kind}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
