import { useTranslation } from "react-i18next";
import { ActionIcon, Badge, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { monthLabel, monthStartLabel } from "./months";
import { useWithdrawCommissionRule } from "./queries";
import { RuleForm } from "./RuleForm";
import { ruleInForce } from "./rulesInForce";
import { ruleText } from "./ruleText";
import { TIERS, type CommissionRule, type Tier } from "./types";

/**
 * The head's rules per tier: each tier's history with the months its rules apply from, a new
 * rule for a month, and withdrawing one whose month has not started (later ones are history).
 */
export function RulesEditor({ rules, current }: { rules: readonly CommissionRule[]; current: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawCommissionRule();
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t("commissions.rulesExplain")}
      </Text>
      <ErrorAlert error={withdraw.error} />
      <SimpleGrid cols={1} spacing="md">
        {TIERS.map((tier) => (
          <TierRules
            key={tier}
            tier={tier}
            rules={rules.filter((r) => r.tier === tier)}
            current={current}
            onWithdraw={(rule) => withdraw.mutate(rule.id, { onSuccess: () => notifications.show({ color: "teal", message: t("commissions.ruleWithdrawn", { date: monthStartLabel(rule.effectiveFrom) }) }) })}
            withdrawing={withdraw.isPending ? withdraw.variables : undefined}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function TierRules({ tier, rules, current, onWithdraw, withdrawing }: { tier: Tier; rules: CommissionRule[]; current: string; onWithdraw(rule: CommissionRule): void; withdrawing?: number }) {
  const { t } = useTranslation();
  const inForce = ruleInForce(rules, tier, current);
  const latestFirst = [...rules].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <Paper withBorder radius="md" p="md" data-testid={`commission-rules-tier-${tier}`}>
      <Stack gap="sm">
        <div>
          <Text fw={700}>{t(`commissions.tierName.${tier}`)}</Text>
          <Text size="sm" c="dimmed">
            {t(`commissions.tierPays.${tier}`)}
          </Text>
        </div>
        {latestFirst.length > 0 ? (
          <Table verticalSpacing={5} horizontalSpacing="sm" fz="sm" data-testid={`commission-rule-history-${tier}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("commissions.fromMonth")}</Table.Th>
                <Table.Th>{t("commissions.rule")}</Table.Th>
                <Table.Th>{t("commissions.setBy")}</Table.Th>
                <Table.Th w={140} />
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {latestFirst.map((rule) => (
                <Table.Tr key={rule.id} data-testid="commission-rule-row" data-month={rule.effectiveFrom}>
                  <Table.Td fw={500}>{monthLabel(rule.effectiveFrom)}</Table.Td>
                  <Table.Td>{ruleText(t, rule)}</Table.Td>
                  <Table.Td c="dimmed">{rule.createdBy?.fullName ?? "—"}</Table.Td>
                  <Table.Td>
                    {rule.id === inForce?.id ? (
                      <Badge color="teal" variant="light" size="sm">
                        {t("commissions.inForce")}
                      </Badge>
                    ) : rule.withdrawable ? (
                      <Badge color="blue" variant="light" size="sm">
                        {t("commissions.scheduled")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {rule.withdrawable ? (
                      <Tooltip label={t("commissions.withdraw")}>
                        <ActionIcon variant="subtle" color="red" onClick={() => onWithdraw(rule)} loading={withdrawing === rule.id} aria-label={t("commissions.withdraw")} data-testid="commission-rule-withdraw">
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="orange.8" data-testid={`commission-rule-none-${tier}`}>
            {t("commissions.noRuleYet")}
          </Text>
        )}
        <RuleForm tier={tier} current={current} taken={rules.map((r) => r.effectiveFrom)} />
      </Stack>
    </Paper>
  );
}
