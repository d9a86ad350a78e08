import { useTranslation } from "react-i18next";
import { Group, Paper, Stack, Text } from "@mantine/core";
import { isoDay, useCallerResults } from "../results/queries";

/** The caller's own figures for today: what they are paid for, always in sight. */
export function TodayResults() {
  const { t } = useTranslation();
  const today = isoDay(new Date());
  const results = useCallerResults({ from: today, to: today, period: "day" });
  const sum = (key: "calls" | "connects" | "interested" | "handedOver") => (results.data ?? []).reduce((n, r) => n + r[key], 0);
  const figures = [
    { key: "calls", label: t("results.calls"), value: sum("calls"), color: undefined },
    { key: "connects", label: t("results.connects"), value: sum("connects"), color: undefined },
    { key: "interested", label: t("results.interested"), value: sum("interested"), color: "teal.7" },
    { key: "handedOver", label: t("results.handedOver"), value: sum("handedOver"), color: "teal.7" },
  ];
  return (
    <Paper withBorder radius="md" px="md" py={6} data-testid="today-results">
      <Group gap="lg" wrap="nowrap">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.4 }}>
          {t("calling.today")}
        </Text>
        {figures.map((f) => (
          <Stack key={f.key} gap={0} align="center" data-testid={`today-${f.key}`}>
            <Text fw={700} fz="lg" lh={1.1} c={f.color}>
              {results.isPending ? "·" : f.value}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {f.label}
            </Text>
          </Stack>
        ))}
      </Group>
    </Paper>
  );
}
