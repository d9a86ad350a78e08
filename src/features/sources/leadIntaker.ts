import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode, type Db, type Tx } from "../../db/connect.js";
import { companies } from "../../db/schema.js";
import { companySearchKey } from "../../domain/companyNames.js";
import { AppError, appError } from "../../server/errors.js";
import { insertContact } from "../clients/contactWriter.js";
import { appendActivities, type NewActivity } from "../clients/timeline.js";
import { placeLeads, type LeadPlacement } from "../conversion/leadDistributor.js";
import { replaceHolding } from "../holdings/holdingWriter.js";
import { readSettings } from "../settings/teamSettings.js";
import { findDuplicate, lockDuplicateKeys } from "./leadDuplicates.js";
import type { PreparedLead } from "./leadPreparation.js";
import { lockSourceIntake, postsInLastHour, recordIntake } from "./intakeLog.js";
import { findSourceFacts } from "./queries.js";

/**
 * A lead posted by a web form or a partner. Under the source's lock, in one transaction with
 * its line in the intake log: a switched-off source, the hourly limit, a bad post and a lead
 * already in the base are refused (and recorded); otherwise the company is created as a lead
 * and placed in a sales manager's queue exactly like a caller's hand-over. When no manager can
 * take it the lead is kept, held by nobody: the head gives it out with "Distribute waiting
 * leads" (the source's page counts such leads).
 */

/** Why a post cannot become a lead: the code the log keeps, and the error the poster gets. */
export interface PostRejection {
  code: string;
  error: Error;
}

export interface IntakePost {
  sourceId: number;
  /** The lead, or why the post cannot become one (checked before the lock, recorded under it). */
  lead: PreparedLead | PostRejection;
  payload: Record<string, unknown>;
}

export type IntakeOutcome = { accepted: true; leadId: number } | { accepted: false; error: Error };

const isRejection = (lead: PreparedLead | PostRejection): lead is PostRejection => "error" in lead;

export async function intakeLead(db: Db, post: IntakePost, timeZone: string): Promise<IntakeOutcome> {
  const now = new Date();
  const base = { sourceId: post.sourceId, payload: post.payload, receivedAt: now };
  const recordAlone = (outcome: "duplicate" | "invalid", errorCode: string) =>
    db.transaction(async (tx) => {
      await lockSourceIntake(tx, post.sourceId);
      await recordIntake(tx, { ...base, outcome, errorCode });
    });
  try {
    return await db.transaction(async (tx) => {
      await lockSourceIntake(tx, post.sourceId);
      const source = (await findSourceFacts(tx, post.sourceId))!;
      const refuse = async (outcome: "invalid" | "rate_limited", rejection: PostRejection): Promise<IntakeOutcome> => {
        await recordIntake(tx, { ...base, outcome, errorCode: rejection.code });
        return { accepted: false, error: rejection.error };
      };
      const refuseWith = (outcome: "invalid" | "rate_limited", error: AppError) => refuse(outcome, { code: error.code, error });
      if (!source.active) return refuseWith("invalid", appError("source_inactive"));
      if ((await postsInLastHour(tx, source.id, now)) >= source.hourlyLimit) return refuseWith("rate_limited", appError("intake_rate_limited"));
      if (isRejection(post.lead)) return refuse("invalid", post.lead);
      const lead = post.lead;

      await lockDuplicateKeys(tx, lead);
      const duplicate = await findDuplicate(tx, lead);
      if (duplicate) {
        await noteRepost(tx, duplicate.companyId, duplicate.by, source.id, source.name, lead, now);
        await recordIntake(tx, { ...base, outcome: "duplicate", companyId: duplicate.companyId, errorCode: "lead_duplicate" });
        return { accepted: false, error: appError("lead_duplicate") };
      }
      const leadId = await createLead(tx, lead, source, now, timeZone);
      await recordIntake(tx, { ...base, outcome: "accepted", companyId: leadId });
      return { accepted: true, leadId };
    });
  } catch (error) {
    // The tax id went into the base by another door (a person typing it) between our check and
    // insert: a duplicate after all. Recorded in its own small transaction, since ours rolled back.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && pgConstraint(error) === "companies_legal_id_key") {
      await recordAlone("duplicate", "lead_duplicate");
      return { accepted: false, error: appError("lead_duplicate") };
    }
    if (error instanceof AppError && error.status < 500) {
      await recordAlone("invalid", error.code);
    }
    throw error;
  }
}

async function createLead(tx: Tx, lead: PreparedLead, source: { id: number; name: string }, now: Date, timeZone: string): Promise<number> {
  const [row] = await tx
    .insert(companies)
    .values({
      legalName: lead.legalName,
      searchName: companySearchKey(lead.legalName),
      legalId: lead.legalId,
      legalIdKind: lead.legalIdKind,
      industry: lead.industry,
      region: lead.region,
      sourceId: source.id,
      stage: "lead",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: companies.id });
  const companyId = row!.id;
  const contact = { fullName: lead.contactName, position: null, phones: lead.phone ? [lead.phone] : [], emails: lead.email ? [lead.email] : [], decisionMaker: false };
  const contactId = await insertContact(tx, companyId, contact);
  const entries: NewActivity[] = [
    { companyId, actorId: null, kind: "company_created", text: lead.comment, occurredAt: now, data: { stage: "lead", via: "intake", sourceId: source.id, source: source.name } },
    { companyId, actorId: null, kind: "contact_added", text: contact.fullName, occurredAt: now, data: { contactId, phones: contact.phones, emails: contact.emails } },
  ];
  const place = await placement(tx, now, timeZone);
  if (place) {
    const { managerId: userId, fullName: toName, queueDay, firstContactDueAt } = place;
    await replaceHolding(tx, companyId, null, { userId, tier: 2, endReason: "handed_over", queueDay, firstContactDueAt }, now);
    entries.push({ companyId, actorId: null, kind: "holder_assigned", occurredAt: now, data: { fromUserId: null, userId, toName, tier: 2, queueDay, via: "intake" } });
  }
  await appendActivities(tx, entries);
  return companyId;
}

/** The manager whose queue the lead joins, or null when nobody can take it (the lead waits; it is never lost). */
async function placement(tx: Tx, now: Date, timeZone: string): Promise<LeadPlacement | null> {
  try {
    const [place] = await placeLeads(tx, 1, now, await readSettings(tx, timeZone));
    return place ?? null;
  } catch (error) {
    if (error instanceof AppError && error.code === "no_manager_available") return null;
    throw error;
  }
}

/** The company's holder sees the renewed interest on its timeline; the poster learns nothing about it. */
async function noteRepost(tx: Tx, companyId: number, by: string, sourceId: number, source: string, lead: PreparedLead, now: Date) {
  await appendActivities(tx, [
    {
      companyId,
      actorId: null,
      kind: "lead_reposted",
      text: lead.comment,
      occurredAt: now,
      data: { sourceId, source, matchedBy: by, legalName: lead.legalName, contactName: lead.contactName, phone: lead.phone, email: lead.email },
    },
  ]);
}
