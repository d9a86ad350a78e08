import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { AlertList } from "../alerts/AlertList";
import { seesDashboard } from "../auth/permissions";
import { useUser } from "../auth/session";
import { formatDay } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { CoveragePanel } from "./CoveragePanel";
import { DashboardFilterBar, type FilterState } from "./DashboardFilterBar";
import { FunnelPanel } from "./FunnelPanel";
import { PeoplePanel } from "./PeoplePanel";
import { filterFromUrl } from "./period";
import { PromisesPanel } from "./PromisesPanel";
import { RotationPanel } from "./RotationPanel";
import { SalesPeriodTrendPanel } from "./SalesPeriodTrendPanel";
import { SourcesPanel } from "./SourcesPanel";

/** The head's dashboard: the whole conveyor at a glance, for a period and a team. */
export function DashboardPage() {
  const user = useUser();
  if (!seesDashboard(user)) return <Forbidden />;
  return <Dashboard />;
}

/** The filter lives in the URL, so a view can be bookmarked, shared and reloaded. */
function useUrlFilter(): [FilterState, (next: Partial<FilterState>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = filterFromUrl(params, new Date());
  const change = (next: Partial<FilterState>) => {
    const merged = { ...filter, ...next };
    const query = new URLSearchParams();
    query.set("period", merged.preset);
    // A preset's days follow from today; only a custom range is written out.
    if (merged.preset === "custom") {
      query.set("from", merged.from);
      query.set("to", merged.to);
    }
    if (merged.team) query.set("team", merged.team);
    setParams(query, { replace: true });
  };
  return [filter, change];
}

function Dashboard() {
  const { t } = useTranslation();
  const [state, change] = useUrlFilter();
  const filter = { from: state.from, to: state.to, team: state.team };
  return (
    <Stack gap="md" maw={1500}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("dashboard.title")}
          </Title>
          <Text c="dimmed" size="sm" data-testid="dashboard-range">
            {t("dashboard.range", { from: formatDay(filter.from), to: formatDay(filter.to) })}
            {filter.team ? ` · ${t("dashboard.teamName", { team: filter.team })}` : ""}
          </Text>
        </Stack>
        <DashboardFilterBar value={state} onChange={change} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <FunnelPanel filter={filter} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder radius="md" p="md" h="100%">
            <Stack gap="sm">
              <Stack gap={2}>
                <Title order={3} fz={17}>
                  {t("dashboard.alerts.title")}
                </Title>
                <Text size="xs" c="dimmed">
                  {t("dashboard.alerts.hint")}
                </Text>
              </Stack>
              <AlertList testId="open-alerts" />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={12}>
          <SourcesPanel filter={filter} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <SalesPeriodTrendPanel filter={filter} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <RotationPanel filter={filter} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <CoveragePanel filter={filter} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <PromisesPanel filter={filter} />
        </Grid.Col>
        <Grid.Col span={12}>
          <PeoplePanel filter={filter} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
