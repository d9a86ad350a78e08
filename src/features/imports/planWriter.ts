import { sql } from "drizzle-orm";
import { selectRows, type Tx } from "../../db/connect.js";
import type { PlannedCompany } from "../../domain/imports/batchPlan.js";
import { additionsOf, type ContactState } from "../../domain/imports/companyMerge.js";
import { companySearchKey } from "../../domain/companyNames.js";

/**
 * Writes what a batch plan decided, set-based: a handful of statements per batch whatever its
 * size, each fed one JSON array (jsonb_to_recordset). New companies and contacts take their ids
 * from their sequences first, so their contacts, phones and timeline entries can name them in
 * the same round. Merges fill only what is still empty at write time (coalesce), so a value a
 * person typed in meanwhile wins over the file.
 */
export interface WriteContext {
  importId: number;
  fileName: string;
  actorId: number | null;
}

/** The most line numbers one timeline entry lists (a company absorbing more rows says how many). */
const LINES_SHOWN = 50;

/**
 * Ids for the companies and contacts a batch creates, drawn from their sequences in one round
 * trip (each sequence named once, not looked up again for every id).
 */
async function reserveIds(tx: Tx, companies: number, contacts: number): Promise<{ companies: number[]; contacts: number[] }> {
  if (companies + contacts === 0) return { companies: [], contacts: [] };
  const [row] = await selectRows<{ companies: number[]; contacts: number[] }>(
    tx,
    sql`select array(select nextval(c.seq)::int from generate_series(1, ${companies}::int)) as companies,
               array(select nextval(k.seq)::int from generate_series(1, ${contacts}::int)) as contacts
        from (select pg_get_serial_sequence('companies', 'id')::regclass as seq) c,
             (select pg_get_serial_sequence('contacts', 'id')::regclass as seq) k`,
  );
  return { companies: row!.companies.map(Number), contacts: row!.contacts.map(Number) };
}

const asJson = (rows: unknown[]) => JSON.stringify(rows);

export async function writePlan(tx: Tx, companies: readonly PlannedCompany[], ctx: WriteContext): Promise<void> {
  const created = companies.filter((c) => c.before === null);
  const changed = companies.filter((c) => c.before !== null).map((c) => ({ company: c, additions: additionsOf(c.before!, c.after) }));
  const contactCount = created.reduce((n, c) => n + c.after.contacts.length, 0) + changed.reduce((n, c) => n + c.additions.newContacts.length, 0);
  const { companies: companyIds, contacts: contactIds } = await reserveIds(tx, created.length, contactCount);
  const newContacts: { companyId: number; contact: ContactState }[] = [
    ...created.flatMap(({ after }, i) => after.contacts.map((contact) => ({ companyId: companyIds[i]!, contact }))),
    ...changed.flatMap(({ company, additions }) => additions.newContacts.map((contact) => ({ companyId: company.after.id!, contact }))),
  ];

  if (created.length) {
    const rows = created.map(({ after: c }, i) => ({
      id: companyIds[i],
      legal_name: c.legalName,
      search_name: companySearchKey(c.legalName),
      legal_id: c.legalId,
      legal_id_kind: c.legalIdKind,
      group_name: c.groupName,
      industry: c.industry,
      size: c.size,
      region: c.region,
      source_id: c.sourceId,
    }));
    await tx.execute(sql`
      insert into companies (id, legal_name, search_name, legal_id, legal_id_kind, group_name, industry, size, region, source_id, stage, created_by)
      overriding system value
      select v.id, v.legal_name, v.search_name, v.legal_id, v.legal_id_kind, v.group_name, v.industry, v.size, v.region, v.source_id, 'cold', ${ctx.actorId}::int
      from jsonb_to_recordset(${asJson(rows)}::jsonb) as v(id int, legal_name text, search_name text, legal_id text, legal_id_kind text,
                                                         group_name text, industry text, size text, region text, source_id int)`);
  }

  if (changed.length) {
    const rows = changed.map(({ company, additions }) => ({ id: company.after.id, ...additions.fields }));
    await tx.execute(sql`
      update companies c set
        legal_id = coalesce(c.legal_id, v."legalId"),
        legal_id_kind = case when c.legal_id is null then v."legalIdKind" else c.legal_id_kind end,
        industry = coalesce(c.industry, v.industry),
        region = coalesce(c.region, v.region),
        size = coalesce(c.size, v.size),
        group_name = coalesce(c.group_name, v."groupName"),
        source_id = coalesce(c.source_id, v."sourceId"),
        updated_at = now()
      from jsonb_to_recordset(${asJson(rows)}::jsonb) as v(id int, "legalId" text, "legalIdKind" text, industry text, region text, size text, "groupName" text, "sourceId" int)
      where c.id = v.id`);
  }

  if (newContacts.length) {
    const rows = newContacts.map(({ companyId, contact }, i) => ({ id: contactIds[i], company_id: companyId, full_name: contact.fullName, position: contact.position, emails: contact.emails }));
    await tx.execute(sql`
      insert into contacts (id, company_id, full_name, position, emails)
      overriding system value
      select v.id, v.company_id, v.full_name, v.position, array(select jsonb_array_elements_text(v.emails))
      from jsonb_to_recordset(${asJson(rows)}::jsonb) as v(id int, company_id int, full_name text, position text, emails jsonb)`);
  }

  const contactUpdates = changed.flatMap(({ additions }) => additions.contactAdditions);
  if (contactUpdates.length) {
    const rows = contactUpdates.map((a) => ({ id: a.contactId, emails: a.emails, position: a.position }));
    await tx.execute(sql`
      update contacts ct set
        emails = ct.emails || array(select e from jsonb_array_elements_text(v.emails) e where not (e = any(ct.emails))),
        position = coalesce(ct.position, v.position),
        updated_at = now()
      from jsonb_to_recordset(${asJson(rows)}::jsonb) as v(id int, emails jsonb, position text)
      where ct.id = v.id`);
  }

  // A new contact's phones cannot be there yet: a plain insert, without the conflict check that doubled this statement's cost.
  const newPhones = newContacts.flatMap(({ companyId, contact }, i) => contact.phones.map((e164) => ({ contact_id: contactIds[i], company_id: companyId, e164 })));
  if (newPhones.length) {
    await tx.execute(sql`
      insert into contact_phones (contact_id, company_id, e164)
      select v.contact_id, v.company_id, v.e164 from jsonb_to_recordset(${asJson(newPhones)}::jsonb) as v(contact_id int, company_id int, e164 text)`);
  }
  // An existing contact may have been given the same phone by a person since the batch read it.
  const addedPhones = changed.flatMap(({ company, additions }) =>
    additions.contactAdditions.flatMap((a) => a.phones.map((e164) => ({ contact_id: a.contactId, company_id: company.after.id, e164 }))),
  );
  if (addedPhones.length) {
    await tx.execute(sql`
      insert into contact_phones (contact_id, company_id, e164)
      select v.contact_id, v.company_id, v.e164 from jsonb_to_recordset(${asJson(addedPhones)}::jsonb) as v(contact_id int, company_id int, e164 text)
      on conflict (contact_id, e164) do nothing`);
  }

  const entry = (companyId: number, action: "created" | "merged", lines: number[], added?: Record<string, unknown>) => ({
    company_id: companyId,
    data: { importId: ctx.importId, file: ctx.fileName, action, lines: lines.slice(0, LINES_SHOWN), rows: lines.length, ...(added ? { added } : {}) },
  });
  const entries = [
    ...created.map((c, i) => entry(companyIds[i]!, "created", c.lines)),
    ...changed.map(({ company, additions }) =>
      entry(company.after.id!, "merged", company.lines, {
        fields: Object.keys(additions.fields).filter((k) => k !== "legalIdKind"),
        contacts: additions.newContacts.map((c) => c.fullName),
        phones: [...additions.newContacts.flatMap((c) => c.phones), ...additions.contactAdditions.flatMap((a) => a.phones)],
        emails: [...additions.newContacts.flatMap((c) => c.emails), ...additions.contactAdditions.flatMap((a) => a.emails)],
      }),
    ),
  ];
  if (entries.length) {
    // One "imported" entry per company and batch; the text is the file's name, the web shows "imported from …".
    await tx.execute(sql`
      insert into activities (company_id, actor_id, kind, text, data)
      select v.company_id, ${ctx.actorId}::int, 'imported', ${ctx.fileName}, v.data
      from jsonb_to_recordset(${asJson(entries)}::jsonb) as v(company_id int, data jsonb)`);
  }
}
