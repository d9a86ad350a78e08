import type { DbOrTx } from "../../db/connect.js";
import { contactPhones, contacts } from "../../db/schema.js";
import type { NormalisedContact } from "./normalise.js";

/** Inserts a contact with its phones; returns its id. */
export async function insertContact(db: DbOrTx, companyId: number, contact: NormalisedContact): Promise<number> {
  const [row] = await db
    .insert(contacts)
    .values({ companyId, fullName: contact.fullName, position: contact.position, emails: contact.emails, decisionMaker: contact.decisionMaker })
    .returning({ id: contacts.id });
  const contactId = row!.id;
  if (contact.phones.length) {
    await db.insert(contactPhones).values(contact.phones.map((e164) => ({ contactId, companyId, e164 })));
  }
  return contactId;
}
