import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowRight } from "@tabler/icons-react";
import type { Company } from "../api/types";
import { HAND_OFF_TARGET } from "../auth/permissions";
import { ErrorAlert } from "../common/ErrorAlert";
import { useHandOff, useTeam } from "./queries";
import { StageBadge } from "./StageBadge";

/** Hands the company on to the next tier: cold -> lead to a sales manager, lead -> customer to an account manager. */
export function HandOffDialog({ company, opened, onClose }: { company: Company; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const target = HAND_OFF_TARGET[company.stage];
  const team = useTeam(target?.role, opened && Boolean(target));
  const handOff = useHandOff(company.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [note, setNote] = useState("");

  const close = () => {
    handOff.reset();
    setUserId(null);
    setNote("");
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    handOff.mutate(
      { toUserId: Number(userId), note: note.trim() || undefined, fromStage: company.stage },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("handOff.done") });
          close();
        },
      },
    );
  };

  if (!target) return null;
  const people = team.data ?? [];
  return (
    <Modal opened={opened} onClose={close} title={t("handOff.title")} centered>
      <form onSubmit={submit} data-testid="hand-off-form">
        <Stack gap="md">
          <Group gap="xs">
            <StageBadge stage={company.stage} size="md" />
            <IconArrowRight size={16} color="var(--mantine-color-dimmed)" />
            <StageBadge stage={target.toStage} size="md" />
          </Group>
          <Text size="sm" c="dimmed">
            {t("handOff.explain", { role: t(`role.${target.role}`) })}
          </Text>
          <ErrorAlert error={handOff.error ?? team.error} />
          {team.isSuccess && people.length === 0 ? (
            <Alert color="yellow" variant="light">
              {t("handOff.nobody", { role: t(`role.${target.role}`) })}
            </Alert>
          ) : null}
          <Select
            label={t("handOff.to")}
            placeholder={t(`role.${target.role}`)}
            data={people.map((u) => ({ value: String(u.id), label: u.fullName }))}
            value={userId}
            onChange={setUserId}
            searchable
            required
            nothingFoundMessage={t("common.nothingFound")}
            data-testid="hand-off-user"
          />
          <Textarea label={t("handOff.note")} description={t("handOff.noteHint")} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={handOff.isPending} disabled={!userId} data-testid="hand-off-submit">
              {t("handOff.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
