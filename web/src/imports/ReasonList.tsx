import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Badge, Group, Stack, Text } from "@mantine/core";
import { formatCount } from "./format";

/** Rows per reason in words, most frequent first ("The phone number is not valid — 12"). */
export function ReasonList({ reasons, kind, testId }: { reasons: { code: string; count: number }[]; kind: "reject" | "skip"; testId: string }) {
  const { t } = useTranslation();
  const shown = reasons.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  if (shown.length === 0) return null;
  return (
    <Stack gap={4} data-testid={testId}>
      {shown.map((r) => (
        <Group key={r.code} gap="xs" wrap="nowrap" data-testid={`${testId}-item`} data-code={r.code}>
          <Badge variant="light" color={kind === "reject" ? "red" : "gray"} radius="sm" miw={44}>
            {formatCount(r.count)}
          </Badge>
          <Text size="sm">{reasonText(t, kind, r.code)}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/** A reject or skip reason code in words; a code this screen does not know yet is shown as it is. */
export const reasonText = (t: TFunction, kind: "reject" | "skip", code: string) =>
  t(`imports.${kind === "reject" ? "reason" : "skipReason"}.${code}`, { defaultValue: code });

/** A record of counts per code (a dry run's) as a list. */
export const reasonsOf = (record: Record<string, number>) => Object.entries(record).map(([code, count]) => ({ code, count }));
