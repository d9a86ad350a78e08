import { useTranslation } from "react-i18next";
import { Paper, SimpleGrid, Text, type MantineColor } from "@mantine/core";
import { formatCount } from "./format";
import type { ImportCounts } from "./types";

const OUTCOMES: { key: Exclude<keyof ImportCounts, "read">; color: MantineColor }[] = [
  { key: "created", color: "teal" },
  { key: "merged", color: "blue" },
  { key: "skipped", color: "gray" },
  { key: "rejected", color: "red" },
];

/** Rows created, merged, skipped and rejected: what a dry run plans ("will"), or what a run did. */
export function CountsGrid({ counts, tense, testId }: { counts: ImportCounts; tense: "plan" | "done"; testId: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid={testId}>
      {OUTCOMES.map(({ key, color }) => (
        <Paper key={key} withBorder radius="md" p="md" data-testid={`${testId}-${key}`} data-count={counts[key]}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t(`imports.counts.${tense}.${key}`)}
          </Text>
          <Text fz={28} fw={700} c={counts[key] > 0 ? color : "dimmed"} lh={1.3}>
            {formatCount(counts[key])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
