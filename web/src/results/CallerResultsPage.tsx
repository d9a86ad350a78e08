import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { CallerResult } from "../api/types";
import { managesCallLists } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ExportMenu } from "../exports/ExportMenu";
import { ListState } from "../common/ListState";
import { formatDate } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { addDays, isoDay, useCallerResults } from "./queries";

type Figures = Pick<CallerResult, "calls" | "connects" | "interested" | "handedOver" | "converted">;
const FIGURES: (keyof Figures)[] = ["calls", "connects", "interested", "handedOver", "converted"];
const zero = (): Figures => ({ calls: 0, connects: 0, interested: 0, handedOver: 0, converted: 0 });
const add = (a: Figures, b: Figures): Figures => ({
  calls: a.calls + b.calls,
  connects: a.connects + b.connects,
  interested: a.interested + b.interested,
  handedOver: a.handedOver + b.handedOver,
  converted: a.converted + b.converted,
});
const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "—");

const monday = (d: Date) => addDays(d, -((d.getDay() + 6) % 7));

/** Tier 1's figures: every caller side by side for a period, and the same by day or week. */
export function CallerResultsPage() {
  const user = useUser();
  if (!managesCallLists(user)) return <Forbidden />;
  return <CallerResults />;
}

function CallerResults() {
  const { t } = useTranslation();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(monday(today)));
  const [to, setTo] = useState(isoDay(today));
  const [period, setPeriod] = useState<"day" | "week">("day");
  const results = useCallerResults({ from, to, period });
  const rows = results.data ?? [];

  const byCaller = new Map<number, { fullName: string; figures: Figures }>();
  for (const r of rows) {
    const entry = byCaller.get(r.callerId) ?? { fullName: r.fullName, figures: zero() };
    entry.figures = add(entry.figures, r);
    byCaller.set(r.callerId, entry);
  }
  const callers = [...byCaller.entries()].sort((a, b) => b[1].figures.handedOver - a[1].figures.handedOver || b[1].figures.calls - a[1].figures.calls);
  const total = callers.reduce((sum, [, c]) => add(sum, c.figures), zero());
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const cell = (period: string, callerId: number) => rows.find((r) => r.period === period && r.callerId === callerId);

  const presets = [
    { label: t("results.today"), from: today, to: today },
    { label: t("results.thisWeek"), from: monday(today), to: today },
    { label: t("results.last7"), from: addDays(today, -6), to: today },
    { label: t("results.last30"), from: addDays(today, -29), to: today },
  ];

  return (
    <Stack gap="md" maw={1300}>
      <Stack gap={2}>
        <Title order={2} fz={24}>
          {t("results.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("results.subtitle")}
        </Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput type="date" label={t("results.from")} value={from} max={to} onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} w={160} data-testid="results-from" />
        <TextInput type="date" label={t("results.to")} value={to} min={from} onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} w={160} data-testid="results-to" />
        <Group gap={4}>
          {presets.map((p) => (
            <Button
              key={p.label}
              size="xs"
              variant={from === isoDay(p.from) && to === isoDay(p.to) ? "light" : "subtle"}
              color="gray"
              onClick={() => {
                setFrom(isoDay(p.from));
                setTo(isoDay(p.to));
              }}
            >
              {p.label}
            </Button>
          ))}
        </Group>
        <SegmentedControl
          size="xs"
          value={period}
          onChange={(v) => setPeriod(v as "day" | "week")}
          data={[
            { value: "day", label: t("results.byDay") },
            { value: "week", label: t("results.byWeek") },
          ]}
          data-testid="results-period"
        />
        <ExportMenu path="/api/calling/results/export" filters={{ from, to, period }} testId="results-export" />
      </Group>
      <ErrorAlert error={results.error} />

      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="results-table">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("results.caller")}</Table.Th>
                {FIGURES.map((f) => (
                  <Table.Th key={f} ta="right">
                    {t(`results.${f}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t("results.connectRate")}</Table.Th>
                <Table.Th ta="right">{t("results.leadRate")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {callers.map(([id, c]) => (
                <Table.Tr key={id} data-testid="results-row">
                  <Table.Td fw={600}>{c.fullName}</Table.Td>
                  {FIGURES.map((f) => (
                    <Table.Td key={f} ta="right" ff="monospace" fw={f === "handedOver" ? 700 : 400}>
                      {c.figures[f]}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" c="dimmed">
                    {pct(c.figures.connects, c.figures.calls)}
                  </Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {pct(c.figures.handedOver, c.figures.connects)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {callers.length > 1 ? (
                <Table.Tr bg="var(--mantine-color-gray-0)">
                  <Table.Td fw={700}>{t("results.total")}</Table.Td>
                  {FIGURES.map((f) => (
                    <Table.Td key={f} ta="right" ff="monospace" fw={700}>
                      {total[f]}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{pct(total.connects, total.calls)}</Table.Td>
                  <Table.Td ta="right">{pct(total.handedOver, total.connects)}</Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={results.isPending} empty={callers.length === 0}>
          {t("results.empty")}
        </ListState>
      </Paper>

      {callers.length > 0 ? (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Text fw={600} size="sm" px="md" pt="sm" pb={4}>
            {period === "day" ? t("results.byDayTitle") : t("results.byWeekTitle")}
          </Text>
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" data-testid="results-periods">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{period === "day" ? t("results.day") : t("results.weekOf")}</Table.Th>
                  {callers.map(([id, c]) => (
                    <Table.Th key={id} ta="right">
                      {c.fullName}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {periods.map((p) => (
                  <Table.Tr key={p}>
                    <Table.Td>{formatDate(`${p}T12:00:00`)}</Table.Td>
                    {callers.map(([id]) => {
                      const r = cell(p, id);
                      return (
                        <Table.Td key={id} ta="right" ff="monospace">
                          {r ? (
                            <>
                              {r.calls}
                              <Text span c="dimmed" size="xs">
                                {" / "}
                                {r.connects}
                                {" / "}
                              </Text>
                              <Text span fw={700} c={r.handedOver ? "teal.7" : undefined}>
                                {r.handedOver}
                              </Text>
                            </>
                          ) : (
                            <Text span c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" px="md" pb="sm">
            {t("results.cellLegend")}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}
