import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { Alert, Anchor, Badge, Button, Chip, Group, Pagination, Paper, SegmentedControl, Select, Stack, Switch, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconAlarm, IconInbox, IconUserStar } from "@tabler/icons-react";
import { RFM_SEGMENTS, type AccountRow, type RfmSegment } from "../api/types";
import { acceptsCustomers, mayExportList, worksAccounts } from "../auth/permissions";
import { ExportMenu } from "../exports/ExportMenu";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { useTeam } from "../companies/queries";
import { usePendingHandOvers } from "../conversion/queries";
import { formatDateTime, formatDay, formatShort } from "../i18n/format";
import { LOCALES, currentLanguage } from "../i18n";
import { Forbidden } from "../layout/StatePage";
import { ACCOUNTS_PAGE_SIZE, useAccounts, type AccountSort, type AccountsFilter } from "./queries";
import { daysAgo, percent, ReorderBadge, SegmentBadge, segmentLabel, SEGMENT_COLORS } from "./segments";

const SORTS: readonly AccountSort[] = ["expected", "monetary", "recency", "name"];
const REORDER_FILTERS = ["all", "due", "overdue"] as const;

const isSegment = (value: string): value is RfmSegment => (RFM_SEGMENTS as readonly string[]).includes(value);

function readFilter(params: URLSearchParams): AccountsFilter {
  const reorder = params.get("reorder");
  const sort = params.get("sort");
  const holderId = Number(params.get("holder"));
  return {
    segments: params.getAll("segment").filter(isSegment),
    reorder: reorder === "due" || reorder === "overdue" ? reorder : undefined,
    touchOverdue: params.get("touch") === "overdue" || undefined,
    holderId: Number.isInteger(holderId) && holderId > 0 ? holderId : undefined,
    sort: SORTS.includes(sort as AccountSort) ? (sort as AccountSort) : "expected",
    page: Math.max(0, Number(params.get("page") ?? 1) - 1 || 0),
  };
}

/** A year's purchases as a plain number: the list sums whatever the currency, so it shows no currency sign. */
const formatAmount = (minor: number) => new Intl.NumberFormat(LOCALES[currentLanguage()], { maximumFractionDigits: 0 }).format(minor / 100);

/** Tier 3's morning list: whom to remind, who is overdue to buy, whose touch is late, who owes money. */
export function AccountsPage() {
  const user = useUser();
  if (!worksAccounts(user)) return <Forbidden />;
  return <Accounts />;
}

function Accounts() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const mine = acceptsCustomers(user);
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const accounts = useAccounts(filter);
  const holders = useTeam("account_manager", !mine);
  const pending = usePendingHandOvers(mine);
  const items = accounts.data?.items ?? [];
  const total = accounts.data?.total ?? 0;
  const counts = accounts.data?.segments ?? {};
  const pages = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  const filtered = filter.segments.length > 0 || Boolean(filter.reorder) || Boolean(filter.touchOverdue) || Boolean(filter.holderId);

  const change = useCallback(
    (patch: Record<string, string | string[] | undefined>, keepPage = false) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            next.delete(key);
            for (const v of Array.isArray(value) ? value : value ? [value] : []) next.append(key, v);
          }
          if (!keepPage) next.delete("page");
          return next;
        },
        { replace: !keepPage },
      ),
    [setParams],
  );

  const waiting = pending.data?.length ?? 0;

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {mine ? t("accounts.myTitle") : t("accounts.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {mine ? t("accounts.mySubtitle") : t("accounts.subtitle")}
            {accounts.data ? ` · ${t("accounts.todayIs", { date: formatDay(accounts.data.today) })}` : ""}
          </Text>
        </Stack>
        <Group gap="sm">
          <Badge size="lg" variant="light" color="gray" radius="sm" data-testid="accounts-count">
            {t("accounts.count", { count: total })}
          </Badge>
          {mayExportList(user, "accounts") ? (
            <ExportMenu
              path="/api/accounts/export"
              filters={{ segment: filter.segments, reorder: filter.reorder, touchOverdue: filter.touchOverdue, holderId: filter.holderId }}
              testId="accounts-export"
            />
          ) : null}
        </Group>
      </Group>

      {waiting > 0 ? (
        <Alert color="grape" variant="light" icon={<IconInbox size={18} />} data-testid="accounts-handovers-banner">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm">{t("accounts.handoversWaiting", { count: waiting })}</Text>
            <Button component={Link} to="/handovers" size="xs" color="grape" variant="light" data-testid="accounts-handovers-link">
              {t("accounts.handoversOpen")}
            </Button>
          </Group>
        </Alert>
      ) : null}

      <Paper withBorder radius="md" p="sm">
        <Stack gap="sm">
          <Chip.Group multiple value={filter.segments} onChange={(value) => change({ segment: value })}>
            <Group gap={6} wrap="wrap" data-testid="segment-chips">
              {RFM_SEGMENTS.map((segment) => {
                const count = counts[segment] ?? 0;
                const selected = filter.segments.includes(segment);
                return (
                  <Chip
                    key={segment}
                    value={segment}
                    size="xs"
                    color={SEGMENT_COLORS[segment]}
                    variant="light"
                    disabled={count === 0 && !selected}
                    wrapperProps={{ "data-testid": `segment-${segment}`, "data-checked": selected ? "true" : "false" }}
                  >
                    {segmentLabel(t, segment)} · {count}
                  </Chip>
                );
              })}
            </Group>
          </Chip.Group>
          <Group gap="md" wrap="wrap" align="center">
            <SegmentedControl
              size="xs"
              value={filter.reorder ?? "all"}
              onChange={(value) => change({ reorder: value === "all" ? undefined : value })}
              data={REORDER_FILTERS.map((r) => ({ value: r, label: t(`accounts.reorderFilter.${r}`) }))}
              data-testid="accounts-reorder"
            />
            <Switch
              size="sm"
              label={t("accounts.touchOverdueOnly")}
              checked={Boolean(filter.touchOverdue)}
              onChange={(e) => change({ touch: e.currentTarget.checked ? "overdue" : undefined })}
              wrapperProps={{ "data-testid": "accounts-touch-overdue" }}
            />
            <Group gap="xs" ml="auto" wrap="wrap">
              {!mine ? (
                <Select
                  size="xs"
                  w={220}
                  placeholder={t("accounts.allHolders")}
                  aria-label={t("accounts.holder")}
                  data={(holders.data ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
                  value={filter.holderId ? String(filter.holderId) : null}
                  onChange={(value) => change({ holder: value ?? undefined })}
                  clearable
                  searchable
                  nothingFoundMessage={t("common.nothingFound")}
                  data-testid="accounts-holder"
                />
              ) : null}
              <Select
                size="xs"
                w={230}
                aria-label={t("accounts.sort")}
                data={SORTS.map((s) => ({ value: s, label: t(`accounts.sortBy.${s}`) }))}
                value={filter.sort}
                onChange={(value) => change({ sort: value && value !== "expected" ? value : undefined })}
                allowDeselect={false}
                data-testid="accounts-sort"
              />
            </Group>
          </Group>
        </Stack>
      </Paper>

      <ErrorAlert error={accounts.error} />

      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={1100}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="accounts-table" style={{ opacity: accounts.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th miw={220}>{t("accounts.customer")}</Table.Th>
                {!mine ? <Table.Th>{t("accounts.holder")}</Table.Th> : null}
                <Table.Th miw={150}>{t("accounts.segment")}</Table.Th>
                <Table.Th>
                  <Tooltip label={t("accounts.rfmHint")} multiline maw={320} withArrow>
                    <span>{t("accounts.rfm")}</span>
                  </Tooltip>
                </Table.Th>
                <Table.Th>{t("accounts.lastPurchase")}</Table.Th>
                <Table.Th ta="right">{t("accounts.yearAmount")}</Table.Th>
                <Table.Th>{t("accounts.expected")}</Table.Th>
                <Table.Th>{t("accounts.nextTouch")}</Table.Th>
                <Table.Th ta="center">{t("accounts.overdueInvoices")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <AccountTableRow key={row.companyId} row={row} showHolder={!mine} onOpen={() => navigate(`/companies/${row.companyId}`)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={accounts.isPending} empty={items.length === 0 && !accounts.error} testId="accounts-empty" icon={<IconUserStar size={22} />} title={filtered ? t("accounts.emptyFiltered") : t("accounts.emptyTitle")}>
          {filtered ? t("accounts.emptyFilteredText") : mine ? t("accounts.emptyText") : t("accounts.emptyTextAll")}
        </ListState>
      </Paper>

      {pages > 1 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="accounts-range">
            {t("accounts.range", { from: filter.page * ACCOUNTS_PAGE_SIZE + 1, to: filter.page * ACCOUNTS_PAGE_SIZE + items.length, total })}
          </Text>
          <Pagination size="sm" total={pages} value={filter.page + 1} onChange={(page) => change({ page: page > 1 ? String(page) : undefined }, true)} data-testid="accounts-pages" />
        </Group>
      ) : null}
      <Text size="xs" c="dimmed">
        {t("accounts.legend")}
      </Text>
    </Stack>
  );
}

function AccountTableRow({ row, showHolder, onOpen }: { row: AccountRow; showHolder: boolean; onOpen(): void }) {
  const { t } = useTranslation();
  const facts = [row.industry, row.size ? t(`size.${row.size}`) : null, row.region].filter(Boolean).join(" · ");
  return (
    <Table.Tr
      onClick={onOpen}
      style={{ cursor: "pointer" }}
      bg={row.reorderStatus === "overdue" ? "var(--mantine-color-red-0)" : row.reorderStatus === "due" ? "var(--mantine-color-yellow-0)" : undefined}
      data-testid={`account-row-${row.companyId}`}
      data-segment={row.segment}
      data-reorder={row.reorderStatus}
    >
      <Table.Td>
        <Anchor component={Link} to={`/companies/${row.companyId}`} fw={600} c="dark" size="sm" onClick={(e) => e.stopPropagation()} data-testid="account-name">
          {row.legalName}
        </Anchor>
        {facts ? (
          <Text size="xs" c="dimmed">
            {facts}
          </Text>
        ) : null}
      </Table.Td>
      {showHolder ? <Table.Td c={row.holder ? undefined : "dimmed"}>{row.holder?.fullName ?? t("accounts.nobody")}</Table.Td> : null}
      <Table.Td>
        <SegmentBadge segment={row.segment} />
      </Table.Td>
      <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }} data-testid="account-rfm">
        {row.scores ? `R${row.scores.recency} F${row.scores.frequency} M${row.scores.monetary}` : "—"}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }} data-testid="account-last">
        {row.lastPurchaseOn && row.daysSinceLastPurchase !== null ? (
          <>
            <Text size="sm">{daysAgo(t, row.daysSinceLastPurchase)}</Text>
            <Text size="xs" c="dimmed">
              {formatDay(row.lastPurchaseOn)} · {t("accounts.purchasesShort", { count: row.purchases })}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("accounts.noPurchases")}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {row.monetaryMinor > 0 ? formatAmount(row.monetaryMinor) : "—"}
      </Table.Td>
      <Table.Td data-testid="account-expected">
        {row.expectedOn ? (
          <Stack gap={2}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={500} style={{ whiteSpace: "nowrap" }} data-testid="account-expected-on" data-day={row.expectedOn}>
                {formatDay(row.expectedOn)}
              </Text>
              <ReorderBadge status={row.reorderStatus} />
            </Group>
            <Text size="xs" c="dimmed">
              {t("accounts.everyDays", { days: Math.round(row.intervalDays ?? 0) })}
              {row.confidence !== null ? ` · ${t("accounts.confidence", { percent: percent(row.confidence) })}` : ""}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("accounts.noRhythm")}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }} data-testid="account-touch">
        {row.nextTouchAt ? (
          <Group gap={4} wrap="nowrap">
            {row.touchOverdue ? <IconAlarm size={14} color="var(--mantine-color-red-7)" /> : null}
            <Text size="sm" c={row.touchOverdue ? "red.7" : undefined} fw={row.touchOverdue ? 700 : undefined} title={formatDateTime(row.nextTouchAt)}>
              {formatShort(row.nextTouchAt)}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="center" data-testid="account-overdue-invoices">
        {row.overdueInvoices > 0 ? (
          <Badge color="red" variant="filled" size="sm" radius="sm">
            {row.overdueInvoices}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            0
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
