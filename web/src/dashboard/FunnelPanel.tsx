import { useTranslation } from "react-i18next";
import { BarChart } from "@mantine/charts";
import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { percent } from "./format";
import { Panel } from "./Panel";
import { useFunnel } from "./queries";
import { FUNNEL_STEPS, type DashboardFilter } from "./types";

/** The conveyor funnel of the period, as bars, with each step's conversion from the one before. */
export function FunnelPanel({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  const funnel = useFunnel(filter);
  const steps = funnel.data?.steps;
  const data = FUNNEL_STEPS.map((step) => ({ step: t(`dashboard.funnel.${step}`), companies: steps?.[step] ?? 0 }));
  return (
    <Panel title={t("dashboard.funnel.title")} hint={t("dashboard.funnel.hint")} testId="dashboard-funnel" pending={funnel.isPending} error={funnel.error}>
      {steps ? (
        <Stack gap="sm">
          <BarChart
            h={240}
            data={data}
            dataKey="step"
            orientation="vertical"
            series={[{ name: "companies", label: t("dashboard.funnel.companies"), color: "blue.6" }]}
            withBarValueLabel
            yAxisProps={{ width: 110 }}
            gridAxis="none"
          />
          <Table fz="sm" verticalSpacing={4} data-testid="funnel-table">
            <Table.Tbody>
              {FUNNEL_STEPS.map((step, i) => {
                const previous = i === 0 ? null : steps[FUNNEL_STEPS[i - 1]!];
                return (
                  <Table.Tr key={step} data-testid={`funnel-${step}`}>
                    <Table.Td>{t(`dashboard.funnel.${step}`)}</Table.Td>
                    <Table.Td ta="right" ff="monospace" fw={600} data-testid="funnel-count">
                      {steps[step]}
                    </Table.Td>
                    <Table.Td ta="right" w={110}>
                      {previous === null ? null : (
                        <Group justify="flex-end" gap={4} wrap="nowrap">
                          <Text size="xs" c="dimmed">
                            →
                          </Text>
                          <Badge variant="light" color="gray" radius="sm" data-testid="funnel-conversion">
                            {percent(previous === 0 ? null : steps[step] / previous)}
                          </Badge>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Panel>
  );
}
