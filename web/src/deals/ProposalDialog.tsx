import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { fieldProblems, problemFor } from "../api/errors";
import type { Deal } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { toMinor } from "../i18n/format";
import { useAddProposal } from "./queries";
import { CURRENCIES, dealCurrency, todayIso } from "./stages";

/** A proposal sent: amount, the day it went out, and a link to the document. */
export function ProposalDialog({ deal, opened, onClose }: { deal: Deal; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const add = useAddProposal(deal.companyId);
  const [amount, setAmount] = useState<number | string>(deal.amountMinor !== null ? deal.amountMinor / 100 : "");
  const [currency, setCurrency] = useState<string>(dealCurrency(deal));
  const [sentOn, setSentOn] = useState(todayIso());
  const [documentUrl, setDocumentUrl] = useState("");
  const [note, setNote] = useState("");
  const minor = toMinor(amount);
  const problems = fieldProblems(t, add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (minor === null) return;
    add.mutate(
      { dealId: deal.id, amountMinor: minor, currency, sentOn, documentUrl: documentUrl.trim() || undefined, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("deal.proposalRecorded") });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("deal.recordProposal")} centered>
      <form onSubmit={submit} data-testid="proposal-form">
        <Stack gap="sm">
          <ErrorAlert error={add.error} withFields={false} />
          <Group gap="xs" align="flex-start" grow>
            <NumberInput
              label={t("deal.amount")}
              value={amount}
              onChange={setAmount}
              min={0}
              decimalScale={2}
              thousandSeparator=" "
              required
              error={problemFor(problems, "amountMinor")}
              data-testid="proposal-amount"
            />
            <Select label={t("deal.currency")} data={[...CURRENCIES]} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} maw={110} data-testid="proposal-currency" />
          </Group>
          <TextInput type="date" label={t("deal.sentOn")} value={sentOn} onChange={(e) => setSentOn(e.currentTarget.value)} required error={problemFor(problems, "sentOn")} data-testid="proposal-sent-on" />
          <TextInput
            label={t("deal.documentUrl")}
            placeholder="https://"
            value={documentUrl}
            onChange={(e) => setDocumentUrl(e.currentTarget.value)}
            error={problemFor(problems, "documentUrl")}
            data-testid="proposal-document"
          />
          <Textarea label={t("deal.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={minor === null || !sentOn} data-testid="proposal-submit">
              {t("deal.recordProposal")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
