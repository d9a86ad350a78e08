import { useTranslation } from "react-i18next";
import { Badge, Table } from "@mantine/core";
import { ListState } from "../common/ListState";
import { brokenColor, percent } from "./format";
import { Panel } from "./Panel";
import { usePromiseRecord } from "./queries";
import type { DashboardFilter } from "./types";

/** Per manager, the promises made at conversion and the share account management found broken. */
export function PromisesPanel({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  const promises = usePromiseRecord(filter);
  const rows = promises.data?.items ?? [];
  return (
    <Panel title={t("dashboard.promises.title")} hint={t("dashboard.promises.hint")} testId="dashboard-promises" pending={promises.isPending} error={promises.error}>
      <Table fz="sm" verticalSpacing={6} highlightOnHover data-testid="promises-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("dashboard.promises.manager")}</Table.Th>
            <Table.Th ta="right">{t("dashboard.promises.made")}</Table.Th>
            <Table.Th ta="right">{t("dashboard.promises.kept")}</Table.Th>
            <Table.Th ta="right">{t("dashboard.promises.broken")}</Table.Th>
            <Table.Th ta="right">{t("dashboard.promises.open")}</Table.Th>
            <Table.Th ta="right">{t("dashboard.promises.brokenShare")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.userId} data-testid={`promises-row-${r.userId}`}>
              <Table.Td fw={600}>{r.fullName}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {r.made}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {r.kept}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" c={r.broken > 0 ? "red.7" : undefined}>
                {r.broken}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" c="dimmed">
                {r.open}
              </Table.Td>
              <Table.Td ta="right">
                <Badge variant={r.brokenShare !== null && r.brokenShare >= 0.3 ? "filled" : "light"} color={brokenColor(r.brokenShare)} radius="sm" data-testid="promises-broken-share">
                  {percent(r.brokenShare)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ListState pending={false} empty={rows.length === 0} py="md">
        {t("dashboard.promises.empty")}
      </ListState>
    </Panel>
  );
}
