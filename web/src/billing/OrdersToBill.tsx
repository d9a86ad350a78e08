import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Anchor, Button, Paper, Stack, Table, Text } from "@mantine/core";
import { IconFileInvoice } from "@tabler/icons-react";
import type { Order } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { formatMoney, formatShort } from "../i18n/format";
import { IssueInvoiceDialog } from "./IssueInvoiceDialog";
import { Pager } from "./Pager";
import { PAGE_SIZE, useOrdersToBill } from "./queries";

/** Orders without a live invoice, oldest first, each with "Issue invoice" for the back office. */
export function OrdersToBill({ page, onPage, bills }: { page: number; onPage(page: number): void; bills: boolean }) {
  const { t } = useTranslation();
  const orders = useOrdersToBill(page);
  const [issuing, setIssuing] = useState<Order | null>(null);
  const items = orders.data?.items ?? [];
  const total = orders.data?.total ?? 0;

  // The last order of the last page was billed: step back to a page that still has some.
  useEffect(() => {
    if (orders.isSuccess && !orders.isPlaceholderData && items.length === 0 && page > 0) onPage(Math.max(0, Math.ceil(total / PAGE_SIZE) - 1));
  }, [orders.isSuccess, orders.isPlaceholderData, items.length, page, total, onPage]);

  return (
    <Stack gap="sm">
      <ErrorAlert error={orders.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="orders-table" style={{ opacity: orders.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th w={120}>{t("billing.orderedAt")}</Table.Th>
                <Table.Th>{t("billing.company")}</Table.Th>
                <Table.Th>{t("billing.lines")}</Table.Th>
                <Table.Th ta="right">{t("billing.total")}</Table.Th>
                {bills ? <Table.Th w={160} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((order) => (
                <Table.Tr key={order.id} data-testid={`order-row-${order.id}`}>
                  <Table.Td c="dimmed">{formatShort(order.orderedAt)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/companies/${order.companyId}`} size="sm" fw={600}>
                      {order.legalName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {order.lines.map((line, i) => (
                        <Text key={`${line.productId}-${i}`} size="xs">
                          {line.productName}{" "}
                          <Text span c="dimmed" size="xs">
                            × {line.quantity.toLocaleString()} · {formatMoney(line.amountMinor, order.currency)}
                          </Text>
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={600} style={{ whiteSpace: "nowrap" }} data-testid="order-total">
                    {formatMoney(order.totalMinor, order.currency)}
                  </Table.Td>
                  {bills ? (
                    <Table.Td ta="right">
                      <Button size="compact-sm" leftSection={<IconFileInvoice size={14} />} onClick={() => setIssuing(order)} data-testid={`issue-invoice-${order.id}`}>
                        {t("billing.issue")}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={orders.isPending} empty={items.length === 0 && !orders.error} testId="orders-empty">
          {t("billing.noOrders")}
        </ListState>
      </Paper>
      <Pager page={page} pageSize={PAGE_SIZE} total={total} shown={items.length} onChange={onPage} testId="orders-pager" />
      <IssueInvoiceDialog order={issuing} onClose={() => setIssuing(null)} />
    </Stack>
  );
}
