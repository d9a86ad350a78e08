import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Anchor, Badge, Paper, Stack, Table } from "@mantine/core";
import type { TouchRow } from "../api/types";
import { Pager } from "../billing/Pager";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { StageBadge } from "../companies/StageBadge";
import { formatShort } from "../i18n/format";
import { PAGE_SIZE, useTouches, type TouchFilter } from "./queries";

const STATUS_COLORS = { overdue: "red", due: "orange", scheduled: "gray" } as const;

/** Live companies by their next touch, earliest first; the company's page is where the call, meeting or e-mail is logged. */
export function TouchList({ filter, showHolder, onPage }: { filter: TouchFilter; showHolder: boolean; onPage(page: number): void }) {
  const { t } = useTranslation();
  const touches = useTouches(filter);
  const items = touches.data?.items ?? [];
  const total = touches.data?.total ?? 0;
  const { page } = filter;

  // The page asked for is past the end (touches were logged meanwhile): go to the last one.
  useEffect(() => {
    if (touches.isSuccess && !touches.isPlaceholderData && items.length === 0 && page > 0) onPage(Math.max(0, Math.ceil(total / PAGE_SIZE) - 1));
  }, [touches.isSuccess, touches.isPlaceholderData, items.length, page, total, onPage]);

  return (
    <Stack gap="sm">
      <ErrorAlert error={touches.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="touches-table" style={{ opacity: touches.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("touches.company")}</Table.Th>
                <Table.Th w={110}>{t("touches.stage")}</Table.Th>
                {showHolder ? <Table.Th>{t("touches.holder")}</Table.Th> : null}
                <Table.Th>{t("touches.lastTouch")}</Table.Th>
                <Table.Th>{t("touches.nextTouch")}</Table.Th>
                <Table.Th>{t("touches.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.companyId} data-testid={`touch-row-${row.companyId}`} data-status={row.status}>
                  <Table.Td>
                    <Anchor component={Link} to={`/companies/${row.companyId}`} size="sm" fw={600} data-testid="touch-company">
                      {row.legalName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stage={row.stage} size="xs" />
                  </Table.Td>
                  {showHolder ? (
                    <Table.Td c={row.holder ? undefined : "orange.8"} data-testid="touch-holder">
                      {row.holder?.fullName ?? t("touches.nobody")}
                    </Table.Td>
                  ) : null}
                  <Table.Td c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {row.lastTouchAt ? formatShort(row.lastTouchAt) : t("touches.never")}
                  </Table.Td>
                  <Table.Td c={row.status === "overdue" ? "red.7" : undefined} fw={row.status === "scheduled" ? undefined : 600} style={{ whiteSpace: "nowrap" }}>
                    {row.nextTouchAt ? formatShort(row.nextTouchAt) : "—"}
                  </Table.Td>
                  <Table.Td>
                    <TouchStatusBadge row={row} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={touches.isPending} empty={items.length === 0 && !touches.error} testId="touches-empty">
          {filter.status === "all" ? t("touches.emptyAll") : t("touches.emptyDue")}
        </ListState>
      </Paper>
      <Pager page={page} pageSize={PAGE_SIZE} total={total} shown={items.length} onChange={onPage} testId="touches-pager" />
    </Stack>
  );
}

function TouchStatusBadge({ row }: { row: TouchRow }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" radius="sm" color={STATUS_COLORS[row.status]} data-testid="touch-status" data-status={row.status}>
      {row.status === "overdue" ? t("touches.overdueBy", { count: row.daysOverdue }) : t(`touches.statuses.${row.status}`)}
    </Badge>
  );
}
