import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import type { CompanySize } from "../../domain/conveyor.js";
import type { CompanyState } from "../../domain/imports/companyMerge.js";
import type { ImportedRow } from "../../domain/imports/rowValidation.js";
import type { LegalIdKind } from "../../domain/legalIds.js";

/**
 * The companies of the base a batch of rows may merge into: every company holding one of the
 * rows' tax ids, phones or emails, with all its contacts. Three reads per batch, each served by
 * an index (the byte-order indexes on tax ids and phones; each email probed on its own in the
 * emails index — one search for thousands of emails checks every match against all of them —
 * compared as stored, in lower case, as every way into the base writes them).
 */
const jsonList = (values: Iterable<string>) => JSON.stringify([...new Set(values)]);

/**
 * The emails index (GIN) keeps new entries in a pending list until it holds 4 MB, and every
 * search reads that whole list: thousands of probes per batch each paid for it (1.4 ms apiece
 * after a few batches). Moving the list into the index first — what the next insert past the
 * limit would do anyway — keeps each probe a few microseconds. Only the index's owner may (the
 * role that ran the migrations, as Conveyor does at start); anyone else just searches slower.
 */
async function flushPendingEmails(db: DbOrTx): Promise<void> {
  await db.execute(sql`
    select gin_clean_pending_list(c.oid) from pg_class c
    where c.oid = to_regclass('contacts_emails_idx') and pg_has_role(c.relowner, 'USAGE')`);
}

export async function companiesHoldingKeys(db: DbOrTx, rows: readonly ImportedRow[]): Promise<CompanyState[]> {
  const legalIds = rows.flatMap((r) => (r.legalId ? [r.legalId] : []));
  const phones = rows.flatMap((r) => r.phones);
  const emails = rows.flatMap((r) => r.emails);
  if (legalIds.length + phones.length + emails.length === 0) return [];
  if (emails.length) await flushPendingEmails(db);
  const ids = await selectRows<{ id: number }>(
    db,
    sql`select id from companies where legal_id collate "C" = any(array(select jsonb_array_elements_text(${jsonList(legalIds)}::jsonb)))
        union
        select company_id from contact_phones where e164 collate "C" = any(array(select jsonb_array_elements_text(${jsonList(phones)}::jsonb)))
        union
        select ct.company_id from jsonb_array_elements_text(${jsonList(emails)}::jsonb) as k(email)
          cross join lateral (select company_id from contacts where emails @> array[k.email]) ct
        order by 1`,
  );
  if (ids.length === 0) return [];
  const idList = JSON.stringify(ids.map((r) => r.id));
  const companies = await selectRows<{
    id: number;
    legal_name: string;
    legal_id: string | null;
    legal_id_kind: LegalIdKind | null;
    industry: string | null;
    region: string | null;
    size: CompanySize | null;
    group_name: string | null;
    source_id: number | null;
  }>(
    db,
    sql`select id, legal_name, legal_id, legal_id_kind, industry, region, size, group_name, source_id
        from companies where id = any(array(select value::int from jsonb_array_elements_text(${idList}::jsonb)))`,
  );
  const contacts = await selectRows<{ id: number; company_id: number; full_name: string; position: string | null; emails: string[]; phones: string[] }>(
    db,
    sql`select ct.id, ct.company_id, ct.full_name, ct.position, ct.emails,
               coalesce((select array_agg(p.e164 order by p.id) from contact_phones p where p.contact_id = ct.id), '{}') as phones
        from contacts ct where ct.company_id = any(array(select value::int from jsonb_array_elements_text(${idList}::jsonb)))`,
  );
  // Sorted here, not by the database: asked to order by id, PostgreSQL walks the primary key past
  // every contact (its statistics lag behind a bulk load) instead of probing the company index.
  companies.sort((a, b) => a.id - b.id);
  contacts.sort((a, b) => a.id - b.id);
  const byCompany = new Map<number, CompanyState["contacts"]>();
  for (const c of contacts) {
    const list = byCompany.get(c.company_id) ?? [];
    list.push({ id: c.id, fullName: c.full_name, position: c.position, phones: c.phones, emails: c.emails });
    byCompany.set(c.company_id, list);
  }
  return companies.map((c) => ({
    id: c.id,
    legalName: c.legal_name,
    legalId: c.legal_id,
    legalIdKind: c.legal_id_kind,
    industry: c.industry,
    region: c.region,
    size: c.size,
    groupName: c.group_name,
    sourceId: c.source_id,
    contacts: byCompany.get(c.id) ?? [],
  }));
}
