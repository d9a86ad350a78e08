import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Table, Tabs } from "@mantine/core";
import { ListState } from "../common/ListState";
import { days, moneyList, percent } from "./format";
import { Panel } from "./Panel";
import { usePeople } from "./queries";
import type { DashboardFilter } from "./types";

type Column<T> = { key: string; label: string; value(row: T): ReactNode; numeric?: boolean };

function PeopleTable<T extends { userId: number; fullName: string }>({ rows, columns, testId, empty }: { rows: T[]; columns: Column<T>[]; testId: string; empty: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table fz="sm" verticalSpacing={6} highlightOnHover data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("dashboard.people.person")}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={c.numeric === false ? undefined : "right"}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.userId} data-testid={`${testId}-row-${row.userId}`}>
                <Table.Td fw={600}>{row.fullName}</Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.key} ta={c.numeric === false ? undefined : "right"} ff={c.numeric === false ? undefined : "monospace"} data-testid={`${testId}-${c.key}`}>
                    {c.value(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListState pending={false} empty={rows.length === 0} py="md">
        {empty}
      </ListState>
    </>
  );
}

/** Each tier's figures per person over the period: callers, sales managers, account managers. */
export function PeoplePanel({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  const people = usePeople(filter);
  const data = people.data;
  const label = (key: string) => t(`dashboard.people.${key}`);
  return (
    <Panel title={t("dashboard.people.title")} hint={t("dashboard.people.hint")} testId="dashboard-people" pending={people.isPending} error={people.error}>
      {data ? (
        <Tabs defaultValue="callers" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="callers" data-testid="people-tab-callers">
              {t("dashboard.people.callers")}
            </Tabs.Tab>
            <Tabs.Tab value="managers" data-testid="people-tab-managers">
              {t("dashboard.people.managers")}
            </Tabs.Tab>
            <Tabs.Tab value="accountManagers" data-testid="people-tab-account-managers">
              {t("dashboard.people.accountManagers")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="callers" pt="sm">
            <PeopleTable
              rows={data.callers}
              testId="people-callers"
              empty={t("dashboard.people.empty")}
              columns={[
                { key: "calls", label: label("calls"), value: (r) => r.calls },
                { key: "connects", label: label("connects"), value: (r) => r.connects },
                { key: "interested", label: label("interested"), value: (r) => r.interested },
                { key: "handedOver", label: label("handedOver"), value: (r) => r.handedOver },
                { key: "converted", label: label("converted"), value: (r) => r.converted },
                { key: "leadRate", label: label("leadRate"), value: (r) => percent(r.calls === 0 ? null : r.handedOver / r.calls) },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="managers" pt="sm">
            <PeopleTable
              rows={data.managers}
              testId="people-managers"
              empty={t("dashboard.people.empty")}
              columns={[
                { key: "leadsReceived", label: label("leadsReceived"), value: (r) => r.leadsReceived },
                { key: "onTimeShare", label: label("onTimeShare"), value: (r) => percent(r.onTimeShare) },
                { key: "won", label: label("won"), value: (r) => r.won },
                { key: "conversion", label: label("conversion"), value: (r) => percent(r.conversion) },
                { key: "firstSales", label: label("firstSales"), value: (r) => moneyList(r.firstSales) },
                { key: "meanDays", label: label("meanDays"), value: (r) => days(r.meanDaysToSale) },
                { key: "medianDays", label: label("medianDays"), value: (r) => days(r.medianDaysToSale) },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="accountManagers" pt="sm">
            <PeopleTable
              rows={data.accountManagers}
              testId="people-account-managers"
              empty={t("dashboard.people.empty")}
              columns={[
                { key: "customers", label: label("customers"), value: (r) => r.customers },
                { key: "repeatOrders", label: label("repeatOrders"), value: (r) => r.repeatOrders },
                { key: "repeatSales", label: label("repeatSales"), value: (r) => moneyList(r.repeatSales) },
                { key: "coverage", label: label("coverage"), value: (r) => percent(r.coverage) },
              ]}
            />
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </Panel>
  );
}
