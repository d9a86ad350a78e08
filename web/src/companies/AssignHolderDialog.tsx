import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Company } from "../api/types";
import { HOLDER_ROLE_OF_STAGE } from "../auth/permissions";
import { ErrorAlert } from "../common/ErrorAlert";
import { useAssignHolder, useTeam } from "./queries";

/** The head gives the company to someone within its current tier (cold to a caller, lead to a manager…). */
export function AssignHolderDialog({ company, opened, onClose }: { company: Company; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const role = HOLDER_ROLE_OF_STAGE[company.stage];
  const team = useTeam(role, opened && Boolean(role));
  const assign = useAssignHolder(company.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [note, setNote] = useState("");

  const close = () => {
    assign.reset();
    setUserId(null);
    setNote("");
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    assign.mutate(
      { userId: Number(userId), note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("assignHolder.done") });
          close();
        },
      },
    );
  };

  if (!role) return null;
  const people = (team.data ?? []).filter((u) => u.id !== company.holder?.userId);
  return (
    <Modal opened={opened} onClose={close} title={t("assignHolder.title")} centered>
      <form onSubmit={submit} data-testid="assign-holder-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("assignHolder.explain", { stage: t(`stage.${company.stage}`), role: t(`role.${role}`) })}
          </Text>
          {company.holder ? (
            <Text size="sm">
              {t("assignHolder.current")}: <b>{company.holder.fullName}</b>
            </Text>
          ) : null}
          <ErrorAlert error={assign.error ?? team.error} />
          {team.isSuccess && people.length === 0 ? (
            <Alert color="yellow" variant="light">
              {t("handOff.nobody", { role: t(`role.${role}`) })}
            </Alert>
          ) : null}
          <Select
            label={t("assignHolder.to")}
            placeholder={t(`role.${role}`)}
            data={people.map((u) => ({ value: String(u.id), label: u.fullName }))}
            value={userId}
            onChange={setUserId}
            searchable
            required
            nothingFoundMessage={t("common.nothingFound")}
            data-testid="assign-holder-user"
          />
          <Textarea label={t("handOff.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={assign.isPending} disabled={!userId} data-testid="assign-holder-submit">
              {t("assignHolder.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
