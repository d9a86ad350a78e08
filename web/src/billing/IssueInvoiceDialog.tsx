import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Paper, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Order } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatMoney } from "../i18n/format";
import { addDays, isoDay } from "../results/queries";
import { useIssueInvoice } from "./queries";

/** Days a customer has to pay unless the back office says otherwise. */
export const PAYMENT_TERM_DAYS = 14;

const plusDays = (day: string, days: number) => {
  const [y, m, d] = day.split("-").map(Number);
  return isoDay(addDays(new Date(y!, m! - 1, d!), days));
};

/** Issue the invoice for an order: the number (blank: the next of the year), the issue date and the due date. */
export function IssueInvoiceDialog({ order, onClose }: { order: Order | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={order !== null} onClose={onClose} title={t("billing.issueTitle")} centered>
      {/* Keyed by the order: each one opens with fresh defaults (issued today, due in two weeks). */}
      {order ? <IssueInvoiceForm key={order.id} order={order} onClose={onClose} /> : null}
    </Modal>
  );
}

function IssueInvoiceForm({ order, onClose }: { order: Order; onClose(): void }) {
  const { t } = useTranslation();
  const issue = useIssueInvoice();
  const [today] = useState(() => isoDay(new Date()));
  const [number, setNumber] = useState("");
  const [issuedOn, setIssuedOn] = useState(today);
  const [dueOn, setDueOn] = useState(() => plusDays(today, PAYMENT_TERM_DAYS));
  const [dueTouched, setDueTouched] = useState(false);
  const datesWrong = Boolean(issuedOn && dueOn && dueOn < issuedOn);

  const changeIssued = (value: string) => {
    setIssuedOn(value);
    if (!dueTouched && value) setDueOn(plusDays(value, PAYMENT_TERM_DAYS));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dueOn || datesWrong) return;
    issue.mutate(
      // Today is left to the server (the team's time zone decides what today is).
      { orderId: order.id, number: number.trim() || undefined, issuedOn: issuedOn && issuedOn !== today ? issuedOn : undefined, dueOn },
      {
        onSuccess: ({ invoice }) => {
          notifications.show({ color: "teal", message: t("billing.issued", { number: invoice.number }) });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="issue-invoice-form">
      <Stack gap="md">
        <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)">
          <Text size="sm" fw={600}>
            {order.legalName}
          </Text>
          <Text size="sm" c="dimmed">
            {t("billing.amountToBill")}:{" "}
            <Text span ff="monospace" fw={600} c="var(--mantine-color-text)">
              {formatMoney(order.totalMinor, order.currency)}
            </Text>
          </Text>
        </Paper>
        <ErrorAlert error={issue.error} />
        <TextInput
          label={t("billing.number")}
          description={t("billing.numberHint")}
          placeholder={`${(issuedOn || today).slice(0, 4)}-000001`}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          maxLength={50}
          data-testid="issue-number"
        />
        <Group grow align="flex-start">
          <TextInput type="date" label={t("billing.issuedOn")} value={issuedOn} onChange={(e) => changeIssued(e.currentTarget.value)} data-testid="issue-issued-on" />
          <TextInput
            type="date"
            label={t("billing.dueOn")}
            value={dueOn}
            min={issuedOn || undefined}
            required
            onChange={(e) => {
              setDueOn(e.currentTarget.value);
              setDueTouched(true);
            }}
            error={datesWrong ? t("billing.dueBeforeIssued") : undefined}
            data-testid="issue-due-on"
          />
        </Group>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={issue.isPending} disabled={!dueOn || datesWrong} data-testid="issue-submit">
            {t("billing.issue")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
