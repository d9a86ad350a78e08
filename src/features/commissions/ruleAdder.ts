import { PG_UNIQUE_VIOLATION, pgErrorCode, type Db } from "../../db/connect.js";
import { commissionRules } from "../../db/schema.js";
import { checkRuleRequest, firstDayOf, type Month, type RuleRequest } from "../../domain/commission.js";
import { maySetCommissionRules, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { listRules, type CommissionRuleDto } from "./rules.js";

/**
 * The head sets a tier's rule from a month on. A rule never replaces another: one per tier and
 * month (the unique index decides between two heads saving at once), and the latest start at or
 * before a sale's month is the one that pays it.
 */
export async function addCommissionRule(db: Db, actor: Actor, request: RuleRequest, currentMonth: Month): Promise<CommissionRuleDto> {
  if (!maySetCommissionRules(actor)) throw appError("forbidden");
  const checked = checkRuleRequest(request);
  if (!checked.ok) throw appError(checked.problem);
  const { rule } = checked;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(commissionRules)
        .values({
          tier: rule.tier,
          effectiveFrom: firstDayOf(rule.effectiveFrom),
          amountMinor: rule.basis.kind === "per_lead" ? rule.basis.amountMinor : null,
          currency: rule.basis.kind === "per_lead" ? rule.basis.currency : null,
          rateBp: rule.basis.kind === "rate" ? rule.basis.rateBp : null,
          createdBy: actor.id,
        })
        .returning({ id: commissionRules.id });
      return (await listRules(tx, currentMonth, row!.id))[0]!;
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw appError("commission_rule_exists", { tier: rule.tier, effectiveFrom: rule.effectiveFrom });
    throw error;
  }
}
