import { useTranslation } from "react-i18next";
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import type { Activity } from "../api/types";
import { formatShort } from "../i18n/format";

/** The last few things that happened to the company: enough to open the call well. */
export function RecentHistory({ items }: { items: Activity[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="recent-history">
      <Group gap="xs" mb="xs">
        <IconHistory size={18} color="var(--mantine-color-dimmed)" />
        <Title order={4} fz="md">
          {t("calling.history")}
        </Title>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("calling.noHistory")}
        </Text>
      ) : (
        <Stack gap={0}>
          {items.map((entry, i) => {
            const outcome = typeof entry.data.outcome === "string" ? entry.data.outcome : null;
            const reason = typeof entry.data.reason === "string" ? entry.data.reason : null;
            return (
              <Group
                key={entry.id}
                gap={8}
                wrap="nowrap"
                align="flex-start"
                py={6}
                style={i > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}
                data-testid="recent-entry"
              >
                <Text size="xs" c="dimmed" w={52} style={{ flexShrink: 0 }} pt={2}>
                  {formatShort(entry.occurredAt)}
                </Text>
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {t(`timeline.kind.${entry.kind}`, { defaultValue: entry.kind })}
                    </Text>
                    {outcome ? (
                      <Badge size="xs" variant="light" color="gray" radius="sm">
                        {t(`activity.outcomes.${outcome}`, { defaultValue: outcome })}
                      </Badge>
                    ) : null}
                    {entry.actor ? (
                      <Text size="xs" c="dimmed" truncate>
                        {entry.actor.fullName}
                      </Text>
                    ) : null}
                  </Group>
                  {entry.text || reason ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {[reason, entry.text].filter(Boolean).join(" · ")}
                    </Text>
                  ) : null}
                </Stack>
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
