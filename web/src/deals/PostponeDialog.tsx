import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { POSTPONE_REASONS, type Deal, type PostponeReason } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { usePostponeDeal } from "./queries";
import { todayIso } from "./stages";

const addDaysIso = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** "Not now" needs an objective reason and a date: the deal comes back to the queue that day. */
export function PostponeDialog({ deal, maxDays, opened, onClose }: { deal: Deal; maxDays?: number; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const postpone = usePostponeDeal(deal.companyId);
  const [category, setCategory] = useState<PostponeReason | null>(null);
  const [note, setNote] = useState("");
  const [until, setUntil] = useState("");
  const today = todayIso();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!category || !note.trim() || !until) return;
    postpone.mutate(
      { dealId: deal.id, category, note: note.trim(), until },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("deal.postponed") });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("deal.postpone")} centered>
      <form onSubmit={submit} data-testid="postpone-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("deal.postponeExplain")}
          </Text>
          <ErrorAlert error={postpone.error} withFields={false} />
          <Select
            label={t("deal.postponeCategory")}
            data={POSTPONE_REASONS.map((r) => ({ value: r, label: t(`deal.postponeReason.${r}`) }))}
            value={category}
            onChange={(v) => setCategory(v as PostponeReason | null)}
            required
            data-testid="postpone-category"
          />
          <Textarea label={t("deal.postponeNote")} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} required data-testid="postpone-note" />
          <TextInput
            type="date"
            label={t("deal.postponeUntil")}
            description={maxDays ? t("deal.postponeMax", { days: maxDays }) : undefined}
            value={until}
            min={addDaysIso(today, 1)}
            max={maxDays ? addDaysIso(today, maxDays) : undefined}
            onChange={(e) => setUntil(e.currentTarget.value)}
            required
            data-testid="postpone-until"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={postpone.isPending} disabled={!category || !note.trim() || !until} data-testid="postpone-submit">
              {t("deal.postpone")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
