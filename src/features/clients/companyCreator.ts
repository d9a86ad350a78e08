import { and, eq } from "drizzle-orm";
import type { CountryCode } from "libphonenumber-js";
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode, type Db, type DbOrTx } from "../../db/connect.js";
import { companies, holdings } from "../../db/schema.js";
import { companySearchKey } from "../../domain/companyNames.js";
import type { Stage, Tier } from "../../domain/conveyor.js";
import { termForHolding } from "../rotation/terms.js";
import { mayCreateCompany, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { assertSourceChoosable } from "../sources/sourceChoice.js";
import { insertContact } from "./contactWriter.js";
import { blankToNull, normaliseContact, normaliseLegalId } from "./normalise.js";
import { assertPhonesFree } from "./phoneOwnership.js";
import { findCompany } from "./queries.js";
import type { CompanyDto, CreateCompanyInput } from "./schemas.js";
import { appendActivities, type NewActivity } from "./timeline.js";

/**
 * Where a company starts depends on who brings it: a caller's find is a cold prospect they
 * hold in tier 1, a manager's (an inbound request) is a lead they hold in tier 2; the head
 * and admin add to the cold base for someone to be assigned.
 */
function startingPoint(actor: Actor): { stage: Stage; holdInTier?: Tier } {
  if (actor.role === "caller") return { stage: "cold", holdInTier: 1 };
  if (actor.role === "manager") return { stage: "lead", holdInTier: 2 };
  return { stage: "cold" };
}

export async function assertLegalIdFree(db: DbOrTx, legalId: string | null, kind: string | null, exceptCompanyId?: number) {
  if (!legalId || !kind) return;
  const [existing] = await db
    .select({ id: companies.id, legalName: companies.legalName })
    .from(companies)
    .where(and(eq(companies.legalId, legalId), eq(companies.legalIdKind, kind)))
    .limit(1);
  if (existing && existing.id !== exceptCompanyId) {
    throw appError("company_duplicate", { companyId: existing.id, legalName: existing.legalName, legalId });
  }
}

export async function createCompany(db: Db, actor: Actor, input: CreateCompanyInput, country: CountryCode): Promise<CompanyDto> {
  if (!mayCreateCompany(actor)) throw appError("forbidden");
  const { legalId, legalIdKind } = normaliseLegalId(input.legalId, input.legalIdKind);
  const contactsIn = (input.contacts ?? []).map((c, i) => normaliseContact(c, country, `contacts.${i}`));
  const { stage, holdInTier } = startingPoint(actor);
  try {
    return await db.transaction(async (tx) => {
      const sourceName = await assertSourceChoosable(tx, input.sourceId);
      await assertLegalIdFree(tx, legalId, legalIdKind);
      await assertPhonesFree(tx, contactsIn.flatMap((c) => c.phones), null);
      const [row] = await tx
        .insert(companies)
        .values({
          legalName: input.legalName.trim(),
          searchName: companySearchKey(input.legalName),
          legalId,
          legalIdKind,
          groupName: blankToNull(input.groupName),
          industry: blankToNull(input.industry),
          size: input.size ?? null,
          region: blankToNull(input.region),
          sourceId: input.sourceId ?? null,
          stage,
          createdBy: actor.id,
        })
        .returning({ id: companies.id });
      const companyId = row!.id;
      const sourceId = input.sourceId ?? null;
      const entries: NewActivity[] = [
        { companyId, actorId: actor.id, kind: "company_created", data: { stage, sourceId, source: sourceName } },
      ];
      for (const contact of contactsIn) {
        const contactId = await insertContact(tx, companyId, contact);
        entries.push({ companyId, actorId: actor.id, kind: "contact_added", text: contact.fullName, data: { contactId, phones: contact.phones, emails: contact.emails } });
      }
      if (holdInTier) {
        await tx.insert(holdings).values({ companyId, userId: actor.id, tier: holdInTier, termUntil: await termForHolding(tx, companyId, holdInTier, new Date()) });
        entries.push({ companyId, actorId: actor.id, kind: "holder_assigned", data: { fromUserId: null, userId: actor.id, toName: actor.fullName, tier: holdInTier } });
      }
      await appendActivities(tx, entries);
      return (await findCompany(tx, companyId))!;
    });
  } catch (error) {
    // Two people adding the same tax id at once: the unique index decides, the loser hears who won.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && pgConstraint(error) === "companies_legal_id_key") {
      await assertLegalIdFree(db, legalId, legalIdKind);
    }
    throw error;
  }
}
