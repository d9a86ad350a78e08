import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Anchor, Button, Group, Modal, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconClockPause, IconUserEdit } from "@tabler/icons-react";
import type { Rest } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { useTeam } from "../companies/queries";
import { formatDate, formatDay } from "../i18n/format";
import { useResting, useSetNextHolder } from "./queries";
import { ROLE_OF_TIER } from "./targets";

/** Clients resting after rotation: nobody may call them until the day they go to their next holder. */
export function RestingTab() {
  const { t } = useTranslation();
  const resting = useResting();
  const [changing, setChanging] = useState<Rest | null>(null);
  const items = resting.data ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("rotation.resting.explain")}
      </Text>
      <ErrorAlert error={resting.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" data-testid="resting-table">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th miw={220}>{t("rotation.dead.client")}</Table.Th>
                <Table.Th>{t("rotation.resting.from")}</Table.Th>
                <Table.Th>{t("rotation.resting.since")}</Table.Th>
                <Table.Th>{t("rotation.resting.until")}</Table.Th>
                <Table.Th>{t("rotation.resting.next")}</Table.Th>
                <Table.Th w={120} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((rest) => (
                <Table.Tr key={rest.id} data-testid={`rest-row-${rest.id}`} data-company-id={rest.company.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/companies/${rest.company.id}`} fw={600} c="dark" size="sm">
                      {rest.company.legalName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{rest.from.fullName}</Text>
                    <Text size="xs" c="dimmed">
                      {t("tier.short", { tier: rest.tier })}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(rest.startedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }} data-testid="rest-until" data-day={rest.untilOn}>
                    {formatDay(rest.untilOn)}
                  </Table.Td>
                  <Table.Td data-testid="rest-next">
                    {rest.nextHolder ? (
                      rest.nextHolder.fullName
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("rotation.resting.byRule")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" leftSection={<IconUserEdit size={14} />} onClick={() => setChanging(rest)} data-testid="rest-change">
                      {t("rotation.resting.change")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={resting.isPending} empty={items.length === 0 && !resting.error} testId="resting-empty" icon={<IconClockPause size={22} />} title={t("rotation.resting.emptyTitle")} />
      </Paper>
      {changing ? <NextHolderDialog rest={changing} onClose={() => setChanging(null)} /> : null}
    </Stack>
  );
}

function NextHolderDialog({ rest, onClose }: { rest: Rest; onClose(): void }) {
  const { t } = useTranslation();
  const role = ROLE_OF_TIER[rest.tier];
  const team = useTeam(role, Boolean(role));
  const save = useSetNextHolder();
  const [userId, setUserId] = useState<string | null>(rest.nextHolder ? String(rest.nextHolder.id) : null);
  const people = (team.data ?? []).filter((u) => u.id !== rest.from.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    save.mutate(
      { restId: rest.id, nextHolderId: Number(userId) },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("rotation.resting.saved") });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("rotation.resting.changeTitle")} centered>
      <form onSubmit={submit} data-testid="next-holder-form">
        <Stack gap="sm">
          <Text size="sm">
            <b>{rest.company.legalName}</b> · {t("rotation.resting.backOn", { date: formatDay(rest.untilOn) })}
          </Text>
          <ErrorAlert error={save.error ?? team.error} withFields={false} />
          <Select
            label={t("rotation.resting.next")}
            placeholder={role ? t(`role.${role}`) : undefined}
            data={people.map((u) => ({ value: String(u.id), label: u.fullName }))}
            value={userId}
            onChange={setUserId}
            searchable
            required
            nothingFoundMessage={t("common.nothingFound")}
            data-testid="next-holder-user"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!userId} data-testid="next-holder-submit">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
