import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ErrorAlert } from "../common/ErrorAlert";
import { alertSentence } from "./alertText";
import { useDismissAlert } from "./queries";
import type { SourceAlert } from "./types";

/** The head closes an alert that needs no action, and writes down why. */
export function DismissAlertDialog({ alert, onClose }: { alert: SourceAlert | null; onClose(): void }) {
  const { t } = useTranslation();
  const dismiss = useDismissAlert();
  const [note, setNote] = useState("");

  const close = () => {
    dismiss.reset();
    setNote("");
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!alert || !note.trim()) return;
    dismiss.mutate(
      { id: alert.id, note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("alerts.dismissed") });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={alert !== null} onClose={close} title={t("alerts.dismissTitle")} centered data-testid="alert-dismiss-dialog">
      <form onSubmit={submit}>
        <Stack gap="md">
          {alert ? (
            <Text size="sm" c="dimmed">
              {alertSentence(t, alert)}
            </Text>
          ) : null}
          <Textarea
            label={t("alerts.dismissNote")}
            description={t("alerts.dismissHint")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            required
            data-autofocus
            data-testid="alert-dismiss-note"
          />
          <ErrorAlert error={dismiss.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={dismiss.isPending} disabled={!note.trim()} data-testid="alert-dismiss-submit">
              {t("alerts.dismiss")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
