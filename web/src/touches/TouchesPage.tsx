import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Group, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { keepsInTouch, steersConveyor } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { Forbidden } from "../layout/StatePage";
import { CoverageTable } from "./CoverageTable";
import { OwnCoverage } from "./OwnCoverage";
import { TOUCH_FILTERS, useCoverage, type TouchFilter, type TouchFilterStatus } from "./queries";
import { TouchList } from "./TouchList";

/** The weekly contact system: every salesperson's companies by their next touch; the head sees everyone's coverage. */
export function TouchesPage() {
  const user = useUser();
  if (!keepsInTouch(user)) return <Forbidden />;
  return <Touches />;
}

const EVERYONE = "everyone";

function readFilter(params: URLSearchParams, head: boolean): TouchFilter {
  const status = params.get("status");
  const holder = params.get("holder");
  const holderId = Number(holder);
  return {
    status: (TOUCH_FILTERS as readonly string[]).includes(status ?? "") ? (status as TouchFilterStatus) : "due",
    holder: !head || !holder ? undefined : holder === "none" ? "none" : Number.isInteger(holderId) && holderId > 0 ? holderId : undefined,
    page: Math.max(0, Number(params.get("page") ?? 1) - 1 || 0),
  };
}

function Touches() {
  const { t } = useTranslation();
  const user = useUser();
  const head = steersConveyor(user);
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params, head);
  const coverage = useCoverage();

  const change = (patch: Record<string, string | undefined>, replace = true) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!("page" in patch)) next.delete("page");
        return next;
      },
      { replace },
    );
  const holderValue = filter.holder === undefined ? "" : String(filter.holder);
  const selectHolder = (value: string) => change({ holder: value || undefined });
  const people = (coverage.data?.byHolder ?? []).map((line) => ({
    value: line.holderId === null ? "none" : String(line.holderId),
    label: line.holderId === null ? t("touches.nobody") : (line.fullName ?? `#${line.holderId}`),
  }));
  // A person picked by a link who holds nothing live any more is still shown as picked.
  if (holderValue && !people.some((p) => p.value === holderValue)) people.push({ value: holderValue, label: holderValue === "none" ? t("touches.nobody") : `#${holderValue}` });

  return (
    <Stack gap="md" maw={1300}>
      <Stack gap={2}>
        <Title order={2} fz={24}>
          {t("touches.title")}
        </Title>
        <Text c="dimmed" size="sm" data-testid="touches-explain">
          {t("touches.subtitle")}
        </Text>
      </Stack>
      <ErrorAlert error={coverage.error} />
      {head ? (
        <CoverageTable coverage={coverage.data} loading={coverage.isPending} selected={holderValue} onSelect={(value) => selectHolder(value === holderValue ? "" : value)} />
      ) : (
        <OwnCoverage coverage={coverage.data} loading={coverage.isPending} />
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap" mt="xs">
        <Title order={3} fz={18}>
          {t("touches.listTitle")}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {head ? (
            <Select
              aria-label={t("touches.person")}
              placeholder={t("touches.everyone")}
              data={[{ value: EVERYONE, label: t("touches.everyone") }, ...people]}
              value={holderValue || EVERYONE}
              onChange={(v) => selectHolder(!v || v === EVERYONE ? "" : v)}
              allowDeselect={false}
              searchable
              w={240}
              size="sm"
              nothingFoundMessage={t("common.nothingFound")}
              data-testid="touches-holder"
            />
          ) : null}
          <SegmentedControl
            value={filter.status}
            onChange={(v) => change({ status: v === "due" ? undefined : v })}
            data={TOUCH_FILTERS.map((s) => ({ value: s, label: t(`touches.filter.${s}`) }))}
            size="sm"
            data-testid="touches-status"
          />
        </Group>
      </Group>
      <TouchList filter={filter} showHolder={head} onPage={(page) => change({ page: page > 0 ? String(page + 1) : undefined }, false)} />
    </Stack>
  );
}
