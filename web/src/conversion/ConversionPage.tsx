import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconArrowsSplit2, IconFlag3, IconHeartBroken } from "@tabler/icons-react";
import type { ManagerResult } from "../api/types";
import { watchesConversion } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { useTeam } from "../companies/queries";
import { formatDate, formatDay, formatShort } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { durationText } from "../queue/deadline";
import { addDays, isoDay } from "../results/queries";
import { useConversionResults, useDistribute, useOverdue, usePromises } from "./queries";

type Figures = Omit<ManagerResult, "managerId" | "fullName" | "medianDaysToFirstSale">;
const FIGURES: (keyof Figures)[] = ["leadsReceived", "contactedInTime", "proposals", "won", "lost", "promisesBroken"];
const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "—");

/** Tier 2 for the head: conversion per manager for a period, late first contacts, distribution, broken promises. */
export function ConversionPage() {
  const user = useUser();
  if (!watchesConversion(user)) return <Forbidden />;
  return <Conversion />;
}

function Conversion() {
  const { t } = useTranslation();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(addDays(today, -29)));
  const [to, setTo] = useState(isoDay(today));
  const results = useConversionResults({ from, to });
  const rows = [...(results.data ?? [])].sort((a, b) => b.won - a.won || b.leadsReceived - a.leadsReceived);
  const total = rows.reduce<Figures>(
    (sum, r) => ({
      leadsReceived: sum.leadsReceived + r.leadsReceived,
      contactedInTime: sum.contactedInTime + r.contactedInTime,
      proposals: sum.proposals + r.proposals,
      won: sum.won + r.won,
      lost: sum.lost + r.lost,
      promisesBroken: sum.promisesBroken + r.promisesBroken,
    }),
    { leadsReceived: 0, contactedInTime: 0, proposals: 0, won: 0, lost: 0, promisesBroken: 0 },
  );
  const presets = [
    { label: t("results.last7"), from: addDays(today, -6) },
    { label: t("results.last30"), from: addDays(today, -29) },
    { label: t("conversion.last90"), from: addDays(today, -89) },
  ];

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("conversion.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("conversion.subtitle")}
          </Text>
        </Stack>
        <DistributeButton />
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput type="date" label={t("results.from")} value={from} max={to} onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} w={160} data-testid="conversion-from" />
        <TextInput type="date" label={t("results.to")} value={to} min={from} onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} w={160} data-testid="conversion-to" />
        <Group gap={4}>
          {presets.map((p) => (
            <Button
              key={p.label}
              size="xs"
              variant={from === isoDay(p.from) && to === isoDay(today) ? "light" : "subtle"}
              color="gray"
              onClick={() => {
                setFrom(isoDay(p.from));
                setTo(isoDay(today));
              }}
            >
              {p.label}
            </Button>
          ))}
        </Group>
      </Group>
      <ErrorAlert error={results.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={1000}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="conversion-table" style={{ whiteSpace: "nowrap" }}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("conversion.manager")}</Table.Th>
                {FIGURES.map((f) => (
                  <Table.Th key={f} ta="right">
                    {t(`conversion.${f}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t("conversion.inTimeRate")}</Table.Th>
                <Table.Th ta="right">{t("conversion.winRate")}</Table.Th>
                <Table.Th ta="right">{t("conversion.medianDays")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.managerId} data-testid="conversion-row" data-manager-id={r.managerId}>
                  <Table.Td fw={600}>{r.fullName}</Table.Td>
                  {FIGURES.map((f) => (
                    <Table.Td key={f} ta="right" ff="monospace" fw={f === "won" ? 700 : 400} c={f === "promisesBroken" && r[f] > 0 ? "red.7" : undefined} data-testid={`conversion-${f}`}>
                      {r[f]}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" c={r.leadsReceived && r.contactedInTime / r.leadsReceived < 0.8 ? "red.7" : "dimmed"}>
                    {pct(r.contactedInTime, r.leadsReceived)}
                  </Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {pct(r.won, r.won + r.lost)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {r.medianDaysToFirstSale === null ? "—" : r.medianDaysToFirstSale.toLocaleString(undefined, { maximumFractionDigits: 1 })}
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length > 1 ? (
                <Table.Tr bg="var(--mantine-color-gray-0)">
                  <Table.Td fw={700}>{t("results.total")}</Table.Td>
                  {FIGURES.map((f) => (
                    <Table.Td key={f} ta="right" ff="monospace" fw={700}>
                      {total[f]}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{pct(total.contactedInTime, total.leadsReceived)}</Table.Td>
                  <Table.Td ta="right">{pct(total.won, total.won + total.lost)}</Table.Td>
                  <Table.Td />
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={results.isPending} empty={rows.length === 0}>
          {t("conversion.empty")}
        </ListState>
      </Paper>
      <Text size="xs" c="dimmed" mt={-8}>
        {t("conversion.legend", { from: formatDate(`${from}T12:00:00`), to: formatDate(`${to}T12:00:00`) })}
      </Text>
      <OverdueFirstContacts />
      <BrokenPromises />
    </Stack>
  );
}

function DistributeButton() {
  const { t } = useTranslation();
  const distribute = useDistribute();
  const managers = useTeam("manager");
  const name = (id: string) => managers.data?.find((m) => String(m.id) === id)?.fullName ?? `#${id}`;
  const result = distribute.data;
  return (
    <Stack gap={6} align="flex-end">
      <Button leftSection={<IconArrowsSplit2 size={16} />} loading={distribute.isPending} onClick={() => distribute.mutate()} data-testid="distribute-leads">
        {t("conversion.distribute")}
      </Button>
      <ErrorAlert error={distribute.error} />
      {result ? (
        <Alert color={result.assigned ? "teal" : "gray"} variant="light" py={6} data-testid="distribute-result" maw={420}>
          <Text size="sm" fw={600}>
            {result.assigned ? t("conversion.distributed", { count: result.assigned }) : t("conversion.nothingToDistribute")}
          </Text>
          {Object.entries(result.byManager).map(([id, n]) => (
            <Text key={id} size="xs">
              {name(id)}: {n}
            </Text>
          ))}
        </Alert>
      ) : null}
    </Stack>
  );
}

function OverdueFirstContacts() {
  const { t } = useTranslation();
  const overdue = useOverdue();
  const navigate = useNavigate();
  const items = overdue.data ?? [];
  const now = Date.now();
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }} data-testid="conversion-overdue">
      <Group gap="xs" px="md" pt="sm" pb={4}>
        <IconFlag3 size={16} color="var(--mantine-color-red-7)" />
        <Text fw={600} size="sm">
          {t("conversion.overdueTitle")}
        </Text>
        <Badge size="sm" color={items.length ? "red" : "gray"} variant="light" radius="sm">
          {items.length}
        </Badge>
      </Group>
      <ErrorAlert error={overdue.error} />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="sm">
          {overdue.isPending ? t("common.loading") : t("conversion.overdueNone")}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("queue.company")}</Table.Th>
              <Table.Th>{t("queue.manager")}</Table.Th>
              <Table.Th>{t("conversion.dueAt")}</Table.Th>
              <Table.Th>{t("conversion.late")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.company.id} style={{ cursor: "pointer" }} onClick={() => navigate(`/companies/${i.company.id}`)} data-testid="overdue-row">
                <Table.Td fw={600}>{i.company.legalName}</Table.Td>
                <Table.Td>{i.company.holder?.fullName ?? "—"}</Table.Td>
                <Table.Td c="dimmed">{formatShort(i.firstContactDueAt)}</Table.Td>
                <Table.Td c="red.7" fw={700}>
                  {i.firstContactDueAt ? durationText(t, now - new Date(i.firstContactDueAt).getTime()) : "—"}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function BrokenPromises() {
  const { t } = useTranslation();
  const broken = usePromises({ status: "broken" });
  const items = broken.data ?? [];
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }} data-testid="broken-promises">
      <Group gap="xs" px="md" pt="sm" pb={4}>
        <IconHeartBroken size={16} color="var(--mantine-color-red-7)" />
        <Text fw={600} size="sm">
          {t("conversion.brokenTitle")}
        </Text>
        <Badge size="sm" color={items.length ? "red" : "gray"} variant="light" radius="sm">
          {items.length}
        </Badge>
      </Group>
      <ErrorAlert error={broken.error} />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="sm">
          {broken.isPending ? t("common.loading") : t("conversion.brokenNone")}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="md" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("promise.madeByColumn")}</Table.Th>
              <Table.Th>{t("queue.company")}</Table.Th>
              <Table.Th>{t("promise.kind")}</Table.Th>
              <Table.Th>{t("promise.text")}</Table.Th>
              <Table.Th>{t("promise.dueOn")}</Table.Th>
              <Table.Th>{t("promise.resolution")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id} data-testid="broken-promise-row">
                <Table.Td fw={600} data-testid="broken-promise-maker">
                  {p.madeBy.fullName}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/companies/${p.companyId}`} size="sm">
                    {p.legalName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`promise.kinds.${p.kind}`, { defaultValue: p.kind })}</Table.Td>
                <Table.Td>{p.text}</Table.Td>
                <Table.Td c="dimmed">{p.dueOn ? formatDay(p.dueOn) : "—"}</Table.Td>
                <Table.Td>
                  <Text size="sm">{p.resolutionNote ?? ""}</Text>
                  <Text size="xs" c="dimmed">
                    {formatShort(p.resolvedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
