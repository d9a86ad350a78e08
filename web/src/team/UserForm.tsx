import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Autocomplete, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { fieldProblems, problemFor } from "../api/errors";
import { LANGUAGES, ROLES, type Language, type Role } from "../api/types";
import { mayGrantRole } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { currentLanguage } from "../i18n";
import { useCreateUser, useTeamNames, useUpdateUser, type TeamMember, type UserPatch } from "./queries";

/** Adds a team member, or changes one: name, role, team, active, a new password. */
export function UserForm({ user, opened, onClose }: { user: TeamMember | null; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const me = useUser();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const [username, setUsername] = useState(user?.username ?? "");
  const [fullName, setFullName] = useState(user?.fullName ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? "caller");
  const [language, setLanguage] = useState<Language>(user?.language ?? currentLanguage());
  const [active, setActive] = useState(user?.active ?? true);
  const [team, setTeam] = useState(user?.team ?? "");
  const teamNames = useTeamNames();
  const [password, setPassword] = useState("");
  const problems = fieldProblems(t, mutation.error);

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  const done = () => {
    notifications.show({ color: "teal", message: user ? t("team.saved") : t("team.created") });
    close();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!user) {
      create.mutate({ username: username.trim(), fullName: fullName.trim(), role, password, language, team: team.trim() || null }, { onSuccess: done });
      return;
    }
    const patch: UserPatch = {};
    if (fullName.trim() !== user.fullName) patch.fullName = fullName.trim();
    if (role !== user.role) patch.role = role;
    if (language !== user.language) patch.language = language;
    if (active !== user.active) patch.active = active;
    if ((team.trim() || null) !== (user.team ?? null)) patch.team = team.trim() || null;
    if (password) patch.password = password;
    if (Object.keys(patch).length === 0) return close();
    update.mutate({ id: user.id, patch }, { onSuccess: done });
  };

  const roles = ROLES.filter((r) => mayGrantRole(me, r) || r === user?.role);
  const isSelf = user?.id === me.id;
  return (
    <Modal opened={opened} onClose={close} title={user ? t("team.editTitle") : t("team.addTitle")} centered>
      <form onSubmit={submit} data-testid="user-form">
        <Stack gap="sm">
          <ErrorAlert error={mutation.error} />
          <TextInput
            label={t("fields.username")}
            description={user ? undefined : t("team.usernameHint")}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            disabled={Boolean(user)}
            required
            minLength={2}
            maxLength={64}
            error={problemFor(problems, "username")}
            autoComplete="off"
            data-testid="user-username"
          />
          <TextInput
            label={t("fields.fullName")}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            required
            maxLength={200}
            error={problemFor(problems, "fullName")}
            data-testid="user-full-name"
          />
          <Group grow>
            <Select
              label={t("fields.role")}
              data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              allowDeselect={false}
              disabled={isSelf}
              data-testid="user-role"
            />
            <Select
              label={t("fields.language")}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
              value={language}
              onChange={(value) => value && setLanguage(value as Language)}
              allowDeselect={false}
              data-testid="user-language"
            />
          </Group>
          <Autocomplete
            label={t("team.team")}
            description={t("team.teamHint")}
            data={teamNames.data ?? []}
            value={team}
            onChange={setTeam}
            maxLength={60}
            error={problemFor(problems, "team")}
            data-testid="user-team"
          />
          <PasswordInput
            label={user ? t("team.newPassword") : t("fields.password")}
            description={user ? t("team.newPasswordHint") : t("team.passwordHint")}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required={!user}
            minLength={8}
            maxLength={200}
            error={problemFor(problems, "password")}
            autoComplete="new-password"
            data-testid="user-password"
          />
          {user && !isSelf ? (
            <Switch
              label={t("team.active")}
              description={t("team.activeHint")}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
              data-testid="user-active"
            />
          ) : null}
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="user-submit">
              {user ? t("common.save") : t("team.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
