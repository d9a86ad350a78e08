import { sql } from "drizzle-orm";
import { selectRows, type Db, type Tx } from "../../db/connect.js";
import { canHoldInTier, type Role, type Tier } from "../../domain/conveyor.js";
import { addDays } from "../../domain/reorder.js";
import { checkExtension, restEnds } from "../../domain/rotation.js";
import { dayOf, startOfDay, type WorkingHours } from "../../domain/workingTime.js";
import { mayDecideRotation, type Actor } from "../../server/access/index.js";
import { AppError, appError } from "../../server/errors.js";
import { appendActivities } from "../clients/timeline.js";
import { queueFactsForManualLead } from "../conversion/leadDistributor.js";
import { endHolding, replaceHolding } from "../holdings/holdingWriter.js";
import { activeTarget } from "../holdings/targetUser.js";
import { removeFromCallLists } from "../prospecting/listMembership.js";
import { readSettings, type TeamSettings } from "../settings/teamSettings.js";
import { HolderPool } from "./nextHolder.js";
import type { DecisionInput } from "./schemas.js";

/**
 * The head's decisions on held clients — from the dead list, or early, from a weekly report
 * ("recall"). Extend (an objective reason, a text and a date), transfer now, transfer after a
 * rest, or archive. A batch is one transaction: all decisions take effect, or none (the error
 * names the item). Each goes on the company's timeline with who decided.
 */
export interface DecisionOutcome {
  holdingId: number;
  companyId: number;
  decision: DecisionInput["decision"];
  /** transfer_now: the new holder; transfer_after_rest: the holder picked for after the rest (may be null). */
  toUserId: number | null;
  restUntil: string | null;
}

interface OpenHolding {
  id: number;
  company_id: number;
  user_id: number;
  tier: Tier;
  dead_reason: string | null;
  stage: string;
}

async function lockHolding(tx: Tx, holdingId: number): Promise<OpenHolding> {
  const [h] = await selectRows<OpenHolding>(
    tx,
    sql`select h.id, h.company_id, h.user_id, h.tier, h.dead_reason, c.stage
        from holdings h join companies c on c.id = h.company_id
        where h.id = ${holdingId} and h.ended_at is null for update of h, c`,
  );
  if (!h) throw appError("holding_not_found");
  return h;
}

/** The head's explicit choice must be able to hold in the tier, and is not the holder being replaced. */
async function chosenHolder(tx: Tx, userId: number, h: OpenHolding): Promise<{ id: number; fullName: string; role: Role }> {
  const target = await activeTarget(tx, userId);
  if (!canHoldInTier(h.tier, target.role)) throw appError("assignee_unsuitable", { targetRole: target.role });
  if (target.id === h.user_id) throw appError("assignee_unsuitable", { reason: "current_holder" });
  return target;
}

async function fullName(tx: Tx, userId: number): Promise<string> {
  const [u] = await selectRows<{ full_name: string }>(tx, sql`select full_name from users where id = ${userId}`);
  return u?.full_name ?? "";
}

/** An open deal follows the lead to its next manager, or closes when the lead leaves tier 2 without one. */
async function settleOpenDeal(tx: Tx, companyId: number, toManagerId: number | null, why: string, now: Date) {
  if (toManagerId !== null) await tx.execute(sql`update deals set manager_id = ${toManagerId}, updated_at = now() where company_id = ${companyId} and closed_at is null`);
  else
    await tx.execute(sql`update deals set stage = 'lost', lost_reason = ${why}, closed_at = ${now.toISOString()}::timestamptz, updated_at = now()
                         where company_id = ${companyId} and closed_at is null`);
}

async function decideOne(tx: Tx, actor: Actor, item: DecisionInput, settings: TeamSettings, pool: HolderPool, now: Date): Promise<DecisionOutcome> {
  const h = await lockHolding(tx, item.holdingId);
  const wh: WorkingHours = settings.workingHours;
  const today = dayOf(now, wh);
  const base = { companyId: h.company_id, actorId: actor.id, occurredAt: now };
  const common = { holdingId: h.id, fromUserId: h.user_id, tier: h.tier, listedFor: h.dead_reason, recall: h.dead_reason === null };
  switch (item.decision) {
    case "extend": {
      const problem = checkExtension({ category: item.category, note: item.note, until: item.until }, today, settings.rotation.maxExtensionDays);
      if (problem) throw appError(problem);
      // The holding runs through the whole of the chosen day.
      const until = startOfDay(addDays(item.until, 1), wh);
      await tx.execute(sql`update holdings set extended_until = ${until.toISOString()}::timestamptz,
                           term_until = case when term_until is null then null else greatest(term_until, ${until.toISOString()}::timestamptz) end,
                           dead_listed_at = null, dead_reason = null where id = ${h.id}`);
      await appendActivities(tx, [{ ...base, kind: "rotation_extended", text: item.note.trim(), data: { ...common, category: item.category, until: item.until } }]);
      return { holdingId: h.id, companyId: h.company_id, decision: "extend", toUserId: h.user_id, restUntil: null };
    }
    case "transfer_now": {
      const toUserId = item.toUserId ?? (await pool.pick(h.company_id, h.tier, true));
      if (toUserId === null) throw appError("no_next_holder");
      const target = await chosenHolder(tx, toUserId, h);
      if (item.toUserId !== undefined) pool.taken(h.tier, target.id);
      const queue = h.tier === 2 ? queueFactsForManualLead(now, settings) : {};
      await replaceHolding(tx, h.company_id, { id: h.id }, { userId: target.id, tier: h.tier, endReason: "transferred", note: item.note, ...queue }, now);
      if (h.tier === 2) await settleOpenDeal(tx, h.company_id, target.id, "", now);
      await removeFromCallLists(tx, h.company_id);
      await appendActivities(tx, [
        { ...base, kind: "rotation_transferred", text: item.note?.trim() || null, data: { ...common, toUserId: target.id, toName: target.fullName, chosen: item.toUserId !== undefined } },
      ]);
      return { holdingId: h.id, companyId: h.company_id, decision: "transfer_now", toUserId: target.id, restUntil: null };
    }
    case "transfer_after_rest": {
      const restDays = item.restDays ?? settings.rotation.restDays;
      const until = restEnds(today, restDays);
      const nextHolderId = item.nextHolderId !== undefined ? (await chosenHolder(tx, item.nextHolderId, h)).id : await pool.pick(h.company_id, h.tier, true);
      await endHolding(tx, h.company_id, "rotated", item.note ?? null, now);
      if (h.tier === 2) await settleOpenDeal(tx, h.company_id, null, "Rotated: the client rests before its next manager", now);
      await tx.execute(sql`update companies set stage = 'resting', next_touch_at = null, updated_at = now() where id = ${h.company_id}`);
      await tx.execute(sql`insert into rests (company_id, from_user_id, tier, stage_before, until_on, next_holder_id, decided_by, started_at)
                           values (${h.company_id}, ${h.user_id}, ${h.tier}, ${h.stage}, ${until}, ${nextHolderId}, ${actor.id}, ${now.toISOString()}::timestamptz)`);
      await removeFromCallLists(tx, h.company_id);
      await appendActivities(tx, [
        {
          ...base,
          kind: "rotation_rested",
          text: item.note?.trim() || null,
          data: { ...common, until, nextHolderId, nextHolderName: nextHolderId === null ? null : await fullName(tx, nextHolderId) },
        },
      ]);
      return { holdingId: h.id, companyId: h.company_id, decision: "transfer_after_rest", toUserId: nextHolderId, restUntil: until };
    }
    case "archive": {
      if (!item.note.trim()) throw appError("reason_required");
      await endHolding(tx, h.company_id, "archived", item.note, now);
      if (h.tier === 2) await settleOpenDeal(tx, h.company_id, null, `Archived: ${item.note.trim()}`, now);
      await tx.execute(sql`update companies set stage = 'archived', next_touch_at = null, updated_at = now() where id = ${h.company_id}`);
      await removeFromCallLists(tx, h.company_id);
      await appendActivities(tx, [{ ...base, kind: "rotation_archived", text: item.note.trim(), data: common }]);
      return { holdingId: h.id, companyId: h.company_id, decision: "archive", toUserId: null, restUntil: null };
    }
  }
}

export async function decideRotation(db: Db, actor: Actor, items: DecisionInput[], timeZone: string): Promise<DecisionOutcome[]> {
  if (!mayDecideRotation(actor)) throw appError("forbidden");
  const ids = items.map((i) => i.holdingId);
  if (new Set(ids).size !== ids.length) throw appError("validation_failed", { fields: [{ field: "body.items", rule: "oneDecisionPerHolding" }] });
  return db.transaction(async (tx) => {
    const settings = await readSettings(tx, timeZone);
    const now = new Date();
    const outcomes: DecisionOutcome[] = [];
    const pool = new HolderPool(tx, settings.rotation, now);
    for (const [index, item] of items.entries()) {
      try {
        outcomes.push(await decideOne(tx, actor, item, settings, pool, now));
      } catch (error) {
        // Name the item that failed; the whole batch is rolled back.
        if (error instanceof AppError) throw appError(error.code, { ...(error.details ?? {}), index, holdingId: item.holdingId });
        throw error;
      }
    }
    return outcomes;
  });
}
