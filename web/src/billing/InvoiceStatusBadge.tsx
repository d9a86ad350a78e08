import { useTranslation } from "react-i18next";
import { Badge } from "@mantine/core";
import type { Invoice } from "../api/types";

const COLORS = { issued: "blue", overdue: "red", paid: "teal", cancelled: "gray" } as const;

/** Where an invoice stands: unpaid, overdue (unpaid past its due date), paid or cancelled. */
export function InvoiceStatusBadge({ invoice }: { invoice: Pick<Invoice, "status" | "overdue"> }) {
  const { t } = useTranslation();
  const status = invoice.overdue ? "overdue" : invoice.status;
  return (
    <Badge size="sm" variant="light" radius="sm" color={COLORS[status]} data-testid="invoice-status" data-status={status}>
      {t(`billing.statuses.${status}`)}
    </Badge>
  );
}
