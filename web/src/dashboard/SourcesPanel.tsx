import { useTranslation } from "react-i18next";
import { BarChart } from "@mantine/charts";
import { Badge, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { ListState } from "../common/ListState";
import { formatMoney } from "../i18n/format";
import { percent } from "./format";
import { Panel } from "./Panel";
import { useSourceFigures } from "./queries";
import type { DashboardFilter, SourceFigures } from "./types";

const keyOf = (row: SourceFigures) => (row.sourceId === null ? "none" : String(row.sourceId));

/** Per lead source: the leads of the period, how many qualified and bought, and what a lead and a sale cost. */
export function SourcesPanel({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  const sources = useSourceFigures(filter);
  const rows = sources.data?.items ?? [];
  const nameOf = (row: SourceFigures) => row.name ?? t("dashboard.sources.noSource");
  const withLeads = rows.filter((r) => r.leads > 0);
  // Costs are charted in one currency: the one most sources are priced in.
  const counts = new Map<string, number>();
  for (const r of rows) if (r.costPerFirstSaleMinor !== null && r.currency) counts.set(r.currency, (counts.get(r.currency) ?? 0) + 1);
  const currency = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const costly = rows.filter((r) => r.costPerFirstSaleMinor !== null && r.currency === currency);
  return (
    <Panel title={t("dashboard.sources.title")} hint={t("dashboard.sources.hint")} testId="dashboard-sources" pending={sources.isPending} error={sources.error}>
      <Stack gap="md">
        {withLeads.length > 0 ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t("dashboard.sources.conversionChart")}
              </Text>
              <BarChart
                h={200}
                data={withLeads.map((r) => ({ source: nameOf(r), qualified: Math.round((r.qualifiedShare ?? 0) * 100), firstSale: Math.round((r.conversion ?? 0) * 100) }))}
                dataKey="source"
                unit="%"
                withLegend
                series={[
                  { name: "qualified", label: t("dashboard.sources.qualifiedShare"), color: "blue.4" },
                  { name: "firstSale", label: t("dashboard.sources.conversion"), color: "teal.6" },
                ]}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t("dashboard.sources.costChart")}
              </Text>
              {costly.length > 0 ? (
                <BarChart
                  h={200}
                  data={costly.map((r) => ({ source: nameOf(r), cost: (r.costPerFirstSaleMinor ?? 0) / 100 }))}
                  dataKey="source"
                  valueFormatter={(value) => formatMoney(Math.round(value * 100), currency)}
                  series={[{ name: "cost", label: t("dashboard.sources.costPerFirstSale"), color: "orange.6" }]}
                />
              ) : (
                <Text size="sm" c="dimmed" py="xl" ta="center">
                  {t("dashboard.sources.noCosts")}
                </Text>
              )}
            </Stack>
          </SimpleGrid>
        ) : null}
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" verticalSpacing={6} highlightOnHover data-testid="sources-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("dashboard.sources.source")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.sources.leads")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.sources.qualified")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.sources.firstSales")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.sources.conversion")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.sources.cost")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.sources.costPerFirstSale")}</Table.Th>
                <Table.Th ta="right">{t("dashboard.sources.revenue")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={keyOf(r)} data-testid={`source-row-${keyOf(r)}`}>
                  <Table.Td fw={600} c={r.sourceId === null ? "dimmed" : undefined}>
                    {nameOf(r)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" data-testid="source-leads">
                    {r.leads}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {r.qualified}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" data-testid="source-first-sales">
                    {r.firstSales}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Badge variant="light" radius="sm" color={r.conversion === null ? "gray" : "teal"} data-testid="source-conversion">
                      {percent(r.conversion)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {r.costMinor === null ? "—" : formatMoney(r.costMinor, r.currency)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" data-testid="source-cost-per-sale">
                    {r.costPerFirstSaleMinor === null ? "—" : formatMoney(r.costPerFirstSaleMinor, r.currency)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {r.firstSaleMinor === 0 ? "—" : formatMoney(r.firstSaleMinor, r.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={false} empty={rows.length === 0}>
          {t("dashboard.sources.empty")}
        </ListState>
      </Stack>
    </Panel>
  );
}
