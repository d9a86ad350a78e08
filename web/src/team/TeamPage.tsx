import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconCalendarOff, IconPencil, IconUserPlus } from "@tabler/icons-react";
import { mayEditUser, mayManageUsers } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { Forbidden } from "../layout/StatePage";
import { formatDay } from "../i18n/format";
import { useAbsences, useTeamSettings } from "../settings/queries";
import { AbsenceDialog } from "./AbsenceDialog";
import { LeadCapInput } from "./LeadCapInput";
import { useTeamDirectory, type TeamMember } from "./queries";
import { ROLE_COLORS } from "./roles";
import { UserForm } from "./UserForm";

type Show = "active" | "inactive" | "all";

/** The team: who works which tier. Admin and head add people, change roles, deactivate, reset passwords. */
export function TeamPage() {
  const me = useUser();
  if (!mayManageUsers(me)) return <Forbidden />;
  return <TeamDirectory />;
}

function TeamDirectory() {
  const { t } = useTranslation();
  const me = useUser();
  const team = useTeamDirectory();
  const [editing, setEditing] = useState<TeamMember | "new" | null>(null);
  const [show, setShow] = useState<Show>("active");
  const [away, setAway] = useState<TeamMember | null>(null);
  const settings = useTeamSettings();
  const absences = useAbsences();
  const absencesOf = (id: number) => (absences.data ?? []).filter((a) => a.userId === id);
  const people = (team.data ?? []).filter((u) => show === "all" || (show === "active") === u.active);

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("team.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("team.subtitle")}
          </Text>
        </Stack>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing("new")} data-testid="user-add">
          {t("team.add")}
        </Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        size="xs"
        value={show}
        onChange={(value) => setShow(value as Show)}
        data={[
          { value: "active", label: t("team.showActive") },
          { value: "inactive", label: t("team.showInactive") },
          { value: "all", label: t("team.showAll") },
        ]}
      />
      <ErrorAlert error={team.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing={8} horizontalSpacing="md" fz="sm" data-testid="team-table">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("fields.fullName")}</Table.Th>
                <Table.Th>{t("fields.username")}</Table.Th>
                <Table.Th>{t("fields.role")}</Table.Th>
                <Table.Th>{t("team.team")}</Table.Th>
                <Table.Th>{t("fields.language")}</Table.Th>
                <Table.Th>{t("team.status")}</Table.Th>
                <Table.Th>{t("team.dailyCap")}</Table.Th>
                <Table.Th>{t("team.absences")}</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((u) => (
                <Table.Tr key={u.id} data-testid="team-row" style={{ opacity: u.active ? 1 : 0.6 }}>
                  <Table.Td fw={600}>
                    {u.fullName}
                    {u.id === me.id ? (
                      <Text span size="xs" c="dimmed" fw={400}>
                        {" "}
                        ({t("team.you")})
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ff="monospace" c="dimmed">
                    {u.username}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ROLE_COLORS[u.role]} radius="sm" size="sm">
                      {t(`role.${u.role}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td data-testid="team-name">{u.team ?? <Text span c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>{t(`language.names.${u.language}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={u.active ? "green" : "gray"} size="sm">
                      {u.active ? t("team.statusActive") : t("team.statusInactive")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{u.role === "manager" ? <LeadCapInput user={u} defaultCap={settings.data?.defaultDailyLeadCap} /> : null}</Table.Td>
                  <Table.Td>
                    {u.role === "manager" ? (
                      <Group gap={4} wrap="nowrap">
                        {absencesOf(u.id).slice(0, 2).map((a) => (
                          <Badge key={a.id} size="sm" variant="light" color="orange" radius="sm">
                            {a.startsOn === a.endsOn ? formatDay(a.startsOn) : `${formatDay(a.startsOn)} – ${formatDay(a.endsOn)}`}
                          </Badge>
                        ))}
                        <Tooltip label={t("team.absenceAdd")}>
                          <ActionIcon variant="subtle" color="gray" onClick={() => setAway(u)} aria-label={t("team.absenceAdd")} data-testid="user-absence">
                            <IconCalendarOff size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {mayEditUser(me, u) ? (
                      <Tooltip label={t("common.edit")}>
                        <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(u)} aria-label={t("common.edit")} data-testid="user-edit">
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={team.isPending} empty={people.length === 0}>
          {t("team.empty")}
        </ListState>
      </Paper>
      {away ? <AbsenceDialog user={away} absences={absencesOf(away.id)} onClose={() => setAway(null)} /> : null}
      {editing ? <UserForm key={editing === "new" ? "new" : editing.id} user={editing === "new" ? null : editing} opened onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
