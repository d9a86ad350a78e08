import { useTranslation } from "react-i18next";
import { Paper, Table, Text } from "@mantine/core";
import type { Detection } from "./types";

/** The file's first rows as the server read them, under its headers, each with its line in the file. */
export function PreviewTable({ detection }: { detection: Detection }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" style={{ overflowX: "auto" }}>
      <Table fz="sm" verticalSpacing={6} horizontalSpacing="sm" withColumnBorders data-testid="import-preview">
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            <Table.Th w={56}>{t("imports.reading.line")}</Table.Th>
            {detection.headers.map((header, i) => (
              <Table.Th key={i} style={{ whiteSpace: "nowrap" }} data-testid="import-preview-header">
                {header || <Text span c="dimmed">{t("imports.mapping.unnamed", { n: i + 1 })}</Text>}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detection.preview.map((row) => (
            <Table.Tr key={row.line} data-testid="import-preview-row">
              <Table.Td c="dimmed" ff="monospace">
                {row.line}
              </Table.Td>
              {detection.headers.map((_, i) => (
                <Table.Td key={i} style={{ whiteSpace: "nowrap", maxWidth: 260, overflow: "hidden", textOverflow: "ellipsis" }}>
                  {row.values[i] ?? ""}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {detection.preview.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t("imports.reading.noRows")}
        </Text>
      ) : null}
    </Paper>
  );
}
