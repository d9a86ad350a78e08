import type { DeadClient, Person, Role } from "../api/types";

/**
 * What a decision dialog needs to know about a held client: from the dead list, or from a line
 * of a weekly report (the head recalls a client early; who the rule would pick is not known then).
 */
export interface RotationTarget {
  holdingId: number;
  company: { id: number; legalName: string };
  tier: number;
  holder: Person;
  /** The rule's pick now; null: nobody is eligible; undefined: not known (the server decides). */
  suggested?: Person | null;
}

export const DECISIONS = ["extend", "transfer_now", "transfer_after_rest", "archive"] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** Who holds a company in each tier: callers cold companies, managers leads, account managers customers. */
export const ROLE_OF_TIER: Record<number, Role> = { 1: "caller", 2: "manager", 3: "account_manager" };

/** The tier a salesperson of tiers 1–2 holds in. */
export const tierOfRole = (role: Role): number => (role === "caller" ? 1 : role === "manager" ? 2 : 3);

export const deadTarget = (row: DeadClient): RotationTarget => ({
  holdingId: row.holdingId,
  company: { id: row.company.id, legalName: row.company.legalName },
  tier: row.tier,
  holder: { id: row.holder.id, fullName: row.holder.fullName },
  suggested: row.suggested,
});

/** The role that may take all the targets, or null when they are in different tiers. */
export function commonRole(targets: readonly RotationTarget[]): Role | null {
  const tiers = new Set(targets.map((t) => t.tier));
  if (tiers.size !== 1) return null;
  return ROLE_OF_TIER[[...tiers][0]!] ?? null;
}

/** Today as YYYY-MM-DD in the browser's time zone, and days from it. */
export const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

export const addDaysIso = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + days);
  return isoDay(d);
};
