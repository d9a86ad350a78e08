import { useTranslation } from "react-i18next";
import { Alert, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconInfoCircle, IconPlayerPlay } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { CountsGrid } from "./CountsGrid";
import { formatCount } from "./format";
import { ReasonList, reasonsOf, reasonText } from "./ReasonList";
import type { DryRun } from "./types";

interface Props {
  dryRun: DryRun;
  starting: boolean;
  error: unknown;
  onBack(): void;
  onRun(): void;
}

/** Step 4: what the run will do to the base as it is now — counts, reasons in words, the first rejected lines. */
export function DryRunStep({ dryRun, starting, error, onBack, onRun }: Props) {
  const { t } = useTranslation();
  const { counts } = dryRun;
  const rejectReasons = reasonsOf(dryRun.rejectReasons);
  const skipReasons = reasonsOf(dryRun.skipReasons);
  const hidden = counts.rejected - dryRun.firstRejects.length;

  return (
    <Stack gap="md">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        {t("imports.dryRun.nothingWritten", { read: formatCount(counts.read) })}
      </Alert>
      <CountsGrid counts={counts} tense="plan" testId="import-dry-counts" />
      {counts.rejected > 0 || counts.skipped > 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {counts.rejected > 0 ? (
            <Paper withBorder radius="md" p="md">
              <Stack gap="xs">
                <Text fw={600}>{t("imports.dryRun.rejectReasons")}</Text>
                <ReasonList reasons={rejectReasons} kind="reject" testId="import-dry-reject-reasons" />
              </Stack>
            </Paper>
          ) : null}
          {counts.skipped > 0 ? (
            <Paper withBorder radius="md" p="md">
              <Stack gap="xs">
                <Text fw={600}>{t("imports.dryRun.skipReasons")}</Text>
                <ReasonList reasons={skipReasons} kind="skip" testId="import-dry-skip-reasons" />
              </Stack>
            </Paper>
          ) : null}
        </SimpleGrid>
      ) : null}
      {dryRun.firstRejects.length > 0 ? (
        <Stack gap="xs">
          <Title order={4} fz="md">
            {t("imports.dryRun.firstRejects")}
          </Title>
          <Paper withBorder radius="md">
            <ScrollArea.Autosize mah={340}>
              <Table fz="sm" verticalSpacing={6} horizontalSpacing="md" stickyHeader data-testid="import-first-rejects">
                <Table.Thead bg="var(--mantine-color-gray-0)">
                  <Table.Tr>
                    <Table.Th w={80}>{t("imports.reading.line")}</Table.Th>
                    <Table.Th>{t("imports.dryRun.reason")}</Table.Th>
                    <Table.Th>{t("imports.dryRun.field")}</Table.Th>
                    <Table.Th>{t("imports.dryRun.value")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dryRun.firstRejects.map((r) => (
                    <Table.Tr key={`${r.line}-${r.code}`} data-testid="import-reject-row" data-line={r.line} data-code={r.code}>
                      <Table.Td ff="monospace">{r.line}</Table.Td>
                      <Table.Td>{reasonText(t, "reject", r.code)}</Table.Td>
                      <Table.Td c="dimmed">{r.field ? t(`imports.field.${r.field}`, { defaultValue: r.field }) : "—"}</Table.Td>
                      <Table.Td ff="monospace">{r.value || "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Paper>
          {hidden > 0 ? (
            <Text size="sm" c="dimmed">
              {t("imports.dryRun.moreRejects", { n: formatCount(hidden) })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <ErrorAlert error={error} />
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          {t("imports.dryRun.back")}
        </Button>
        <Button color="teal" leftSection={<IconPlayerPlay size={16} />} onClick={onRun} loading={starting} data-testid="import-run">
          {t("imports.dryRun.run")}
        </Button>
      </Group>
    </Stack>
  );
}
