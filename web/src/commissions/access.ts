import type { User } from "../api/types";

/**
 * Who sees which commissions, mirroring src/server/access/commissions.ts: the head, the admin and
 * the back office (who pays) see everyone's; salespeople see their own; the head sets the rules.
 */
export type CommissionView = "everyone" | "own";

export function commissionView(user: User): CommissionView | null {
  if (user.role === "admin" || user.role === "head" || user.role === "back_office") return "everyone";
  if (user.role === "caller" || user.role === "manager" || user.role === "account_manager") return "own";
  return null;
}

export const setsCommissionRules = (user: User) => user.role === "admin" || user.role === "head";
