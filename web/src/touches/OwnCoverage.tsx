import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Center, Loader, Paper, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import type { TouchCoverage } from "../api/types";
import { percent, shareColor } from "./coverage";

/** A salesperson's own numbers: live companies, how many touched this week, the share, and how many are overdue. */
export function OwnCoverage({ coverage, loading }: { coverage: TouchCoverage | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading || !coverage) {
    return loading ? (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    ) : null;
  }
  const own = coverage.team;
  return (
    <Paper withBorder radius="md" p="md" data-testid="coverage-own">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
        <Figure label={t("touches.live")} testId="coverage-own-live">
          {own.live}
        </Figure>
        <Figure label={t("touches.touched", { days: coverage.days })} testId="coverage-own-touched">
          {own.touched}
        </Figure>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t("touches.coverage")}
          </Text>
          <Text fz={26} fw={700} lh={1.1} c={`${shareColor(own.share)}.8`} data-testid="coverage-own-share">
            {percent(own.share)}
          </Text>
          <Progress value={own.share * 100} color={shareColor(own.share)} size="sm" radius="xl" />
        </Stack>
        <Figure label={t("touches.overdue")} testId="coverage-own-overdue" color={own.overdue > 0 ? "red.7" : undefined}>
          {own.overdue}
        </Figure>
      </SimpleGrid>
    </Paper>
  );
}

function Figure({ label, testId, color, children }: { label: string; testId: string; color?: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.1} c={color} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}
