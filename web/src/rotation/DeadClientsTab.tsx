import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Menu, Paper, Select, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconDots, IconMoodCheck } from "@tabler/icons-react";
import type { DeadClient } from "../api/types";
import { Pager } from "../billing/Pager";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { useTeam } from "../companies/queries";
import { formatDate, formatShort } from "../i18n/format";
import { DECISION_ICONS } from "./decisionIcons";
import { DecisionDialog } from "./DecisionDialog";
import { DEAD_PAGE_SIZE, useDeadClients } from "./queries";
import { DECISIONS, deadTarget, type DecisionKind, type RotationTarget } from "./targets";

const testIdOf = (kind: DecisionKind) => kind.replace(/_/g, "-");

/** The head's list: clients past their term without a sale, or untouched for N days; decide one by one or in a batch. */
export function DeadClientsTab({ page, holderId, onPage, onHolder }: { page: number; holderId?: number; onPage(page: number): void; onHolder(id: number | undefined): void }) {
  const { t } = useTranslation();
  const dead = useDeadClients(page, holderId);
  const salespeople = useTeam(undefined);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<{ kind: DecisionKind; targets: RotationTarget[]; batch: boolean } | null>(null);
  const items = dead.data?.items ?? [];
  const total = dead.data?.total ?? 0;
  // A row decided elsewhere (or gone after a refetch) is no longer selectable.
  const chosen = items.filter((row) => selected.has(row.holdingId));
  const allChosen = items.length > 0 && chosen.length === items.length;

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const holders = (salespeople.data ?? []).filter((u) => u.role === "caller" || u.role === "manager" || u.role === "account_manager");

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed">
          {t("rotation.dead.explain")}
        </Text>
        <Select
          size="xs"
          w={240}
          placeholder={t("rotation.dead.allHolders")}
          aria-label={t("rotation.dead.holder")}
          data={holders.map((u) => ({ value: String(u.id), label: u.fullName }))}
          value={holderId ? String(holderId) : null}
          onChange={(v) => {
            setSelected(new Set());
            onHolder(v ? Number(v) : undefined);
          }}
          clearable
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          data-testid="dead-holder"
        />
      </Group>

      {chosen.length > 0 ? (
        <Paper withBorder radius="md" p="xs" bg="var(--mantine-color-blue-0)" data-testid="dead-batch">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} mr="xs" data-testid="dead-selected-count">
              {t("rotation.dead.selected", { count: chosen.length })}
            </Text>
            {DECISIONS.map((kind) => {
              const Icon = DECISION_ICONS[kind];
              return (
                <Button
                  key={kind}
                  size="xs"
                  variant={kind === "archive" ? "light" : "default"}
                  color={kind === "archive" ? "red" : undefined}
                  leftSection={<Icon size={14} />}
                  onClick={() => setDialog({ kind, targets: chosen.map(deadTarget), batch: true })}
                  data-testid={`batch-${testIdOf(kind)}`}
                >
                  {t(`rotation.decision.${kind}`)}
                </Button>
              );
            })}
            <Button size="xs" variant="subtle" color="gray" onClick={() => setSelected(new Set())}>
              {t("common.clear")}
            </Button>
          </Group>
        </Paper>
      ) : null}

      <ErrorAlert error={dead.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={1100}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="dead-table" style={{ opacity: dead.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t("rotation.dead.selectAll")}
                    checked={allChosen}
                    indeterminate={chosen.length > 0 && !allChosen}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(items.map((r) => r.holdingId)) : new Set())}
                    data-testid="dead-select-all"
                  />
                </Table.Th>
                <Table.Th miw={220}>{t("rotation.dead.client")}</Table.Th>
                <Table.Th>{t("rotation.dead.holder")}</Table.Th>
                <Table.Th>{t("rotation.dead.reason")}</Table.Th>
                <Table.Th>{t("rotation.dead.held")}</Table.Th>
                <Table.Th>{t("rotation.dead.lastTouch")}</Table.Th>
                <Table.Th>{t("rotation.dead.suggested")}</Table.Th>
                <Table.Th w={60} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <DeadRow
                  key={row.holdingId}
                  row={row}
                  selected={selected.has(row.holdingId)}
                  onSelect={(on) => toggle(row.holdingId, on)}
                  onDecide={(kind) => setDialog({ kind, targets: [deadTarget(row)], batch: false })}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={dead.isPending} empty={items.length === 0 && !dead.error} testId="dead-empty" icon={<IconMoodCheck size={22} />} iconColor="teal" title={t("rotation.dead.emptyTitle")}>
          {t("rotation.dead.emptyText")}
        </ListState>
      </Paper>
      <Pager page={page} pageSize={DEAD_PAGE_SIZE} total={total} shown={items.length} onChange={onPage} testId="dead-pager" />

      {dialog ? (
        <DecisionDialog
          kind={dialog.kind}
          targets={dialog.targets}
          onClose={() => setDialog(null)}
          onDone={() => setSelected((current) => (dialog.batch ? new Set() : new Set([...current].filter((id) => !dialog.targets.some((x) => x.holdingId === id)))))}
        />
      ) : null}
    </Stack>
  );
}

function DeadRow({ row, selected, onSelect, onDecide }: { row: DeadClient; selected: boolean; onSelect(on: boolean): void; onDecide(kind: DecisionKind): void }) {
  const { t } = useTranslation();
  const facts = [row.company.industry, row.company.size ? t(`size.${row.company.size}`) : null, row.company.groupName].filter(Boolean).join(" · ");
  return (
    <Table.Tr bg={selected ? "var(--mantine-color-blue-0)" : undefined} data-testid={`dead-row-${row.holdingId}`} data-company-id={row.company.id} data-reason={row.reason}>
      <Table.Td>
        <Checkbox aria-label={row.company.legalName} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} data-testid="dead-select" />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/companies/${row.company.id}`} fw={600} c="dark" size="sm" data-testid="dead-company">
          {row.company.legalName}
        </Anchor>
        {facts ? (
          <Text size="xs" c="dimmed">
            {facts}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.holder.fullName}</Text>
        <Text size="xs" c="dimmed">
          {t("tier.short", { tier: row.tier })} · {t(`role.${row.holder.role}`, { defaultValue: row.holder.role })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={t("rotation.dead.listedOn", { date: formatDate(row.listedAt) })} withArrow>
          <Badge variant="light" color={row.reason === "term_expired" ? "red" : "orange"} radius="sm" data-testid="dead-reason">
            {t(`rotation.reason.${row.reason}`)}
          </Badge>
        </Tooltip>
        {row.termUntil ? (
          <Text size="xs" c="dimmed" mt={2}>
            {t("rotation.dead.termUntil", { date: formatDate(row.termUntil) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm" data-testid="dead-days-held">
          {t("rotation.days", { count: row.daysHeld })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("rotation.dead.since", { date: formatDate(row.startedAt) })}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {row.lastTouchAt ? (
          <Text size="sm">{formatShort(row.lastTouchAt)}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("rotation.dead.never")}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="dead-suggested">
        {row.suggested ? (
          <Text size="sm">{row.suggested.fullName}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("rotation.dead.nobodySuggested")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end" withinPortal shadow="md">
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t("rotation.dead.decide")} data-testid="dead-actions">
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {DECISIONS.map((kind) => {
              const Icon = DECISION_ICONS[kind];
              return (
                <Menu.Item key={kind} leftSection={<Icon size={16} />} color={kind === "archive" ? "red" : undefined} onClick={() => onDecide(kind)} data-testid={`dead-action-${testIdOf(kind)}`}>
                  {t(`rotation.decision.${kind}`)}
                </Menu.Item>
              );
            })}
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}
