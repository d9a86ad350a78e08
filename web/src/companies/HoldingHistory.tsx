import { useTranslation } from "react-i18next";
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconUserShare } from "@tabler/icons-react";
import type { Holding } from "../api/types";
import { formatDate } from "../i18n/format";

/** Who held the company, in which tier, for how long, and why it ended. */
export function HoldingHistory({ holdings }: { holdings: Holding[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="holdings">
      <Group gap="xs" mb="sm">
        <IconUserShare size={18} color="var(--mantine-color-dimmed)" />
        <Title order={4} fz="md">
          {t("holding.sectionTitle")}
        </Title>
      </Group>
      {holdings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("holding.none")}
        </Text>
      ) : (
        <Stack gap={0}>
          {holdings.map((h, i) => (
            <Stack key={h.id} gap={2} py={8} style={i > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {h.fullName}
                </Text>
                {h.endedAt ? (
                  <Badge size="xs" variant="default" radius="sm">
                    {t(`holding.endReason.${h.endReason ?? "ended"}`, { defaultValue: h.endReason ?? "" })}
                  </Badge>
                ) : (
                  <Badge size="xs" variant="light" color="green" radius="sm">
                    {t("holding.current")}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t("tier.short", { tier: h.tier })} · {formatDate(h.startedAt)} – {h.endedAt ? formatDate(h.endedAt) : t("holding.now")}
                {!h.endedAt && h.termUntil ? ` · ${t("holding.termUntil", { date: formatDate(h.termUntil) })}` : ""}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
