import { useTranslation } from "react-i18next";
import { Center, Group, Loader, Paper, Progress, Table, Text, UnstyledButton } from "@mantine/core";
import type { CoverageLine, TouchCoverage } from "../api/types";
import { percent, shareColor } from "./coverage";

/** The head's view: coverage and overdue touches per person, and the team's; a click narrows the list below to that person. */
export function CoverageTable({ coverage, loading, selected, onSelect }: { coverage: TouchCoverage | undefined; loading: boolean; selected: string; onSelect(value: string): void }) {
  const { t } = useTranslation();
  const lines = coverage?.byHolder ?? [];
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="coverage-table">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>{t("touches.person")}</Table.Th>
              <Table.Th ta="right">{t("touches.live")}</Table.Th>
              <Table.Th ta="right">{t("touches.touched", { days: coverage?.days ?? 7 })}</Table.Th>
              <Table.Th w={260}>{t("touches.coverage")}</Table.Th>
              <Table.Th ta="right">{t("touches.overdue")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => {
              const value = line.holderId === null ? "none" : String(line.holderId);
              const active = selected === value;
              return (
                <Table.Tr
                  key={value}
                  onClick={() => onSelect(value)}
                  style={{ cursor: "pointer" }}
                  bg={active ? "var(--mantine-color-blue-light)" : undefined}
                  data-testid={`coverage-row-${value}`}
                  data-selected={active}
                >
                  <Table.Td>
                    {/* The row takes the click; the button makes it reachable from the keyboard. */}
                    <UnstyledButton aria-pressed={active} data-testid="coverage-person">
                      {line.holderId === null ? (
                        <Text size="sm" fw={600} c="orange.8">
                          {t("touches.nobody")}
                        </Text>
                      ) : (
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={600}>
                            {line.fullName}
                          </Text>
                          {line.role ? (
                            <Text size="xs" c="dimmed">
                              {t(`role.${line.role}`)}
                            </Text>
                          ) : null}
                        </Group>
                      )}
                    </UnstyledButton>
                  </Table.Td>
                  <Figures line={line} />
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          {coverage && lines.length > 0 ? (
            <Table.Tfoot bg="var(--mantine-color-gray-0)">
              <Table.Tr data-testid="coverage-team">
                <Table.Td fw={700}>{t("touches.team")}</Table.Td>
                <Figures line={coverage.team} bold />
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
      {loading ? (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      ) : coverage && lines.length === 0 ? (
        <Center py="lg">
          <Text size="sm" c="dimmed">
            {t("touches.nothingLive")}
          </Text>
        </Center>
      ) : null}
    </Paper>
  );
}

function Figures({ line, bold = false }: { line: CoverageLine; bold?: boolean }) {
  return (
    <>
      <Table.Td ta="right" ff="monospace" fw={bold ? 700 : 400} data-testid="coverage-live">
        {line.live}
      </Table.Td>
      <Table.Td ta="right" ff="monospace" fw={bold ? 700 : 400} data-testid="coverage-touched">
        {line.touched}
      </Table.Td>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Progress value={line.share * 100} color={shareColor(line.share)} size="md" radius="xl" style={{ flex: 1 }} />
          <Text size="sm" ff="monospace" fw={bold ? 700 : 600} w={44} ta="right" data-testid="coverage-share">
            {percent(line.share)}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td ta="right" ff="monospace" fw={line.overdue > 0 || bold ? 700 : 400} c={line.overdue > 0 ? "red.7" : "dimmed"} data-testid="coverage-overdue">
        {line.overdue}
      </Table.Td>
    </>
  );
}
