import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { Badge, Group, Paper, Select, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconAlarm, IconCalendarPause, IconCircleCheck, IconCoffee, IconFlag3 } from "@tabler/icons-react";
import type { QueueItem } from "../api/types";
import { steersConveyor, worksLeadQueue } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { useTeam } from "../companies/queries";
import { useQueue } from "../conversion/queries";
import { dealStageLabel, todayIso } from "../deals/stages";
import { formatDay, formatMoney, formatShort } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { durationText } from "./deadline";

/** The clock, ticking every 30 s, for live deadlines. */
function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The sales manager's home: today's leads, late first contacts on top, deals that are due again. */
export function QueuePage() {
  const user = useUser();
  if (!worksLeadQueue(user) && !steersConveyor(user)) return <Forbidden />;
  return <Queue />;
}

function Queue() {
  const { t } = useTranslation();
  const user = useUser();
  const head = steersConveyor(user);
  const managers = useTeam("manager", head);
  const [managerId, setManagerId] = useState<string | null>(null);
  const queue = useQueue(managerId ? Number(managerId) : undefined);
  const navigate = useNavigate();
  const now = useNow();
  const items = queue.data?.items ?? [];
  const overdue = items.filter((i) => i.firstContactOverdue).length;
  const waiting = items.filter((i) => !i.firstContactAt).length;
  const withDeal = items.filter((i) => i.deal).length;

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("queue.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {queue.data ? t("queue.subtitle", { date: formatDay(queue.data.today) }) : t("queue.subtitleShort")}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <Badge size="lg" variant="light" color="gray" radius="sm" data-testid="queue-count">
            {t("queue.count", { count: items.length })}
          </Badge>
          <Badge size="lg" variant={overdue ? "filled" : "light"} color={overdue ? "red" : "gray"} radius="sm" leftSection={<IconFlag3 size={14} />} data-testid="queue-overdue-count">
            {t("queue.overdueCount", { count: overdue })}
          </Badge>
          <Badge size="lg" variant="light" color="blue" radius="sm">
            {t("queue.waitingCount", { count: waiting })}
          </Badge>
          <Badge size="lg" variant="light" color="violet" radius="sm">
            {t("queue.dealCount", { count: withDeal })}
          </Badge>
          {head ? (
            <Select
              size="sm"
              w={220}
              placeholder={t("queue.allManagers")}
              data={(managers.data ?? []).map((m) => ({ value: String(m.id), label: m.fullName }))}
              value={managerId}
              onChange={setManagerId}
              clearable
              searchable
              aria-label={t("queue.manager")}
            />
          ) : null}
        </Group>
      </Group>
      <ErrorAlert error={queue.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="queue-table">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>{t("queue.company")}</Table.Th>
                <Table.Th>{t("queue.queueDay")}</Table.Th>
                <Table.Th>{t("queue.firstContact")}</Table.Th>
                <Table.Th>{t("queue.deal")}</Table.Th>
                <Table.Th ta="right">{t("queue.amount")}</Table.Th>
                <Table.Th>{t("queue.postponedUntil")}</Table.Th>
                {head && !managerId ? <Table.Th>{t("queue.manager")}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <QueueRow key={item.company.id} item={item} now={now} today={queue.data?.today ?? todayIso()} showHolder={head && !managerId} onOpen={() => navigate(`/companies/${item.company.id}`)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={queue.isPending} empty={items.length === 0} testId="queue-empty" icon={<IconCoffee size={22} />} title={t("queue.emptyTitle")}>
          {t("queue.emptyText")}
        </ListState>
      </Paper>
      <Text size="xs" c="dimmed">
        {t("queue.legend")}
      </Text>
    </Stack>
  );
}

function QueueRow({ item, now, today, showHolder, onOpen }: { item: QueueItem; now: number; today: string; showHolder: boolean; onOpen(): void }) {
  const { t } = useTranslation();
  const { company, deal } = item;
  const due = item.firstContactDueAt ? new Date(item.firstContactDueAt).getTime() : null;
  const late = item.firstContactOverdue || (!item.firstContactAt && due !== null && due < now);
  const postponed = deal?.postponedUntil ?? null;
  return (
    <Table.Tr
      onClick={onOpen}
      style={{ cursor: "pointer" }}
      bg={late ? "var(--mantine-color-red-0)" : undefined}
      data-testid="queue-row"
      data-company-id={company.id}
      data-overdue={late ? "true" : "false"}
    >
      <Table.Td>
        {late ? (
          <Tooltip label={t("queue.overdueTip")}>
            <IconFlag3 size={18} color="var(--mantine-color-red-7)" fill="var(--mantine-color-red-7)" data-testid="queue-overdue-flag" />
          </Tooltip>
        ) : item.firstContactAt ? (
          <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" />
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} data-testid="queue-company">
          {company.legalName}
        </Text>
        <Text size="xs" c="dimmed">
          {[company.industry, company.region, company.source].filter(Boolean).join(" · ")}
        </Text>
      </Table.Td>
      <Table.Td c={item.queueDay && item.queueDay < today ? "orange.8" : "dimmed"}>{item.queueDay ? formatDay(item.queueDay) : "—"}</Table.Td>
      <Table.Td data-testid="queue-deadline">
        {item.firstContactAt ? (
          <Text size="sm" c="teal.7">
            {t("queue.contactedAt", { time: formatShort(item.firstContactAt) })}
          </Text>
        ) : due === null ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : late ? (
          <Group gap={4} wrap="nowrap">
            <IconAlarm size={14} color="var(--mantine-color-red-7)" />
            <Text size="sm" c="red.7" fw={700}>
              {t("queue.lateBy", { duration: durationText(t, now - due) })}
            </Text>
          </Group>
        ) : (
          <Text size="sm" fw={500} c={due - now < 15 * 60_000 ? "orange.8" : undefined}>
            {t("queue.dueIn", { duration: durationText(t, due - now) })}
            <Text span size="xs" c="dimmed">
              {` · ${formatShort(item.firstContactDueAt)}`}
            </Text>
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {deal ? (
          <Badge variant="light" color="violet" radius="sm" size="sm" data-testid="queue-deal-stage">
            {dealStageLabel(t, deal.stage)}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t("queue.noDeal")}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" ff="monospace" fw={600}>
        {deal?.amountMinor !== null && deal?.amountMinor !== undefined ? formatMoney(deal.amountMinor, deal.currency) : ""}
      </Table.Td>
      <Table.Td>
        {postponed ? (
          <Group gap={4} wrap="nowrap">
            <IconCalendarPause size={14} color="var(--mantine-color-orange-7)" />
            <Text size="sm">{formatDay(postponed)}</Text>
          </Group>
        ) : null}
      </Table.Td>
      {showHolder ? <Table.Td c="dimmed">{company.holder?.fullName ?? "—"}</Table.Td> : null}
    </Table.Tr>
  );
}
