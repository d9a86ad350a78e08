import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconBan, IconCircleCheck, IconClockDollar, IconFileInvoice } from "@tabler/icons-react";
import { billsOrders, mayExportList, seesInvoices } from "../auth/permissions";
import { ExportMenu } from "../exports/ExportMenu";
import { useUser } from "../auth/session";
import { Forbidden } from "../layout/StatePage";
import { InvoiceList } from "./InvoiceList";
import { OrdersToBill } from "./OrdersToBill";
import { BILLING_TABS, type BillingTab } from "./queries";

const TAB_ICONS = { toBill: IconFileInvoice, issued: IconClockDollar, overdue: IconAlertTriangle, paid: IconCircleCheck, cancelled: IconBan } as const;

/** The back office's billing: orders to invoice, then invoices unpaid, overdue, paid and cancelled. The head looks on. */
export function InvoicesPage() {
  const user = useUser();
  if (!seesInvoices(user)) return <Forbidden />;
  return <Invoices />;
}

function Invoices() {
  const { t } = useTranslation();
  const user = useUser();
  const bills = billsOrders(user);
  const [params, setParams] = useSearchParams();
  const asked = params.get("tab");
  const tab: BillingTab = (BILLING_TABS as readonly string[]).includes(asked ?? "") ? (asked as BillingTab) : "toBill";
  const page = Math.max(0, Number(params.get("page") ?? 1) - 1 || 0);

  const setTab = (next: string | null) =>
    setParams(
      (current) => {
        const p = new URLSearchParams(current);
        if (next && next !== "toBill") p.set("tab", next);
        else p.delete("tab");
        p.delete("page");
        return p;
      },
      { replace: true },
    );
  const setPage = (next: number) =>
    setParams((current) => {
      const p = new URLSearchParams(current);
      if (next > 0) p.set("page", String(next + 1));
      else p.delete("page");
      return p;
    });

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("billing.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {bills ? t("billing.subtitle") : t("billing.subtitleReadOnly")}
          </Text>
        </Stack>
        {/* An invoice tab exports its invoices; the orders still to bill are not invoices yet. */}
        {tab !== "toBill" && mayExportList(user, "invoices") ? <ExportMenu path="/api/invoices/export" filters={{ status: tab }} testId="invoices-export" /> : null}
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          {BILLING_TABS.map((key) => {
            const Icon = TAB_ICONS[key];
            return (
              <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} />} color={key === "overdue" ? "red" : undefined} data-testid={`billing-tab-${key}`}>
                {t(`billing.tabs.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      {tab === "toBill" ? <OrdersToBill page={page} onPage={setPage} bills={bills} /> : <InvoiceList key={tab} status={tab} page={page} onPage={setPage} bills={bills} />}
    </Stack>
  );
}
