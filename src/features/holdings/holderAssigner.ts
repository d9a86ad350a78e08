import type { Db } from "../../db/connect.js";
import { canHoldInTier, tierOfStage, type Stage } from "../../domain/conveyor.js";
import { mayAssignHolder, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { authorizeCompany } from "../clients/companyAccess.js";
import { findCompany } from "../clients/queries.js";
import type { CompanyDto } from "../clients/schemas.js";
import { appendActivities } from "../clients/timeline.js";
import { removeFromCallLists } from "../prospecting/listMembership.js";
import { queueFactsForManualLead } from "../conversion/leadDistributor.js";
import { readSettings } from "../settings/teamSettings.js";
import { replaceHolding } from "./holdingWriter.js";
import type { AssignHolderInput } from "./schemas.js";
import { activeTarget } from "./targetUser.js";

/** The head gives a company to a holder within its current tier (e.g. a cold company to a caller). */
export async function assignHolder(db: Db, actor: Actor, companyId: number, input: AssignHolderInput, timeZone: string): Promise<CompanyDto> {
  if (!mayAssignHolder(actor)) throw appError("forbidden");
  return db.transaction(async (tx) => {
    const { stage, holding } = await authorizeCompany(tx, actor, companyId, "work");
    const tier = tierOfStage(stage as Stage);
    const target = await activeTarget(tx, input.userId);
    if (!tier || !canHoldInTier(tier, target.role)) throw appError("assignee_unsuitable", { stage, targetRole: target.role });
    if (holding?.userId === target.id) return (await findCompany(tx, companyId))!;
    const now = new Date();
    await removeFromCallLists(tx, companyId);
    const queue = tier === 2 ? queueFactsForManualLead(now, await readSettings(tx, timeZone)) : {};
    await replaceHolding(tx, companyId, holding, { userId: target.id, tier, endReason: "reassigned", note: input.note, ...queue }, now);
    await appendActivities(tx, [
      {
        companyId,
        actorId: actor.id,
        kind: "holder_assigned",
        text: input.note ?? null,
        occurredAt: now,
        data: { fromUserId: holding?.userId ?? null, userId: target.id, toName: target.fullName, tier },
      },
    ]);
    return (await findCompany(tx, companyId))!;
  });
}
