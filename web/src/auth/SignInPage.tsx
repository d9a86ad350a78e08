import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconLock, IconUser } from "@tabler/icons-react";
import { errorMessage } from "../api/errors";
import { Logo } from "../layout/Logo";
import { LanguageSwitch } from "../layout/LanguageSwitch";
import { useSession } from "./session";

/** Only same-app paths may follow sign-in, never another origin. */
const safeNext = (next: string | null) => (next && next.startsWith("/") && !next.startsWith("//") ? next : "/");

export function SignInPage() {
  const { t } = useTranslation();
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get("next"));

  if (user) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" pos="relative">
      <Group pos="absolute" top={16} right={16}>
        <LanguageSwitch />
      </Group>
      <Center mih="100vh" p="md">
        <Stack w={380} gap="lg">
          <Stack align="center" gap={6}>
            <Logo size={40} />
            <Title order={2} fw={700} ta="center">
              {t("auth.title")}
            </Title>
            <Text c="dimmed" size="sm" ta="center">
              {t("auth.subtitle")}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="md" p="xl" component="form" onSubmit={submit} data-testid="sign-in-form">
            <Stack gap="md">
              {error ? (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="sign-in-error">
                  {errorMessage(t, error)}
                </Alert>
              ) : null}
              <TextInput
                label={t("auth.username")}
                leftSection={<IconUser size={16} />}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                autoComplete="username"
                autoFocus
                required
                data-testid="sign-in-username"
              />
              <PasswordInput
                label={t("auth.password")}
                leftSection={<IconLock size={16} />}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="current-password"
                required
                data-testid="sign-in-password"
              />
              <Button type="submit" fullWidth loading={busy} data-testid="sign-in-submit">
                {t("auth.signIn")}
              </Button>
            </Stack>
          </Paper>
          <Text c="dimmed" size="xs" ta="center">
            {t("auth.forgotHint")}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
