import type { Tier } from "./conveyor.js";
import { isMonth, monthOfDay, type Month } from "./months.js";
import type { Day } from "./workingTime.js";

export { firstDayOf, isMonth, monthOfDay, nextMonth, previousMonth, type Month } from "./months.js";

/**
 * Commissions: what each tier of the conveyor earns, by the head's rules.
 *
 * What earns what (one line per sale and person; months in the team's time zone):
 * - Tier 1, the caller: a converted lead. The caller whose call (or tier-1 holding) handed the
 *   company over to tier 2 earns the rule's fixed amount once, in the month of the company's
 *   first sale (its first order), when that sale came after the hand-over.
 * - Tier 2, the sales manager: the first sale. The manager of the won deal behind the first
 *   order (or, with no deal, the manager holding the lead in tier 2 then) earns the rule's rate
 *   of the order's total, in the order's month.
 * - Tier 3, the account manager: repeat sales. The holder in tier 3 at the time of every later
 *   order earns the rule's rate of its total, in that order's month.
 *
 * The rule for a sale is its tier's rule with the latest start month at or before the sale's
 * month, so a new rule from month M changes nothing before M. A sale with no rule in force
 * earns nothing and makes no line. Money stays in integer minor units: each line is rounded
 * half away from zero on its own, and totals are kept per currency, never added across them.
 */

export const COMMISSION_KINDS = ["converted_lead", "first_sale", "repeat_sale"] as const;
export type CommissionKind = (typeof COMMISSION_KINDS)[number];

/** The tier whose rule pays each kind of line. */
export const TIER_OF_KIND: Record<CommissionKind, Tier> = { converted_lead: 1, first_sale: 2, repeat_sale: 3 };

/** Basis points in a whole: 10 000 bp = 100 %. */
export const BP_PER_WHOLE = 10_000;

/** Tier 1 pays an amount per converted lead; tiers 2 and 3 a share of the sale. */
export type RuleBasis = { kind: "per_lead"; amountMinor: number; currency: string } | { kind: "rate"; rateBp: number };

export interface CommissionRule {
  tier: Tier;
  /** The first month the rule applies in. */
  effectiveFrom: Month;
  basis: RuleBasis;
}

/** A sale attributed to the person it earns for (see the module comment for who that is). */
export interface SaleFact {
  kind: CommissionKind;
  userId: number;
  companyId: number;
  orderId: number;
  /** The sale's calendar day in the team's time zone: it decides the month and the rule. */
  day: Day;
  orderTotalMinor: number;
  orderCurrency: string;
}

export interface CommissionLine extends SaleFact {
  rule: RuleBasis;
  /** The rule's start month, so a line can say which rule it was paid by. */
  ruleFrom: Month;
  amountMinor: number;
  currency: string;
}

export interface MoneyTotal {
  currency: string;
  amountMinor: number;
}

export interface Statement {
  lines: CommissionLine[];
  totals: MoneyTotal[];
}

const CURRENCY = /^[A-Z]{3}$/;

/** The rule of a tier in force in a month: the one with the latest start at or before it; null when none. */
export function ruleFor<R extends CommissionRule>(rules: readonly R[], tier: Tier, month: Month): R | null {
  let found: R | null = null;
  for (const rule of rules) {
    if (rule.tier !== tier || rule.effectiveFrom > month) continue;
    if (!found || rule.effectiveFrom > found.effectiveFrom) found = rule;
  }
  return found;
}

/** `totalMinor × rateBp / 10 000`, rounded half away from zero, exactly (no floating point on the way). */
export function rateAmount(totalMinor: number, rateBp: number): number {
  const product = BigInt(totalMinor) * BigInt(rateBp);
  const whole = BigInt(BP_PER_WHOLE);
  let quotient = product / whole;
  const remainder = product % whole;
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (absRemainder * 2n >= whole) quotient += product < 0n ? -1n : 1n;
  return Number(quotient);
}

/** What one sale earns under a rule, and in which currency. */
export function lineAmount(sale: Pick<SaleFact, "orderTotalMinor" | "orderCurrency">, basis: RuleBasis): MoneyTotal {
  if (basis.kind === "per_lead") return { amountMinor: basis.amountMinor, currency: basis.currency };
  return { amountMinor: rateAmount(sale.orderTotalMinor, basis.rateBp), currency: sale.orderCurrency };
}

/** Sums amounts per currency, currencies in alphabetical order. */
export function totalsByCurrency(items: readonly MoneyTotal[]): MoneyTotal[] {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.currency, (sums.get(item.currency) ?? 0) + item.amountMinor);
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/**
 * The lines behind a statement: each sale priced by the rule of its tier in force in its month
 * (sales with no rule make no line), in order of day, then order, then kind.
 */
export function priceSales(sales: readonly SaleFact[], rules: readonly CommissionRule[]): CommissionLine[] {
  const lines: CommissionLine[] = [];
  for (const sale of sales) {
    const rule = ruleFor(rules, TIER_OF_KIND[sale.kind], monthOfDay(sale.day));
    if (!rule) continue;
    lines.push({ ...sale, rule: rule.basis, ruleFrom: rule.effectiveFrom, ...lineAmount(sale, rule.basis) });
  }
  const kindOrder = (k: CommissionKind) => COMMISSION_KINDS.indexOf(k);
  return lines.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.orderId - b.orderId || kindOrder(a.kind) - kindOrder(b.kind) || a.userId - b.userId));
}

/** One person's statement (or anyone's lines): the lines and their totals per currency. */
export function buildStatement(sales: readonly SaleFact[], rules: readonly CommissionRule[]): Statement {
  const lines = priceSales(sales, rules);
  return { lines, totals: totalsByCurrency(lines) };
}

/** Everyone's statements from one set of sales, by person. */
export function statementsByPerson(sales: readonly SaleFact[], rules: readonly CommissionRule[]): Map<number, Statement> {
  const byPerson = new Map<number, CommissionLine[]>();
  for (const line of priceSales(sales, rules)) {
    const own = byPerson.get(line.userId);
    if (own) own.push(line);
    else byPerson.set(line.userId, [line]);
  }
  return new Map([...byPerson.entries()].map(([userId, lines]) => [userId, { lines, totals: totalsByCurrency(lines) }]));
}

/** A percentage typed by the head (0–100, at most two decimals) as basis points; null when it is not one. */
export function percentToBp(percent: number): number | null {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return null;
  const bp = Math.round(percent * 100);
  // 1.15 * 100 is 114.99999999999999 in floating point: compare with a tolerance, not exactly.
  return Math.abs(percent * 100 - bp) < 1e-6 ? bp : null;
}

export const bpToPercent = (bp: number): number => bp / 100;

export interface RuleRequest {
  tier: number;
  effectiveFrom: string;
  amountMinor?: number;
  currency?: string;
  ratePercent?: number;
}

export type RuleCheck = { ok: true; rule: CommissionRule } | { ok: false; problem: "month_invalid" | "commission_rule_invalid" };

/** Checks a new rule as the head typed it: tier 1 an amount with a currency, tiers 2 and 3 a percentage. */
export function checkRuleRequest(request: RuleRequest): RuleCheck {
  if (!isMonth(request.effectiveFrom)) return { ok: false, problem: "month_invalid" };
  const invalid = { ok: false, problem: "commission_rule_invalid" } as const;
  const { tier, amountMinor, currency, ratePercent } = request;
  if (tier === 1) {
    if (ratePercent !== undefined || amountMinor === undefined || currency === undefined) return invalid;
    if (!Number.isSafeInteger(amountMinor) || amountMinor < 0 || !CURRENCY.test(currency)) return invalid;
    return { ok: true, rule: { tier, effectiveFrom: request.effectiveFrom, basis: { kind: "per_lead", amountMinor, currency } } };
  }
  if (tier === 2 || tier === 3) {
    if (amountMinor !== undefined || currency !== undefined || ratePercent === undefined) return invalid;
    const rateBp = percentToBp(ratePercent);
    if (rateBp === null) return invalid;
    return { ok: true, rule: { tier, effectiveFrom: request.effectiveFrom, basis: { kind: "rate", rateBp } } };
  }
  return invalid;
}

/** A rule may be withdrawn only before its month starts: once it has, commissions are counted by it. */
export const mayWithdrawRule = (rule: Pick<CommissionRule, "effectiveFrom">, currentMonth: Month): boolean => rule.effectiveFrom > currentMonth;
