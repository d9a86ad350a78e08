import type { Tx } from "../db/connect.js";
import { activities, companies, contactPhones, contacts, holdings } from "../db/schema.js";
import { companySearchKey } from "../domain/companyNames.js";
import type { CompanySeed } from "./companies.js";
import type { CompanyHistory } from "./history.js";
import type { DemoSources } from "./sources.js";

/** Writes the planned base in a handful of multi-row inserts (chunked under the parameter limit). */

export interface WrittenCounts {
  companies: number;
  contacts: number;
  phones: number;
  holdings: number;
  openHoldings: number;
  activities: number;
}

const CHUNK = 1000;

async function inChunks<T, R>(rows: T[], write: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(...(await write(rows.slice(i, i + CHUNK))));
  return out;
}

const at = (ms: number) => new Date(ms);

export async function writeBase(tx: Tx, seeds: CompanySeed[], histories: CompanyHistory[], sources: DemoSources): Promise<WrittenCounts> {
  const plan = seeds.map((seed, i) => ({ seed, history: histories[i]! }));

  // Companies: legal names are unique in the demo, so they map returned ids back to the plan.
  const companyRows = await inChunks(plan, (chunk) =>
    tx
      .insert(companies)
      .values(
        chunk.map(({ seed, history }) => ({
          legalName: seed.legalName,
          searchName: companySearchKey(seed.legalName),
          legalId: seed.legalId,
          legalIdKind: seed.legalIdKind,
          groupName: seed.groupName,
          industry: seed.industry,
          size: seed.size,
          region: seed.region,
          sourceId: sources[seed.source].id,
          stage: history.stage,
          nextTouchAt: history.nextTouchAt === null ? null : at(history.nextTouchAt),
          createdBy: history.createdBy,
          createdAt: at(history.createdAt),
          updatedAt: at(history.updatedAt),
        })),
      )
      .returning({ id: companies.id, legalName: companies.legalName }),
  );
  const companyId = new Map(companyRows.map((r) => [r.legalName, r.id]));
  const ids = plan.map(({ seed }) => companyId.get(seed.legalName)!);

  // Contacts: names are unique within a company.
  const contactRows = await inChunks(
    plan.flatMap(({ seed, history }, c) =>
      seed.contacts.map((contact, i) => ({
        companyId: ids[c]!,
        fullName: contact.fullName,
        position: contact.position,
        emails: contact.emails,
        decisionMaker: contact.decisionMaker,
        createdAt: at(history.contactsAddedAt[i]!),
        updatedAt: at(history.contactsAddedAt[i]!),
      })),
    ),
    (chunk) => tx.insert(contacts).values(chunk).returning({ id: contacts.id, companyId: contacts.companyId, fullName: contacts.fullName }),
  );
  const contactId = new Map(contactRows.map((r) => [`${r.companyId}|${r.fullName}`, r.id]));
  const contactIdOf = (c: number, i: number) => contactId.get(`${ids[c]}|${plan[c]!.seed.contacts[i]!.fullName}`)!;

  const phoneRows = plan.flatMap(({ seed }, c) =>
    seed.contacts.flatMap((contact, i) => contact.phones.map((e164) => ({ contactId: contactIdOf(c, i), companyId: ids[c]!, e164 }))),
  );
  await inChunks(phoneRows, (chunk) => tx.insert(contactPhones).values(chunk).returning({ id: contactPhones.id }));

  const holdingRows = plan.flatMap(({ history }, c) =>
    history.holdings.map((h) => ({
      companyId: ids[c]!,
      userId: h.userId,
      tier: h.tier,
      startedAt: at(h.startedAt),
      termUntil: h.termUntil === null ? null : at(h.termUntil),
      endedAt: h.endedAt === null ? null : at(h.endedAt),
      endReason: h.endReason,
      endNote: h.endNote,
    })),
  );
  await inChunks(holdingRows, (chunk) => tx.insert(holdings).values(chunk).returning({ id: holdings.id }));

  // The timeline in time order, so entry ids grow with time as they do in real use.
  const activityRows = plan
    .flatMap(({ history }, c) =>
      history.activities.map((a) => ({
        companyId: ids[c]!,
        actorId: a.actorId,
        kind: a.kind,
        occurredAt: at(a.occurredAt),
        text: a.text,
        data: a.contactIndex === undefined ? a.data : { contactId: contactIdOf(c, a.contactIndex), ...a.data },
      })),
    )
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  await inChunks(activityRows, (chunk) => tx.insert(activities).values(chunk).returning({ id: activities.id }));

  return {
    companies: companyRows.length,
    contacts: contactRows.length,
    phones: phoneRows.length,
    holdings: holdingRows.length,
    openHoldings: holdingRows.filter((h) => h.endedAt === null).length,
    activities: activityRows.length,
  };
}
