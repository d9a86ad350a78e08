import { eq, sql } from "drizzle-orm";
import type { CountryCode } from "libphonenumber-js";
import { selectRows, type Db } from "../../db/connect.js";
import { contactPhones, contacts } from "../../db/schema.js";
import type { Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { authorizeCompany } from "./companyAccess.js";
import { insertContact } from "./contactWriter.js";
import { normaliseContact, normaliseEmails, normalisePhones } from "./normalise.js";
import { assertPhonesFree } from "./phoneOwnership.js";
import { findContact } from "./queries.js";
import type { ContactDto, ContactInput, ContactPatch } from "./schemas.js";
import { appendActivities } from "./timeline.js";

export async function addContact(db: Db, actor: Actor, companyId: number, input: ContactInput, country: CountryCode): Promise<ContactDto> {
  const contact = normaliseContact(input, country, "");
  return db.transaction(async (tx) => {
    await authorizeCompany(tx, actor, companyId, "work");
    await assertPhonesFree(tx, contact.phones, companyId);
    const contactId = await insertContact(tx, companyId, contact);
    await appendActivities(tx, [
      { companyId, actorId: actor.id, kind: "contact_added", text: contact.fullName, data: { contactId, phones: contact.phones, emails: contact.emails } },
    ]);
    return (await findContact(tx, contactId))!;
  });
}

/** Changes a contact; phones and emails given replace the old lists. */
export async function updateContact(db: Db, actor: Actor, contactId: number, input: ContactPatch, country: CountryCode): Promise<ContactDto> {
  const phones = input.phones ? normalisePhones(input.phones, country, "phones") : undefined;
  const emails = input.emails ? normaliseEmails(input.emails, "emails") : undefined;
  return db.transaction(async (tx) => {
    const [owner] = await selectRows<{ company_id: number }>(tx, sql`select company_id from contacts where id = ${contactId}`);
    if (!owner) throw appError("contact_not_found");
    const companyId = owner.company_id;
    await authorizeCompany(tx, actor, companyId, "work");
    const before = (await findContact(tx, contactId))!;
    await tx
      .update(contacts)
      .set({
        fullName: input.fullName?.trim(),
        position: input.position === undefined ? undefined : input.position?.trim() || null,
        emails,
        decisionMaker: input.decisionMaker,
        updatedAt: new Date(),
      })
      .where(eq(contacts.id, contactId));
    if (phones) {
      await assertPhonesFree(tx, phones, companyId);
      await tx.delete(contactPhones).where(eq(contactPhones.contactId, contactId));
      if (phones.length) await tx.insert(contactPhones).values(phones.map((e164) => ({ contactId, companyId, e164 })));
    }
    const after = (await findContact(tx, contactId))!;
    await appendActivities(tx, [
      { companyId, actorId: actor.id, kind: "contact_updated", text: after.fullName, data: { contactId, before: { ...before, id: undefined }, after: { ...after, id: undefined } } },
    ]);
    return after;
  });
}
