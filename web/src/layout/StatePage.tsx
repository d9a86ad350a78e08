import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Button, Center, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconLock, IconMapOff } from "@tabler/icons-react";
import { homePath } from "../auth/permissions";
import { useSession } from "../auth/session";

function StatePage({ icon, title, text, testId }: { icon: ReactNode; title: string; text: string; testId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const home = user ? homePath(user) : "/companies";
  const label = home === "/calling" ? t("state.toCalling") : home === "/companies" ? t("state.toCompanies") : t("state.toHome");
  return (
    <Center py={80} data-testid={testId}>
      <Stack align="center" gap="sm" maw={420}>
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          {icon}
        </ThemeIcon>
        <Title order={3} ta="center">
          {title}
        </Title>
        <Text c="dimmed" ta="center">
          {text}
        </Text>
        <Button component={Link} to={home} variant="light" mt="xs">
          {label}
        </Button>
      </Stack>
    </Center>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return <StatePage icon={<IconLock size={28} />} title={t("state.forbiddenTitle")} text={t("state.forbiddenText")} testId="forbidden" />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <StatePage icon={<IconMapOff size={28} />} title={t("state.notFoundTitle")} text={t("state.notFoundText")} testId="not-found" />;
}
