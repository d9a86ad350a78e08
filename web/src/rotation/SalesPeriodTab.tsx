import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Anchor, Badge, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { RotationSettings, SalesPeriod } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { currentLanguage, LOCALES } from "../i18n";
import { formatDateTime } from "../i18n/format";
import { useSalesPeriod } from "./queries";

const SOURCE_COLORS: Record<SalesPeriod["source"], string> = { computed: "teal", fallback: "yellow", override: "grape" };

const oneDecimal = (value: number | null) => (value === null ? "—" : new Intl.NumberFormat(LOCALES[currentLanguage()], { maximumFractionDigits: 1 }).format(value));

export function SourceBadge({ source }: { source: SalesPeriod["source"] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={SOURCE_COLORS[source]} radius="sm" data-testid="period-source" data-source={source}>
      {t(`rotation.period.source.${source}`)}
    </Badge>
  );
}

/** How the term is computed: the mean days from the start of work to the sale, overall and per segment, and the policy behind it. */
export function SalesPeriodTab() {
  const { t } = useTranslation();
  const report = useSalesPeriod();
  if (report.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (report.error) return <ErrorAlert error={report.error} />;
  const { periods, policy } = report.data;
  const overall = periods.overall;
  return (
    <Stack gap="md" data-testid="sales-period">
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Group gap="sm" align="baseline">
            <Title order={3} fz={28} data-testid="period-days">
              {t("rotation.days", { count: overall.days })}
            </Title>
            <SourceBadge source={overall.source} />
          </Group>
          <Text size="sm" data-testid="period-explain">
            {t(`rotation.period.explain.${overall.source}`, { cases: overall.cases, min: policy.salesPeriodMinCases, days: overall.days })}
          </Text>
          <Group gap="xl" mt={4}>
            <Fact label={t("rotation.period.mean")} value={oneDecimal(overall.mean)} testId="period-mean" />
            <Fact label={t("rotation.period.median")} value={oneDecimal(overall.median)} testId="period-median" />
            <Fact label={t("rotation.period.cases")} value={String(overall.cases)} testId="period-cases" />
          </Group>
          <Text size="xs" c="dimmed">
            {t("rotation.period.computedAt", { date: formatDateTime(periods.computedAt) })} · {t("rotation.period.termRule", { multiplier: policy.groupTermMultiplier })}
          </Text>
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SegmentTable title={t("rotation.period.byIndustry")} periods={periods.byIndustry} label={(k) => k} testId="period-industries" min={policy.salesPeriodMinCases} />
        <SegmentTable title={t("rotation.period.bySize")} periods={periods.bySize} label={(k) => t(`size.${k}`, { defaultValue: k })} testId="period-sizes" min={policy.salesPeriodMinCases} />
      </SimpleGrid>
      <PolicyCard policy={policy} />
    </Stack>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function SegmentTable({ title, periods, label, testId, min }: { title: string; periods: Record<string, SalesPeriod>; label(key: string): string; testId: string; min: number }) {
  const { t } = useTranslation();
  const rows = Object.entries(periods);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Text fw={600}>{title}</Text>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("rotation.period.noSegments", { min })}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("rotation.period.segment")}</Table.Th>
                <Table.Th ta="right">{t("rotation.period.term")}</Table.Th>
                <Table.Th ta="right">{t("rotation.period.mean")}</Table.Th>
                <Table.Th ta="right">{t("rotation.period.median")}</Table.Th>
                <Table.Th ta="right">{t("rotation.period.cases")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([key, p]) => (
                <Table.Tr key={key}>
                  <Table.Td>{label(key)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {t("rotation.days", { count: p.days })}
                  </Table.Td>
                  <Table.Td ta="right">{oneDecimal(p.mean)}</Table.Td>
                  <Table.Td ta="right">{oneDecimal(p.median)}</Table.Td>
                  <Table.Td ta="right">{p.cases}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** The rotation policy as the team rules set it, in the head's words. */
function PolicyCard({ policy }: { policy: RotationSettings }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => (v ? t("common.yes") : t("common.no"));
  const days = (n: number) => t("rotation.days", { count: n });
  const lines: [string, string][] = [
    ["salesPeriodMinCases", String(policy.salesPeriodMinCases)],
    ["salesPeriodFallbackDays", days(policy.salesPeriodFallbackDays)],
    ["salesPeriodOverrideDays", policy.salesPeriodOverrideDays === null ? t("rotation.period.computedValue") : days(policy.salesPeriodOverrideDays)],
    ["termsInTier1", yesNo(policy.termsInTier1)],
    ["groupTermMultiplier", `× ${oneDecimal(policy.groupTermMultiplier)}`],
    ["inactiveDays", policy.inactiveDays === 0 ? t("rotation.period.never") : days(policy.inactiveDays)],
    ["maxExtensionDays", days(policy.maxExtensionDays)],
    ["restDays", days(policy.restDays)],
    ["holderCooldownDays", days(policy.holderCooldownDays)],
    ["preferBestConverter", yesNo(policy.preferBestConverter)],
    ["qualityWindowDays", days(policy.qualityWindowDays)],
  ];
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t("rotation.period.policy")}</Text>
          <Anchor component={Link} to="/team-rules" size="sm" data-testid="period-rules-link">
            {t("rotation.period.changeRules")}
          </Anchor>
        </Group>
        <Table fz="sm" verticalSpacing={4} data-testid="period-policy">
          <Table.Tbody>
            {lines.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Td c="dimmed">{t(`rules.rotation.${key}`)}</Table.Td>
                <Table.Td fw={500}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
