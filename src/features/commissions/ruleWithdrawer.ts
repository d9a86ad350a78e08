import { sql } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import type { Month } from "../../domain/commission.js";
import { maySetCommissionRules, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { listRules } from "./rules.js";

/**
 * The head withdraws a rule set by mistake, but only before its month starts: from then on
 * commissions are counted (and may be paid) by it, and history must not change under them.
 */
export async function withdrawCommissionRule(db: Db, actor: Actor, id: number, currentMonth: Month): Promise<void> {
  if (!maySetCommissionRules(actor)) throw appError("forbidden");
  await db.transaction(async (tx) => {
    await tx.execute(sql`select id from commission_rules where id = ${id} for update`);
    const [rule] = await listRules(tx, currentMonth, id);
    if (!rule) throw appError("not_found");
    if (!rule.withdrawable) throw appError("commission_rule_started", { effectiveFrom: rule.effectiveFrom });
    await tx.execute(sql`delete from commission_rules where id = ${id}`);
  });
}
