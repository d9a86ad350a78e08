import { useTranslation } from "react-i18next";
import { NumberInput, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { problemFor, type FieldProblem } from "../api/errors";
import type { SourceWatchSettings } from "./types";
import { WholeNumberField } from "./WholeNumberField";

type WholeNumber = Exclude<keyof SourceWatchSettings, "alpha" | "spamRejectShare" | "spamMaxConnectRate">;

/** Whole-number rules of the watch: [setting, min, max] (the server's bounds). */
const WATCH_NUMBERS: readonly (readonly [WholeNumber, number, number])[] = [
  ["windowDays", 1, 90],
  ["baselineDays", 7, 730],
  ["qualifyDays", 1, 60],
  ["saleDays", 1, 365],
  ["minSample", 5, 100_000],
  ["spamWindowHours", 1, 168],
  ["spamMinLeads", 5, 100_000],
];

/** Shares shown as percentages: [setting, min %, max %]. */
const WATCH_SHARES: readonly (readonly ["spamRejectShare" | "spamMaxConnectRate", number, number])[] = [
  ["spamRejectShare", 5, 100],
  ["spamMaxConnectRate", 0, 90],
];

/** The lead source quality watch: when a source's conversion drop or spam-like pattern raises an alert. */
export function SourceWatchCard({ value, onChange, problems }: { value: SourceWatchSettings; onChange(patch: Partial<SourceWatchSettings>): void; problems: FieldProblem[] }) {
  const { t } = useTranslation();
  const field = (key: string) => problemFor(problems, `settings.sourceWatch.${key}`);
  return (
    <Paper withBorder radius="md" p="md" data-testid="rules-source-watch">
      <Stack gap="sm">
        <Stack gap={0}>
          <Text fw={600}>{t("rules.sourceWatch.title")}</Text>
          <Text size="xs" c="dimmed">
            {t("rules.sourceWatch.hint")}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {WATCH_NUMBERS.map(([key, min, max]) => (
            <WholeNumberField
              key={key}
              label={t(`rules.sourceWatch.${key}`)}
              description={t(`rules.sourceWatch.${key}Hint`)}
              value={value[key]}
              min={min}
              max={max}
              onChange={(n) => onChange({ [key]: n })}
              error={field(key)}
              testId={`rules-source-watch-${key}`}
            />
          ))}
          <NumberInput
            label={t("rules.sourceWatch.alpha")}
            description={t("rules.sourceWatch.alphaHint")}
            value={value.alpha}
            min={0.0001}
            max={0.1}
            step={0.005}
            decimalScale={4}
            clampBehavior="strict"
            allowNegative={false}
            onChange={(v) => onChange({ alpha: typeof v === "number" ? v : Number(v) || 0.01 })}
            error={field("alpha")}
            data-testid="rules-source-watch-alpha"
          />
          {WATCH_SHARES.map(([key, min, max]) => (
            <NumberInput
              key={key}
              label={t(`rules.sourceWatch.${key}`)}
              description={t(`rules.sourceWatch.${key}Hint`)}
              value={Math.round(value[key] * 100)}
              min={min}
              max={max}
              suffix=" %"
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              onChange={(v) => onChange({ [key]: (typeof v === "number" ? v : Number(v) || min) / 100 })}
              error={field(key)}
              data-testid={`rules-source-watch-${key}`}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
