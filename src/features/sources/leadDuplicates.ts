import { sql, type SQL } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import type { PreparedLead } from "./leadPreparation.js";

export type DuplicateMatch = { companyId: number; by: "legal_id" | "phone" | "email" };

/** The keys a posted lead is matched by; sorted, so concurrent posts lock them in one order. */
export function duplicateKeys(lead: PreparedLead): string[] {
  const keys: string[] = [];
  if (lead.legalId) keys.push(`legal_id:${lead.legalId}`);
  if (lead.phone) keys.push(`phone:${lead.phone}`);
  if (lead.email) keys.push(`email:${lead.email}`);
  return keys.sort();
}

/**
 * Serialises posts that share a tax id, phone or email — from any source, on any app instance —
 * so two posts of the same lead cannot both pass the duplicate check.
 */
export async function lockDuplicateKeys(tx: DbOrTx, lead: PreparedLead): Promise<void> {
  for (const key of duplicateKeys(lead)) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`conveyor:lead:${key}`}))`);
  }
}

/** A company anywhere in the base with the lead's tax id, one of its phones, or one of its emails (stored lower-cased, like the lead's). */
export async function findDuplicate(db: DbOrTx, lead: PreparedLead): Promise<DuplicateMatch | null> {
  const arms: SQL[] = [];
  if (lead.legalId) {
    arms.push(sql`(select c.id as company_id, 1 as rank, 'legal_id' as matched_by from companies c where c.legal_id collate "C" = ${lead.legalId} limit 1)`);
  }
  if (lead.phone) {
    arms.push(sql`(select p.company_id, 2 as rank, 'phone' as matched_by from contact_phones p where p.e164 collate "C" = ${lead.phone} limit 1)`);
  }
  if (lead.email) {
    arms.push(sql`(select ct.company_id, 3 as rank, 'email' as matched_by from contacts ct
                   where ct.emails @> array[${lead.email}]::text[] limit 1)`);
  }
  if (arms.length === 0) return null;
  const [row] = await selectRows<{ company_id: number; matched_by: DuplicateMatch["by"] }>(
    db,
    sql`select company_id, matched_by from (${sql.join(arms, sql` union all `)}) m order by rank limit 1`,
  );
  return row ? { companyId: row.company_id, by: row.matched_by } : null;
}
