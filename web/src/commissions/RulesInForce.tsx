import { useTranslation } from "react-i18next";
import { Group, Paper, Stack, Text } from "@mantine/core";
import { monthLabel, monthStartLabel } from "./months";
import { ruleInForce } from "./rulesInForce";
import { ruleText } from "./ruleText";
import { TIERS, type CommissionRule } from "./types";

/** What each tier is paid by in the month shown, for those who read the rules but do not set them. */
export function RulesInForce({ rules, month }: { rules: readonly CommissionRule[]; month: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="commission-rules-in-force">
      <Text fw={600} mb="xs">
        {t("commissions.rulesInForce", { month: monthLabel(month, false) })}
      </Text>
      <Stack gap={4}>
        {TIERS.map((tier) => {
          const rule = ruleInForce(rules, tier, month);
          return (
            <Group key={tier} gap="xs" wrap="nowrap" data-testid={`commission-rule-in-force-${tier}`}>
              <Text size="sm" fw={500} w={260} style={{ flexShrink: 0 }}>
                {t(`commissions.tierName.${tier}`)}
              </Text>
              <Text size="sm" c={rule ? undefined : "dimmed"}>
                {rule ? `${ruleText(t, rule)} · ${t("commissions.since", { date: monthStartLabel(rule.effectiveFrom) })}` : t("commissions.noRule")}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
