import type { Role } from "../api/types";

/** The commissions API's shapes (src/features/commissions/schemas.ts). */
export const COMMISSION_KINDS = ["converted_lead", "first_sale", "repeat_sale"] as const;
export type CommissionKind = (typeof COMMISSION_KINDS)[number];
export const TIERS = [1, 2, 3] as const;
export type Tier = (typeof TIERS)[number];

export interface MoneyTotal {
  currency: string;
  amountMinor: number;
}

export interface CommissionPerson {
  id: number;
  fullName: string;
  role: Role;
}

export interface CommissionRule {
  id: number;
  tier: Tier;
  /** YYYY-MM */
  effectiveFrom: string;
  amountMinor: number | null;
  currency: string | null;
  rateBp: number | null;
  ratePercent: number | null;
  createdAt: string;
  createdBy: { id: number; fullName: string } | null;
  withdrawable: boolean;
}

export interface CommissionRules {
  currentMonth: string;
  items: CommissionRule[];
}

export interface NewCommissionRule {
  tier: Tier;
  effectiveFrom: string;
  amountMinor?: number;
  currency?: string;
  ratePercent?: number;
}

export interface CommissionSummaryItem {
  user: CommissionPerson;
  tiers: number[];
  lines: number;
  totals: MoneyTotal[];
}

export interface CommissionSummary {
  month: string;
  items: CommissionSummaryItem[];
}

export interface CommissionLine {
  kind: CommissionKind;
  tier: Tier;
  company: { id: number; legalName: string };
  /** YYYY-MM-DD, the sale's day. */
  day: string;
  orderId: number;
  orderTotalMinor: number;
  orderCurrency: string;
  rule: { effectiveFrom: string; amountMinor: number | null; currency: string | null; rateBp: number | null; ratePercent: number | null };
  amountMinor: number;
  currency: string;
}

export interface CommissionStatement {
  month: string;
  user: CommissionPerson;
  lines: CommissionLine[];
  totals: MoneyTotal[];
}
