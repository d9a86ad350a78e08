import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Invoice } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatMoney } from "../i18n/format";
import { isoDay } from "../results/queries";
import { usePayInvoice } from "./queries";

/** Mark an invoice paid, on the day the money came (today unless said otherwise; never before it was issued nor in the future). */
export function PayInvoiceDialog({ invoice, onClose }: { invoice: Invoice | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={invoice !== null} onClose={onClose} title={t("billing.payTitle")} centered size="sm">
      {invoice ? <PayInvoiceForm key={invoice.id} invoice={invoice} onClose={onClose} /> : null}
    </Modal>
  );
}

function PayInvoiceForm({ invoice, onClose }: { invoice: Invoice; onClose(): void }) {
  const { t } = useTranslation();
  const pay = usePayInvoice();
  const [today] = useState(() => isoDay(new Date()));
  const [paidOn, setPaidOn] = useState(today);
  const wrong = Boolean(paidOn && (paidOn < invoice.issuedOn || paidOn > today));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!paidOn || wrong) return;
    pay.mutate(
      // Today is left to the server (the team's time zone decides what today is).
      { id: invoice.id, paidOn: paidOn === today ? undefined : paidOn },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("billing.paid", { number: invoice.number }) });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="pay-invoice-form">
      <Stack gap="md">
        <Text size="sm">
          {t("billing.payExplain", { number: invoice.number, company: invoice.legalName, amount: formatMoney(invoice.amountMinor, invoice.currency) })}
        </Text>
        <ErrorAlert error={pay.error} />
        <TextInput
          type="date"
          label={t("billing.paidOn")}
          value={paidOn}
          min={invoice.issuedOn}
          max={today}
          required
          onChange={(e) => setPaidOn(e.currentTarget.value)}
          error={wrong ? t("billing.paidOnInvalid") : undefined}
          data-testid="pay-paid-on"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="teal" loading={pay.isPending} disabled={!paidOn || wrong} data-testid="pay-submit">
            {t("billing.markPaid")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
