import { sql } from "drizzle-orm";
import { isoOrNull, selectRows, type DbOrTx } from "../../db/connect.js";
import { bpToPercent, mayWithdrawRule, type CommissionRule, type Month } from "../../domain/commission.js";
import type { Tier } from "../../domain/conveyor.js";

/** A rule as the API shows it: tier 1 an amount per converted lead, tiers 2 and 3 a percentage. */
export interface CommissionRuleDto {
  id: number;
  tier: Tier;
  effectiveFrom: Month;
  amountMinor: number | null;
  currency: string | null;
  rateBp: number | null;
  ratePercent: number | null;
  createdAt: string;
  createdBy: { id: number; fullName: string } | null;
  /** Its month has not started: the head may still withdraw it. */
  withdrawable: boolean;
}

interface RuleRow {
  id: number;
  tier: number;
  effective_from: string | Date;
  amount_minor: number | string | null;
  currency: string | null;
  rate_bp: number | null;
  created_at: Date | string;
  created_by: number | null;
  created_by_name: string | null;
}

/** YYYY-MM of a `date` column, whichever way the driver returns it. */
const monthOfColumn = (value: string | Date): Month => (typeof value === "string" ? value : value.toISOString()).slice(0, 7);

export const toRule = (r: Pick<CommissionRuleDto, "tier" | "effectiveFrom" | "amountMinor" | "currency" | "rateBp">): CommissionRule => ({
  tier: r.tier,
  effectiveFrom: r.effectiveFrom,
  basis: r.rateBp === null ? { kind: "per_lead", amountMinor: r.amountMinor ?? 0, currency: r.currency ?? "" } : { kind: "rate", rateBp: r.rateBp },
});

/** Every rule, by tier and then by month (the table is small: a few rules a tier a year). */
export async function listRules(db: DbOrTx, currentMonth: Month, id?: number): Promise<CommissionRuleDto[]> {
  const rows = await selectRows<RuleRow>(
    db,
    sql`select r.id, r.tier, r.effective_from::text as effective_from, r.amount_minor, r.currency, r.rate_bp, r.created_at, r.created_by, u.full_name as created_by_name
        from commission_rules r left join users u on u.id = r.created_by
        ${id === undefined ? sql`` : sql`where r.id = ${id}`}
        order by r.tier, r.effective_from`,
  );
  return rows.map((r) => {
    const effectiveFrom = monthOfColumn(r.effective_from);
    return {
      id: r.id,
      tier: r.tier as Tier,
      effectiveFrom,
      amountMinor: r.amount_minor === null ? null : Number(r.amount_minor),
      currency: r.currency,
      rateBp: r.rate_bp,
      ratePercent: r.rate_bp === null ? null : bpToPercent(r.rate_bp),
      createdAt: isoOrNull(r.created_at)!,
      createdBy: r.created_by === null ? null : { id: r.created_by, fullName: r.created_by_name ?? "" },
      withdrawable: mayWithdrawRule({ effectiveFrom }, currentMonth),
    };
  });
}

/** The rules in the domain's form, for pricing sales. */
export const loadRules = async (db: DbOrTx): Promise<CommissionRule[]> => (await listRules(db, "0000-01")).map(toRule);
