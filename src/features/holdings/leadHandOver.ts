import { eq } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import { companies } from "../../db/schema.js";
import { planHandOff, type Stage } from "../../domain/conveyor.js";
import { mayHandOff, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { authorizeCompany } from "../clients/companyAccess.js";
import { findCompany } from "../clients/queries.js";
import type { CompanyDto } from "../clients/schemas.js";
import { appendActivities } from "../clients/timeline.js";
import { removeFromCallLists } from "../prospecting/listMembership.js";
import { queueFactsForManualLead } from "../conversion/leadDistributor.js";
import { readSettings } from "../settings/teamSettings.js";
import { replaceHolding } from "./holdingWriter.js";
import type { HandOffInput } from "./schemas.js";
import { activeTarget } from "./targetUser.js";

/**
 * Hands a company to the next tier: cold -> lead (to a sales manager), lead -> customer (to an
 * account manager). One transaction: the old holding ends, the new one starts, the stage
 * moves, and the timeline says who handed what to whom.
 */
export async function handOver(db: Db, actor: Actor, companyId: number, input: HandOffInput, timeZone: string): Promise<CompanyDto> {
  return db.transaction(async (tx) => {
    const { stage, holding } = await authorizeCompany(tx, actor, companyId, "read");
    if (!mayHandOff(actor, holding)) throw appError("forbidden");
    if (input.fromStage && input.fromStage !== stage) throw appError("holding_conflict", { stage });
    const target = await activeTarget(tx, input.toUserId);
    const plan = planHandOff(stage as Stage, target.role);
    if (!plan.ok) throw appError("handoff_not_allowed", { stage, targetRole: target.role, reason: plan.reason });
    const now = new Date();
    await removeFromCallLists(tx, companyId);
    const queue = plan.toTier === 2 ? queueFactsForManualLead(now, await readSettings(tx, timeZone)) : {};
    await replaceHolding(tx, companyId, holding, { userId: target.id, tier: plan.toTier, endReason: "handed_over", note: input.note, ...queue }, now);
    await tx.update(companies).set({ stage: plan.toStage, updatedAt: now }).where(eq(companies.id, companyId));
    await appendActivities(tx, [
      {
        companyId,
        actorId: actor.id,
        kind: "handed_over",
        text: input.note ?? null,
        occurredAt: now,
        data: { fromUserId: holding?.userId ?? null, toUserId: target.id, toName: target.fullName, fromStage: stage, toStage: plan.toStage, tier: plan.toTier },
      },
    ]);
    return (await findCompany(tx, companyId))!;
  });
}
