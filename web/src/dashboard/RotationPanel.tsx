import { useTranslation } from "react-i18next";
import { BarChart } from "@mantine/charts";
import { Stack, Text } from "@mantine/core";
import { Panel } from "./Panel";
import { useRotationOutcomes } from "./queries";
import { ROTATION_OUTCOMES, type DashboardFilter } from "./types";

/** What rotation did in the period, and how many of the clients taken away somebody else sold to later. */
export function RotationPanel({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  const rotation = useRotationOutcomes(filter);
  const outcomes = rotation.data?.outcomes;
  const moved = outcomes ? outcomes.transferredNow + outcomes.transferredAfterRest : 0;
  return (
    <Panel title={t("dashboard.rotation.title")} hint={t("dashboard.rotation.hint")} testId="dashboard-rotation" pending={rotation.isPending} error={rotation.error}>
      {outcomes ? (
        <Stack gap="sm">
          <BarChart
            h={240}
            data={ROTATION_OUTCOMES.map((o) => ({ outcome: t(`dashboard.rotation.${o}`), clients: outcomes[o] }))}
            dataKey="outcome"
            orientation="vertical"
            yAxisProps={{ width: 150 }}
            withBarValueLabel
            gridAxis="none"
            series={[{ name: "clients", label: t("dashboard.rotation.clients"), color: "grape.6" }]}
          />
          <Text size="sm" fw={600} data-testid="rotation-sold-later">
            {t("dashboard.rotation.soldLaterLine", { sold: outcomes.soldLater, moved })}
          </Text>
        </Stack>
      ) : null}
    </Panel>
  );
}
