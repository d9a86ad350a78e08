import type { User } from "../api/types";
import { seesCommissions, seesEveryonesCommission, steersConveyor } from "../auth/permissions";

/**
 * Who sees which commissions, mirroring src/server/access/commissions.ts: the head, the admin and
 * the back office (who pays) see everyone's; salespeople see their own; the head sets the rules.
 */
export type CommissionView = "everyone" | "own";

export const commissionView = (user: User): CommissionView | null => (seesEveryonesCommission(user) ? "everyone" : seesCommissions(user) ? "own" : null);

export const setsCommissionRules = steersConveyor;
