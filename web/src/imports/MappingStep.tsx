import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowLeft, IconBookmark, IconTestPipe, IconWand } from "@tabler/icons-react";
import { ApiError } from "../api/client";
import { ErrorAlert } from "../common/ErrorAlert";
import { useSourceOptions } from "../sources/queries";
import { mappingProblems, needsDefaultSource } from "./mapping";
import { COMPANY_FIELDS, PURCHASE_FIELDS, type ColumnMapping, type Detection, type ImportField } from "./types";

/** The Select's value for a column left out (a Select value cannot be null). */
const SKIP = "-";

interface Props {
  detection: Detection;
  mapping: ColumnMapping;
  sourceId: number | null;
  dryRunning: boolean;
  error: unknown;
  onMapping(mapping: ColumnMapping): void;
  onSource(sourceId: number | null): void;
  onBack(): void;
  onDryRun(): void;
}

/** The first values a column holds, to tell what it is when its header does not say. */
const samplesOf = (detection: Detection, column: number) =>
  detection.preview
    .map((row) => row.values[column]?.trim() ?? "")
    .filter(Boolean)
    .slice(0, 2);

/** Step 3: each column to a field (prefilled from the remembered preset or the header guesses), and the source of the imported companies. */
export function MappingStep({ detection, mapping, sourceId, dryRunning, error, onMapping, onSource, onBack, onDryRun }: Props) {
  const { t } = useTranslation();
  const sources = useSourceOptions(true);
  const problems = mappingProblems(mapping);
  const sourceRequired = needsDefaultSource(mapping);
  const sourceMissing = sourceRequired && sourceId === null;
  const repeated = new Set(problems.flatMap((p) => (p.problem === "field_repeated" ? [p.field] : [])));
  const fieldData = [
    { value: SKIP, label: t("imports.mapping.skip") },
    { group: t("imports.mapping.companyGroup"), items: COMPANY_FIELDS.map((f) => ({ value: f, label: t(`imports.field.${f}`) })) },
    { group: t("imports.mapping.purchaseGroup"), items: PURCHASE_FIELDS.map((f) => ({ value: f, label: t(`imports.field.${f}`) })) },
  ];
  const setColumn = (column: number, field: ImportField | null) => onMapping(mapping.map((f, i) => (i === column ? field : f)));

  return (
    <Stack gap="md">
      <Group gap="xs">
        {detection.mappingFrom === "preset" ? (
          <Badge size="lg" variant="light" color="teal" leftSection={<IconBookmark size={14} />} data-testid="import-mapping-from" data-from="preset">
            {t("imports.mapping.fromPreset")}
          </Badge>
        ) : (
          <Badge size="lg" variant="light" color="blue" leftSection={<IconWand size={14} />} data-testid="import-mapping-from" data-from="guess">
            {t("imports.mapping.fromGuess")}
          </Badge>
        )}
      </Group>
      <Paper withBorder radius="md" style={{ overflowX: "auto" }}>
        <Table fz="sm" verticalSpacing={6} horizontalSpacing="md" data-testid="import-mapping">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>{t("imports.mapping.column")}</Table.Th>
              <Table.Th>{t("imports.mapping.samples")}</Table.Th>
              <Table.Th w={280}>{t("imports.mapping.field")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detection.headers.map((header, column) => {
              const field = mapping[column] ?? null;
              return (
                <Table.Tr key={column} data-testid="import-mapping-row">
                  <Table.Td fw={600}>{header || <Text span c="dimmed">{t("imports.mapping.unnamed", { n: column + 1 })}</Text>}</Table.Td>
                  <Table.Td c="dimmed" style={{ maxWidth: 320, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
                    {samplesOf(detection, column).join(" · ") || "—"}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      data={fieldData}
                      value={field ?? SKIP}
                      onChange={(value) => setColumn(column, !value || value === SKIP ? null : (value as ImportField))}
                      allowDeselect={false}
                      size="xs"
                      error={field && repeated.has(field) ? t("imports.mapping.repeatedShort") : undefined}
                      aria-label={t("imports.mapping.fieldFor", { column: header || column + 1 })}
                      data-testid={`import-mapping-${column}`}
                      data-field={field ?? ""}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Select
            label={t("imports.mapping.source")}
            description={sourceRequired ? t("imports.mapping.sourceHint") : t("imports.mapping.sourceColumnHint")}
            placeholder={t("imports.mapping.sourcePlaceholder")}
            data={(sources.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={sourceId === null ? null : String(sourceId)}
            onChange={(value) => onSource(value ? Number(value) : null)}
            searchable
            clearable={!sourceRequired}
            withAsterisk={sourceRequired}
            maw={420}
            data-testid="import-source"
          />
          {sources.data && sources.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("imports.mapping.noSources")}{" "}
              <Anchor component={Link} to="/sources">
                {t("imports.mapping.toSources")}
              </Anchor>
            </Text>
          ) : null}
        </Stack>
      </Paper>

      {problems.length > 0 ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t("imports.mapping.problemsTitle")} data-testid="import-mapping-problems">
          <List size="sm" spacing={2}>
            {problems.map((p, i) => (
              <List.Item key={i}>{p.problem === "field_repeated" ? t("imports.problem.field_repeated", { field: t(`imports.field.${p.field}`) }) : t(`imports.problem.${p.problem}`)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <ServerMappingProblems error={error} />

      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          {t("imports.mapping.back")}
        </Button>
        <Button leftSection={<IconTestPipe size={16} />} onClick={onDryRun} loading={dryRunning} disabled={problems.length > 0 || sourceMissing} data-testid="import-dry-run">
          {t("imports.mapping.dryRun")}
        </Button>
      </Group>
      {dryRunning ? (
        <Text size="sm" c="dimmed" ta="right">
          {t("imports.mapping.dryRunning")}
        </Text>
      ) : null}
    </Stack>
  );
}

/** What the server found wrong with the mapping (it checks what this screen checks, and what only it knows: purchase columns not imported yet). */
function ServerMappingProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== "import_mapping_invalid" || !Array.isArray(error.details?.problems)) return null;
  const problems = error.details.problems as { problem?: string; field?: string; fields?: string[] }[];
  return (
    <List size="sm" spacing={2} data-testid="import-server-problems">
      {problems.map((p, i) => (
        <List.Item key={i}>
          {t(`imports.problem.${p.problem ?? "other"}`, {
            defaultValue: t("imports.problem.other"),
            field: p.field ? t(`imports.field.${p.field}`) : "",
            fields: (p.fields ?? []).map((f) => t(`imports.field.${f}`)).join(", "),
          })}
        </List.Item>
      ))}
    </List>
  );
}
