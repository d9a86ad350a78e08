import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ActionIcon, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconListDetails, IconSettings, IconX } from "@tabler/icons-react";
import type { User } from "../api/types";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { Forbidden } from "../layout/StatePage";
import { commissionView, setsCommissionRules } from "./access";
import { ExportButtons } from "./ExportButtons";
import { MonthPicker } from "./MonthPicker";
import { browserMonth, isMonth, monthLabel } from "./months";
import { PeopleTable } from "./PeopleTable";
import { useCommissionRules, useCommissionStatement, useCommissionSummary } from "./queries";
import { RulesEditor } from "./RulesEditor";
import { RulesInForce } from "./RulesInForce";
import { MoneyTotals } from "./MoneyTotals";
import { StatementLines } from "./StatementLines";

/**
 * Commissions: the head and the back office see everyone's month per person and the lines behind
 * each figure, and export it; the head sets the rules per tier; a salesperson sees their own.
 */
export function CommissionsPage() {
  const user = useUser();
  const view = commissionView(user);
  if (!view) return <Forbidden />;
  return view === "everyone" ? <TeamCommissions user={user} /> : <MyCommission user={user} />;
}

/** The month in the address (?month=YYYY-MM), else this month by the server's clock. */
function useMonth() {
  const [params, setParams] = useSearchParams();
  const rules = useCommissionRules();
  const current = rules.data?.currentMonth ?? browserMonth();
  const asked = params.get("month");
  const month = isMonth(asked) ? asked : current;
  const change = (patch: Record<string, string | undefined>) =>
    setParams(
      (now) => {
        const next = new URLSearchParams(now);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { params, rules, current, month, change };
}

function Header({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <Stack gap={2}>
      <Title order={2} fz={24}>
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {subtitle}
      </Text>
    </Stack>
  );
}

function TeamCommissions({ user }: { user: User }) {
  const { t } = useTranslation();
  const { params, rules, current, month, change } = useMonth();
  const summary = useCommissionSummary(month);
  const person = Number(params.get("person"));
  const selected = Number.isInteger(person) && person > 0 ? person : null;
  const statement = useCommissionStatement(selected, month);
  const tab = setsCommissionRules(user) && params.get("tab") === "rules" ? "rules" : "people";

  const people = (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <MonthPicker value={month} current={current} onChange={(m) => change({ month: m === current ? undefined : m })} />
        <ExportButtons month={month} />
      </Group>
      <ErrorAlert error={summary.error} />
      <PeopleTable summary={summary.data} pending={summary.isPending} selected={selected} onSelect={(id) => change({ person: id === selected ? undefined : String(id) })} />
      {selected !== null ? (
        <Stack gap="sm" data-testid="commission-statement">
          <Group justify="space-between" align="center" wrap="wrap">
            <Group gap="xs">
              <Title order={3} fz={18}>
                {statement.data ? t("commissions.statementOf", { name: statement.data.user.fullName, month: monthLabel(month) }) : t("commissions.statement")}
              </Title>
              <ActionIcon variant="subtle" color="gray" onClick={() => change({ person: undefined })} aria-label={t("commissions.closeStatement")} data-testid="commission-statement-close">
                <IconX size={16} />
              </ActionIcon>
            </Group>
            <ExportButtons month={month} userId={selected} testId="commission-person-export" />
          </Group>
          <ErrorAlert error={statement.error} />
          <StatementLines statement={statement.data} pending={statement.isPending} linkCompanies />
        </Stack>
      ) : null}
      {rules.data && !setsCommissionRules(user) ? <RulesInForce rules={rules.data.items} month={month} /> : null}
    </Stack>
  );

  return (
    <Stack gap="md" maw={1200}>
      <Header title={t("commissions.title")} subtitle={t("commissions.subtitle")} />
      {setsCommissionRules(user) ? (
        <Tabs value={tab} onChange={(v) => change({ tab: v === "rules" ? "rules" : undefined })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="people" leftSection={<IconListDetails size={16} />} data-testid="commission-tab-people">
              {t("commissions.byPerson")}
            </Tabs.Tab>
            <Tabs.Tab value="rules" leftSection={<IconSettings size={16} />} data-testid="commission-tab-rules">
              {t("commissions.rules")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="people">{people}</Tabs.Panel>
          <Tabs.Panel value="rules">
            <ErrorAlert error={rules.error} />
            {rules.data ? <RulesEditor rules={rules.data.items} current={rules.data.currentMonth} /> : null}
          </Tabs.Panel>
        </Tabs>
      ) : (
        people
      )}
    </Stack>
  );
}

function MyCommission({ user }: { user: User }) {
  const { t } = useTranslation();
  const { rules, current, month, change } = useMonth();
  const statement = useCommissionStatement(user.id, month);
  return (
    <Stack gap="md" maw={1100}>
      <Header title={t("commissions.myTitle")} subtitle={t("commissions.mySubtitle")} />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <MonthPicker value={month} current={current} onChange={(m) => change({ month: m === current ? undefined : m })} />
        <ExportButtons month={month} />
      </Group>
      <ErrorAlert error={statement.error} />
      <Group gap="md" align="baseline" data-testid="my-commission-total">
        <Text fw={600}>{t("commissions.myTotal", { month: monthLabel(month, false) })}</Text>
        {statement.data ? <MoneyTotals totals={statement.data.totals} bold /> : null}
      </Group>
      <StatementLines statement={statement.data} pending={statement.isPending} linkCompanies={false} />
      {rules.data ? <RulesInForce rules={rules.data.items} month={month} /> : null}
    </Stack>
  );
}
