import { eq, sql } from "drizzle-orm";
import { PG_UNIQUE_VIOLATION, pgErrorCode, type Db } from "../../db/connect.js";
import { companies, deals, proposals } from "../../db/schema.js";
import { checkLoss, checkPostpone, checkStageMove, isQualifyingStage } from "../../domain/deals.js";
import { dayOf } from "../../domain/workingTime.js";
import { mayWorkDeal, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { openHoldingOf } from "../clients/queries.js";
import { appendActivities } from "../clients/timeline.js";
import { endHolding } from "../holdings/holdingWriter.js";
import { removeFromCallLists } from "../prospecting/listMembership.js";
import { readSettings } from "../settings/teamSettings.js";
import { lockDeal } from "./dealAccess.js";
import { qualifiedSince } from "./dealQualification.js";
import { findDeal, type DealDto } from "./queries.js";
import type { PostponeDealInput, ProposalInput } from "./schemas.js";

/** Opens a deal on a lead the manager holds in tier 2 (one open deal per company). */
export async function openDeal(
  db: Db,
  actor: Actor,
  companyId: number,
  input: { stage?: string; amountMinor?: number; currency?: string },
  timeZone: string,
): Promise<DealDto> {
  return db.transaction(async (tx) => {
    const [company] = await tx.select({ stage: companies.stage }).from(companies).where(eq(companies.id, companyId)).for("update");
    if (!company) throw appError("company_not_found");
    const holding = await openHoldingOf(tx, companyId);
    if (!mayWorkDeal(actor, holding)) throw appError("forbidden");
    if (company.stage !== "lead" || holding?.tier !== 2) throw appError("not_a_lead");
    const settings = await readSettings(tx, timeZone);
    const stage = input.stage ?? settings.dealStages[0]!;
    if (!settings.dealStages.includes(stage)) throw appError("unknown_stage", { stages: settings.dealStages });
    try {
      const [row] = await tx
        .insert(deals)
        .values({
          companyId,
          managerId: holding.userId,
          stage,
          // Opened straight at a later stage: the need is already confirmed.
          qualifiedAt: isQualifyingStage(settings.dealStages, stage) ? new Date() : null,
          amountMinor: input.amountMinor ?? null,
          currency: input.currency ?? null,
        })
        .returning({ id: deals.id });
      await appendActivities(tx, [{ companyId, actorId: actor.id, kind: "deal_opened", data: { dealId: row!.id, stage } }]);
      return (await findDeal(tx, row!.id))!;
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw appError("deal_exists");
      throw error;
    }
  });
}

export async function moveDeal(db: Db, actor: Actor, dealId: number, stage: string, timeZone: string): Promise<DealDto> {
  return db.transaction(async (tx) => {
    const deal = await lockDeal(tx, actor, dealId);
    const settings = await readSettings(tx, timeZone);
    const problem = checkStageMove(settings.dealStages, deal.closed, stage);
    if (problem) throw appError(problem, problem === "unknown_stage" ? { stages: settings.dealStages } : undefined);
    if (stage === deal.stage) return (await findDeal(tx, dealId))!;
    const now = new Date();
    const qualifies = isQualifyingStage(settings.dealStages, stage);
    await tx
      .update(deals)
      .set({ stage, updatedAt: now, ...(qualifies ? { qualifiedAt: qualifiedSince(now) } : {}) })
      .where(eq(deals.id, dealId));
    await appendActivities(tx, [{ companyId: deal.companyId, actorId: actor.id, kind: "deal_stage_changed", data: { dealId, from: deal.stage, to: stage } }]);
    return (await findDeal(tx, dealId))!;
  });
}

/**
 * Lost, with its reason: the lead goes back to the cold base (it may be worked again later,
 * after the rest rotation gives it), and the manager's holding ends.
 */
export async function loseDeal(db: Db, actor: Actor, dealId: number, reason: string): Promise<DealDto> {
  return db.transaction(async (tx) => {
    const deal = await lockDeal(tx, actor, dealId);
    const problem = checkLoss(deal.closed, reason);
    if (problem) throw appError(problem);
    const now = new Date();
    await tx.update(deals).set({ stage: "lost", lostReason: reason.trim(), closedAt: now, postponedUntil: null, updatedAt: now }).where(eq(deals.id, dealId));
    await endHolding(tx, deal.companyId, "lost", reason.trim(), now);
    await tx.update(companies).set({ stage: "cold", updatedAt: now }).where(eq(companies.id, deal.companyId));
    await removeFromCallLists(tx, deal.companyId);
    await appendActivities(tx, [
      { companyId: deal.companyId, actorId: actor.id, kind: "deal_lost", text: reason.trim(), occurredAt: now, data: { dealId, fromStage: deal.stage } },
      { companyId: deal.companyId, actorId: actor.id, kind: "stage_changed", occurredAt: now, data: { fromStage: "lead", toStage: "cold", reason: "deal_lost" } },
    ]);
    return (await findDeal(tx, dealId))!;
  });
}

/** Postponed until a date, for an objective reason: the deal leaves the queue until then. */
export async function postponeDeal(db: Db, actor: Actor, dealId: number, input: PostponeDealInput, timeZone: string): Promise<DealDto> {
  return db.transaction(async (tx) => {
    const deal = await lockDeal(tx, actor, dealId);
    const settings = await readSettings(tx, timeZone);
    const today = dayOf(new Date(), settings.workingHours);
    const problem = checkPostpone(deal.closed, input, today, settings.maxPostponeDays);
    if (problem) throw appError(problem, problem === "postpone_too_far" ? { maxDays: settings.maxPostponeDays } : undefined);
    await tx
      .update(deals)
      .set({ postponedUntil: input.until, postponeCategory: input.category, postponeNote: input.note.trim(), updatedAt: new Date() })
      .where(eq(deals.id, dealId));
    await appendActivities(tx, [
      { companyId: deal.companyId, actorId: actor.id, kind: "deal_postponed", text: input.note.trim(), data: { dealId, until: input.until, category: input.category } },
    ]);
    return (await findDeal(tx, dealId))!;
  });
}

export async function addProposal(db: Db, actor: Actor, dealId: number, input: ProposalInput): Promise<DealDto> {
  return db.transaction(async (tx) => {
    const deal = await lockDeal(tx, actor, dealId);
    if (deal.closed) throw appError("deal_closed");
    const [row] = await tx
      .insert(proposals)
      .values({ dealId, companyId: deal.companyId, amountMinor: input.amountMinor, currency: input.currency, sentOn: input.sentOn, documentUrl: input.documentUrl ?? null, note: input.note ?? null, createdBy: actor.id })
      .returning({ id: proposals.id });
    await tx.execute(sql`update deals set amount_minor = ${input.amountMinor}, currency = ${input.currency}, updated_at = now() where id = ${dealId}`);
    await appendActivities(tx, [
      { companyId: deal.companyId, actorId: actor.id, kind: "proposal_sent", text: input.note ?? null, data: { dealId, proposalId: row!.id, amountMinor: input.amountMinor, currency: input.currency, documentUrl: input.documentUrl ?? null } },
    ]);
    return (await findDeal(tx, dealId))!;
  });
}
