import { useTranslation } from "react-i18next";
import { Badge, Group, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconClockHour4 } from "@tabler/icons-react";
import type { CallingItem } from "../api/types";
import { LegalId } from "../companies/LegalId";
import { formatShort } from "../i18n/format";

/** Who is on the line: the company's name, tax id and the facts that shape the opening. */
export function CompanyHeader({ item }: { item: CallingItem }) {
  const { t } = useTranslation();
  const c = item.company;
  const facts = [c.industry, c.size ? t(`size.${c.size}`) : null, c.region, c.source ? `${t("company.source")}: ${c.source}` : null, c.groupName ? `${t("company.groupName")}: ${c.groupName}` : null].filter(
    (x): x is string => Boolean(x),
  );
  return (
    <Paper withBorder radius="md" p="md" data-testid="calling-company" data-company-id={c.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} fz={22} lh={1.2} data-testid="calling-company-name">
            {c.legalName}
          </Title>
          <Group gap="md" wrap="wrap">
            {c.legalId ? <LegalId company={c} /> : null}
            {facts.map((f) => (
              <Text key={f} size="sm" c="dimmed">
                {f}
              </Text>
            ))}
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge variant="light" color="indigo" radius="sm" data-testid="calling-list-name">
            {item.callList.name}
          </Badge>
          {item.unansweredCalls > 0 ? (
            <Badge variant="light" color="orange" radius="sm" data-testid="calling-attempt">
              {t("calling.attempt", { n: item.unansweredCalls + 1 })}
            </Badge>
          ) : null}
          <Tooltip label={t("calling.reservedHint")}>
            <Group gap={4} wrap="nowrap">
              <IconClockHour4 size={12} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {t("calling.reservedUntil", { time: formatShort(item.claimExpiresAt) })}
              </Text>
            </Group>
          </Tooltip>
        </Stack>
      </Group>
    </Paper>
  );
}
