import type { TFunction } from "i18next";
import { currentLanguage, LOCALES } from "../i18n";
import { formatMoney } from "../i18n/format";
import type { CommissionLine, CommissionRule } from "./types";

/** 7.5 → "7,5 %" in the UI language. */
export const formatPercent = (percent: number) => `${new Intl.NumberFormat(LOCALES[currentLanguage()], { maximumFractionDigits: 2 }).format(percent)} %`;

/** A rule in words: "5 % of the first sale", "500,00 ₴ per converted lead". */
export function ruleText(t: TFunction, rule: Pick<CommissionRule, "tier" | "amountMinor" | "currency" | "ratePercent">): string {
  if (rule.ratePercent !== null) return t(`commissions.ruleRate.${rule.tier === 3 ? "repeat" : "first"}`, { rate: formatPercent(rule.ratePercent) });
  return t("commissions.rulePerLead", { amount: formatMoney(rule.amountMinor, rule.currency) });
}

/** The rule a line was paid by, short: "5 %" or "500,00 ₴". */
export const lineRuleText = (rule: CommissionLine["rule"]) => (rule.ratePercent !== null ? formatPercent(rule.ratePercent) : formatMoney(rule.amountMinor, rule.currency));
