import { Stack, Text } from "@mantine/core";
import { formatMoney } from "../i18n/format";
import type { MoneyTotal } from "./types";

/** Totals per currency, one under another: currencies are never added together. */
export function MoneyTotals({ totals, bold = false, testId }: { totals: readonly MoneyTotal[]; bold?: boolean; testId?: string }) {
  if (totals.length === 0) {
    return (
      <Text size="sm" c="dimmed" ff="monospace" data-testid={testId}>
        —
      </Text>
    );
  }
  return (
    <Stack gap={0} align="flex-end" data-testid={testId}>
      {totals.map((total) => (
        <Text key={total.currency} size="sm" ff="monospace" fw={bold ? 700 : 600} style={{ whiteSpace: "nowrap" }}>
          {formatMoney(total.amountMinor, total.currency)}
        </Text>
      ))}
    </Stack>
  );
}

/** Sums totals per currency (the team's total to pay from everyone's). */
export function addTotals(groups: readonly (readonly MoneyTotal[])[]): MoneyTotal[] {
  const sums = new Map<string, number>();
  for (const totals of groups) for (const t of totals) sums.set(t.currency, (sums.get(t.currency) ?? 0) + t.amountMinor);
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
}
