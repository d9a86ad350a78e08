import { useTranslation } from "react-i18next";
import { BarChart } from "@mantine/charts";
import { Group, Stack, Text } from "@mantine/core";
import { shareColor } from "../touches/coverage";
import { percent } from "./format";
import { Panel } from "./Panel";
import { useCoverage } from "./queries";
import type { DashboardFilter } from "./types";

/** The weekly contact system now: the share of live companies touched this week, for the team and per person. */
export function CoveragePanel({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  const coverage = useCoverage(filter);
  const report = coverage.data;
  const people = (report?.byHolder ?? []).map((l) => ({ person: l.fullName ?? t("dashboard.coverage.nobody"), share: Math.round(l.share * 100) }));
  return (
    <Panel title={t("dashboard.coverage.title")} hint={t("dashboard.coverage.hint", { days: report?.days ?? 7 })} testId="dashboard-coverage" pending={coverage.isPending} error={coverage.error}>
      {report ? (
        <Stack gap="sm">
          <Group gap="md" align="baseline">
            <Text fz={34} fw={700} c={`${shareColor(report.team.share)}.7`} data-testid="coverage-team-share">
              {percent(report.team.share)}
            </Text>
            <Text size="sm" c="dimmed">
              {t("dashboard.coverage.teamLine", { touched: report.team.touched, live: report.team.live, overdue: report.team.overdue })}
            </Text>
          </Group>
          {people.length > 0 ? (
            <BarChart
              h={Math.max(120, people.length * 30)}
              data={people}
              dataKey="person"
              orientation="vertical"
              valueFormatter={(value) => `${value}%`}
              yAxisProps={{ width: 140 }}
              xAxisProps={{ domain: [0, 100] }}
              getBarColor={(value) => `${shareColor(value / 100)}.6`}
              series={[{ name: "share", label: t("dashboard.coverage.share"), color: "teal.6" }]}
            />
          ) : null}
        </Stack>
      ) : null}
    </Panel>
  );
}
