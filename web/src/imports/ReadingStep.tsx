import { useTranslation } from "react-i18next";
import { Alert, Badge, Box, Button, Group, LoadingOverlay, Paper, SegmentedControl, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconArrowRight, IconInfoCircle } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { PreviewTable } from "./PreviewTable";
import { DELIMITERS, TEXT_ENCODINGS, type Delimiter, type Detection, type TextEncoding } from "./types";

const DELIMITER_KEYS: Record<Delimiter, string> = { ";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe" };

interface Props {
  detection: Detection;
  rereading: boolean;
  error: unknown;
  onReread(choice: { encoding?: TextEncoding; delimiter?: Delimiter }): void;
  onBack(): void;
  onNext(): void;
}

/** Step 2: how the file was read — its encoding and delimiter, switchable, with the first rows to judge by. */
export function ReadingStep({ detection, rereading, error, onReread, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const { encoding, delimiter } = detection;
  const pct = (confidence: number) => Math.round(confidence * 100);

  return (
    <Stack gap="md">
      <ErrorAlert error={error} />
      {encoding && delimiter ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder radius="md" p="md">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t("imports.reading.encoding")}</Text>
                <Badge variant="light" color={encoding.confidence >= 0.9 ? "teal" : "orange"} data-testid="import-encoding-confidence">
                  {t("imports.reading.detected", { value: t(`imports.encoding.${encoding.guessed}`), percent: pct(encoding.confidence) })}
                </Badge>
              </Group>
              <SegmentedControl
                value={encoding.chosen}
                onChange={(value) => onReread({ encoding: value as TextEncoding, delimiter: delimiter.chosen })}
                data={TEXT_ENCODINGS.map((e) => ({ value: e, label: t(`imports.encoding.${e}`) }))}
                disabled={rereading}
                data-testid="import-encoding"
              />
              <Text size="xs" c="dimmed" data-testid="import-encoding-reason">
                {t(`imports.encodingReason.${encoding.reason}`, { defaultValue: "" })}
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t("imports.reading.delimiter")}</Text>
                <Badge variant="light" color={delimiter.confidence >= 0.9 ? "teal" : "orange"} data-testid="import-delimiter-confidence">
                  {t("imports.reading.detected", { value: t(`imports.delimiter.${DELIMITER_KEYS[delimiter.guessed]}`), percent: pct(delimiter.confidence) })}
                </Badge>
              </Group>
              <SegmentedControl
                value={delimiter.chosen}
                onChange={(value) => onReread({ encoding: encoding.chosen, delimiter: value as Delimiter })}
                data={DELIMITERS.map((d) => ({ value: d, label: t(`imports.delimiter.${DELIMITER_KEYS[d]}`) }))}
                disabled={rereading}
                data-testid="import-delimiter"
              />
              <Text size="xs" c="dimmed">
                {t("imports.reading.delimiterHint")}
              </Text>
            </Stack>
          </Paper>
        </SimpleGrid>
      ) : (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="import-xlsx-note">
          {t("imports.reading.xlsx")}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t("imports.reading.previewHint", { line: detection.headerLine, columns: detection.headers.length })}
      </Text>
      <Box pos="relative">
        <LoadingOverlay visible={rereading} zIndex={5} overlayProps={{ blur: 1 }} />
        <PreviewTable detection={detection} />
      </Box>
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          {t("imports.reading.otherFile")}
        </Button>
        <Button rightSection={<IconArrowRight size={16} />} onClick={onNext} disabled={rereading} data-testid="import-reading-next">
          {t("imports.reading.confirm")}
        </Button>
      </Group>
    </Stack>
  );
}
