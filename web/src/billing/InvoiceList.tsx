import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Anchor, Button, Group, Paper, Stack, Table } from "@mantine/core";
import { IconCash, IconX } from "@tabler/icons-react";
import type { Invoice } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { formatDay, formatMoney } from "../i18n/format";
import { CancelInvoiceDialog } from "./CancelInvoiceDialog";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { Pager } from "./Pager";
import { PayInvoiceDialog } from "./PayInvoiceDialog";
import { PAGE_SIZE, useInvoices, type InvoiceTab } from "./queries";

/** Invoices of one status, soonest due first; the back office marks an unpaid one paid or cancels it. */
export function InvoiceList({ status, page, onPage, bills }: { status: InvoiceTab; page: number; onPage(page: number): void; bills: boolean }) {
  const { t } = useTranslation();
  const invoices = useInvoices(status, page);
  const [paying, setPaying] = useState<Invoice | null>(null);
  const [cancelling, setCancelling] = useState<Invoice | null>(null);
  const items = invoices.data?.items ?? [];
  const total = invoices.data?.total ?? 0;
  const open = status === "issued" || status === "overdue";

  // The last invoice of the last page moved on (paid, cancelled): step back to a page that still has some.
  useEffect(() => {
    if (invoices.isSuccess && !invoices.isPlaceholderData && items.length === 0 && page > 0) onPage(Math.max(0, Math.ceil(total / PAGE_SIZE) - 1));
  }, [invoices.isSuccess, invoices.isPlaceholderData, items.length, page, total, onPage]);

  return (
    <Stack gap="sm">
      <ErrorAlert error={invoices.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="invoices-table" style={{ opacity: invoices.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("billing.number")}</Table.Th>
                <Table.Th>{t("billing.company")}</Table.Th>
                <Table.Th ta="right">{t("billing.amount")}</Table.Th>
                <Table.Th>{t("billing.issuedOn")}</Table.Th>
                <Table.Th>{t("billing.dueOn")}</Table.Th>
                <Table.Th>{t("billing.status")}</Table.Th>
                {status === "paid" ? <Table.Th>{t("billing.paidOn")}</Table.Th> : null}
                {status === "cancelled" ? <Table.Th>{t("billing.reason")}</Table.Th> : null}
                {bills && open ? <Table.Th w={230} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((invoice) => (
                <Table.Tr key={invoice.id} data-testid={`invoice-row-${invoice.id}`} data-status={invoice.overdue ? "overdue" : invoice.status}>
                  <Table.Td ff="monospace" fw={600} data-testid="invoice-number">
                    {invoice.number}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/companies/${invoice.companyId}`} size="sm" fw={600} data-testid="invoice-company">
                      {invoice.legalName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" style={{ whiteSpace: "nowrap" }} data-testid="invoice-amount">
                    {formatMoney(invoice.amountMinor, invoice.currency)}
                  </Table.Td>
                  <Table.Td c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {formatDay(invoice.issuedOn)}
                  </Table.Td>
                  <Table.Td c={invoice.overdue ? "red.7" : undefined} fw={invoice.overdue ? 600 : undefined} style={{ whiteSpace: "nowrap" }} data-testid="invoice-due">
                    {formatDay(invoice.dueOn)}
                  </Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge invoice={invoice} />
                  </Table.Td>
                  {status === "paid" ? <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(invoice.paidOn)}</Table.Td> : null}
                  {status === "cancelled" ? (
                    <Table.Td c="dimmed" maw={320}>
                      {invoice.cancelReason}
                    </Table.Td>
                  ) : null}
                  {bills && open ? (
                    <Table.Td>
                      {invoice.status === "issued" ? (
                        <Group gap={6} justify="flex-end" wrap="nowrap">
                          <Button size="compact-sm" color="teal" leftSection={<IconCash size={14} />} onClick={() => setPaying(invoice)} data-testid={`invoice-pay-${invoice.id}`}>
                            {t("billing.markPaid")}
                          </Button>
                          <Button size="compact-sm" variant="default" leftSection={<IconX size={14} />} onClick={() => setCancelling(invoice)} data-testid={`invoice-cancel-${invoice.id}`}>
                            {t("billing.cancelInvoice")}
                          </Button>
                        </Group>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={invoices.isPending} empty={items.length === 0 && !invoices.error} testId="invoices-empty">
          {t(`billing.empty.${status}`)}
        </ListState>
      </Paper>
      <Pager page={page} pageSize={PAGE_SIZE} total={total} shown={items.length} onChange={onPage} testId="invoices-pager" />
      <PayInvoiceDialog invoice={paying} onClose={() => setPaying(null)} />
      <CancelInvoiceDialog invoice={cancelling} onClose={() => setCancelling(null)} />
    </Stack>
  );
}
