import { useTranslation } from "react-i18next";
import { LineChart } from "@mantine/charts";
import { Text } from "@mantine/core";
import { days, monthLabel } from "./format";
import { Panel } from "./Panel";
import { useSalesPeriodTrend } from "./queries";
import type { DashboardFilter } from "./types";

/** The sales period month by month: mean and median days from the start of tier-2 work to the sale. */
export function SalesPeriodTrendPanel({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  const trend = useSalesPeriodTrend(filter);
  const months = trend.data?.months ?? [];
  const cases = months.reduce((n, m) => n + m.cases, 0);
  return (
    <Panel title={t("dashboard.trend.title")} hint={t("dashboard.trend.hint")} testId="dashboard-trend" pending={trend.isPending} error={trend.error}>
      {cases === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="xl" data-testid="trend-empty">
          {t("dashboard.trend.empty")}
        </Text>
      ) : (
        <LineChart
          h={240}
          data={months.map((m) => ({ month: monthLabel(m.month), mean: m.meanDays, median: m.medianDays, cases: m.cases }))}
          dataKey="month"
          connectNulls
          withLegend
          curveType="monotone"
          valueFormatter={(value) => days(value)}
          series={[
            { name: "mean", label: t("dashboard.trend.mean"), color: "indigo.6" },
            { name: "median", label: t("dashboard.trend.median"), color: "teal.6" },
          ]}
          data-testid="trend-chart"
        />
      )}
      <Text size="xs" c="dimmed" data-testid="trend-cases">
        {t("dashboard.trend.cases", { count: cases })}
      </Text>
    </Panel>
  );
}
