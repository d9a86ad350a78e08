import { sql, type SQL } from "drizzle-orm";
import { sqlList, type DbOrTx } from "../../db/connect.js";
import type { CallListCriteria } from "../../domain/callLists.js";

/**
 * Which companies a call list may hold: the criteria, plus the rules no criteria can override —
 * cold stage only (not resting, archived or further down the conveyor), not do-not-call, and
 * held by nobody.
 */
export function eligibleCompanySql(criteria: CallListCriteria): SQL {
  const parts: SQL[] = [
    sql`c.stage = 'cold'`,
    sql`not c.do_not_call`,
    sql`not exists (select 1 from holdings h where h.company_id = c.id and h.ended_at is null)`,
  ];
  const anyOf = (column: SQL, values: readonly (string | number)[] | undefined) => {
    if (values?.length) parts.push(sql`${column} in (${sqlList(values)})`);
  };
  anyOf(sql`c.industry`, criteria.industries);
  anyOf(sql`c.size`, criteria.sizes);
  anyOf(sql`c.region`, criteria.regions);
  anyOf(sql`c.source_id`, criteria.sourceIds);
  anyOf(sql`c.group_name`, criteria.groups);
  if (criteria.notTouchedForDays) {
    parts.push(sql`(c.last_touch_at is null or c.last_touch_at < now() - make_interval(days => ${criteria.notTouchedForDays}))`);
  }
  return sql.join(parts, sql` and `);
}

/** A company handed over, assigned or marked do-not-call leaves every call list at once. */
export async function removeFromCallLists(db: DbOrTx, companyId: number): Promise<void> {
  await db.execute(sql`delete from call_claims where company_id = ${companyId}`);
  await db.execute(sql`delete from call_list_entries where company_id = ${companyId}`);
}

/**
 * Brings a list up to date with the base: adds companies that now match, removes waiting ones
 * that no longer do. Dropped entries stay, so a "no" is not called again.
 */
export async function refreshCallList(db: DbOrTx, callListId: number, criteria: CallListCriteria): Promise<void> {
  const eligible = eligibleCompanySql(criteria);
  await db.execute(sql`
    delete from call_list_entries e
    where e.call_list_id = ${callListId} and e.status = 'ready'
      and not exists (select 1 from companies c where c.id = e.company_id and ${eligible})`);
  await db.execute(sql`
    insert into call_list_entries (call_list_id, company_id)
    select ${callListId}, c.id from companies c where ${eligible}
    on conflict (call_list_id, company_id) do nothing`);
  await db.execute(sql`update call_lists set refreshed_at = now() where id = ${callListId}`);
}
