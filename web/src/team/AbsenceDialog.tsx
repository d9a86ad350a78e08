import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Absence, User } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { todayIso } from "../deals/stages";
import { formatDay } from "../i18n/format";
import { useAddAbsence } from "../settings/queries";

/** Days a person is away: distribution gives them no new leads then. */
export function AbsenceDialog({ user, absences, onClose }: { user: User; absences: Absence[]; onClose(): void }) {
  const { t } = useTranslation();
  const add = useAddAbsence();
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState(todayIso());
  const [note, setNote] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { userId: user.id, startsOn, endsOn, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("team.absenceAdded") });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("team.absenceTitle", { name: user.fullName })} centered>
      <form onSubmit={submit} data-testid="absence-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("team.absenceExplain")}
          </Text>
          {absences.length ? (
            <Stack gap={2}>
              {absences.map((a) => (
                <Text key={a.id} size="sm">
                  {formatDay(a.startsOn)} – {formatDay(a.endsOn)}
                  {a.note ? <Text span c="dimmed" size="sm">{` · ${a.note}`}</Text> : null}
                </Text>
              ))}
            </Stack>
          ) : null}
          <ErrorAlert error={add.error} />
          <Group grow>
            <TextInput type="date" label={t("team.absenceFrom")} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} required data-testid="absence-from" />
            <TextInput type="date" label={t("team.absenceTo")} value={endsOn} min={startsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} required data-testid="absence-to" />
          </Group>
          <TextInput label={t("team.absenceNote")} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!startsOn || !endsOn || endsOn < startsOn} data-testid="absence-submit">
              {t("team.absenceAdd")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
