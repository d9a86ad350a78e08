import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Deal } from "../api/types";
import { homePath, steersConveyor } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { useLoseDeal } from "./queries";

/** A lost deal names its reason; the company goes back to the cold base. */
export function LoseDialog({ deal, opened, onClose }: { deal: Deal; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const lose = useLoseDeal(deal.companyId);
  const [reason, setReason] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    lose.mutate(
      { dealId: deal.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "gray", message: t("deal.lostDone") });
          // The company has left the manager's hands (to an account manager, or back to the cold base).
          if (!steersConveyor(user)) navigate(homePath(user));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("deal.lose")} centered>
      <form onSubmit={submit} data-testid="lose-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("deal.loseExplain")}
          </Text>
          <ErrorAlert error={lose.error} />
          <Textarea label={t("deal.lostReason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={1000} required data-testid="lose-reason" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={lose.isPending} disabled={!reason.trim()} data-testid="lose-submit">
              {t("deal.lose")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
