import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Invoice } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { useCancelInvoice } from "./queries";

/** Cancel an unpaid invoice, saying why; its order goes back to "To bill". */
export function CancelInvoiceDialog({ invoice, onClose }: { invoice: Invoice | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={invoice !== null} onClose={onClose} title={t("billing.cancelTitle")} centered>
      {invoice ? <CancelInvoiceForm key={invoice.id} invoice={invoice} onClose={onClose} /> : null}
    </Modal>
  );
}

function CancelInvoiceForm({ invoice, onClose }: { invoice: Invoice; onClose(): void }) {
  const { t } = useTranslation();
  const cancel = useCancelInvoice();
  const [reason, setReason] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    cancel.mutate(
      { id: invoice.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("billing.cancelled", { number: invoice.number }) });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="cancel-invoice-form">
      <Stack gap="md">
        <Text size="sm">{t("billing.cancelExplain", { number: invoice.number, company: invoice.legalName })}</Text>
        <ErrorAlert error={cancel.error} />
        <Textarea
          label={t("billing.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus
          data-testid="cancel-reason"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("billing.keepInvoice")}
          </Button>
          <Button type="submit" color="red" loading={cancel.isPending} disabled={!reason.trim()} data-testid="cancel-submit">
            {t("billing.cancelInvoice")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
