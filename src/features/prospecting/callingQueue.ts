import { sql } from "drizzle-orm";
import { selectRows, type Db, type DbOrTx } from "../../db/connect.js";
import { mayWorkCallLists, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { findCompany, listContacts, readTimeline } from "../clients/queries.js";
import type { ActivityDto, CompanyDto, ContactDto } from "../clients/schemas.js";
import { findScript, type ScriptDto } from "./queries.js";

/** How long a company stays in front of one caller before others may get it again. */
export const CLAIM_MINUTES = 20;
const RECENT_ENTRIES = 8;

export interface CallingItem {
  company: CompanyDto;
  contacts: ContactDto[];
  recent: ActivityDto[];
  callList: { id: number; name: string };
  script: ScriptDto | null;
  unansweredCalls: number;
  claimExpiresAt: string;
}

interface ClaimRow {
  company_id: number;
  call_list_id: number;
  expires_at: Date;
}

async function itemFor(db: DbOrTx, claim: ClaimRow): Promise<CallingItem> {
  const [list] = await selectRows<{ name: string; script_id: number | null; unanswered_calls: number | null }>(
    db,
    sql`select l.name, l.script_id, e.unanswered_calls from call_lists l
        left join call_list_entries e on e.call_list_id = l.id and e.company_id = ${claim.company_id}
        where l.id = ${claim.call_list_id}`,
  );
  const [company, contacts, recent, script] = [
    await findCompany(db, claim.company_id),
    await listContacts(db, claim.company_id),
    await readTimeline(db, claim.company_id, RECENT_ENTRIES),
    list?.script_id ? await findScript(db, list.script_id) : undefined,
  ];
  return {
    company: company!,
    contacts,
    recent: recent.items,
    callList: { id: claim.call_list_id, name: list?.name ?? "" },
    script: script ?? null,
    unansweredCalls: list?.unanswered_calls ?? 0,
    claimExpiresAt: new Date(claim.expires_at).toISOString(),
  };
}

async function liveClaimOf(db: DbOrTx, userId: number): Promise<ClaimRow | undefined> {
  const [row] = await selectRows<ClaimRow>(
    db,
    sql`select company_id, call_list_id, expires_at from call_claims where user_id = ${userId} and expires_at > now() limit 1`,
  );
  return row;
}

/** The company in front of the caller now, if any. */
export async function currentCall(db: Db, actor: Actor): Promise<CallingItem | null> {
  if (!mayWorkCallLists(actor)) throw appError("forbidden");
  const claim = await liveClaimOf(db, actor.id);
  return claim ? itemFor(db, claim) : null;
}

/**
 * Gives the caller the next company due on their lists. One company per caller, one caller per
 * company: the claim's primary key is the company, so two callers racing for it cannot both
 * win; the loser simply gets the next one.
 */
export async function takeNextCall(db: DbOrTx, actor: Actor, callListId?: number): Promise<CallingItem | null> {
  if (!mayWorkCallLists(actor)) throw appError("forbidden");
  const run = async (tx: DbOrTx) => {
    const existing = await liveClaimOf(tx, actor.id);
    if (existing) return itemFor(tx, existing);
    if (callListId) {
      const [assigned] = await selectRows<{ ok: number }>(
        tx,
        sql`select 1 as ok from call_list_callers x join call_lists l on l.id = x.call_list_id
            where x.call_list_id = ${callListId} and x.user_id = ${actor.id} and l.active`,
      );
      if (!assigned) throw appError("forbidden");
    }
    await tx.execute(sql`delete from call_claims where user_id = ${actor.id}`);
    const myLists = callListId
      ? sql`(select ${callListId}::int as id)`
      : sql`(select x.call_list_id as id from call_list_callers x join call_lists l on l.id = x.call_list_id where x.user_id = ${actor.id} and l.active)`;
    for (let attempt = 0; attempt < 5; attempt++) {
      // Per list, walk the due index in order and stop at the first free company (a lateral
      // top-1); then keep the earliest across the caller's lists. Reading a whole list of
      // 100,000 entries to return one is what this shape avoids.
      const [claimed] = await selectRows<ClaimRow>(
        tx,
        sql`with candidate as (
              select f.company_id, f.call_list_id from ${myLists} l
              cross join lateral (
                select e.id, e.company_id, e.call_list_id, e.due_at from call_list_entries e
                where e.call_list_id = l.id and e.status = 'ready' and e.due_at <= now()
                  and not exists (select 1 from call_claims k where k.company_id = e.company_id and k.expires_at > now())
                  and not exists (select 1 from holdings h where h.company_id = e.company_id and h.ended_at is null)
                  and exists (select 1 from companies c where c.id = e.company_id and c.stage = 'cold' and not c.do_not_call)
                order by e.due_at, e.id
                limit 1
                for update of e skip locked
              ) f
              order by f.due_at, f.id
              limit 1
            )
            insert into call_claims (company_id, user_id, call_list_id, expires_at)
            select company_id, ${actor.id}, call_list_id, now() + make_interval(mins => ${CLAIM_MINUTES}) from candidate
            on conflict (company_id) do update
              set user_id = excluded.user_id, call_list_id = excluded.call_list_id, claimed_at = now(), expires_at = excluded.expires_at
              where call_claims.expires_at <= now()
            returning company_id, call_list_id, expires_at`,
      );
      if (claimed) return itemFor(tx, claimed);
      const [anyDue] = await selectRows<{ ok: number }>(
        tx,
        sql`select 1 as ok from ${myLists} l cross join lateral (
              select 1 from call_list_entries e where e.call_list_id = l.id and e.status = 'ready' and e.due_at <= now()
                and not exists (select 1 from call_claims k where k.company_id = e.company_id and k.expires_at > now())
              limit 1) f limit 1`,
      );
      if (!anyDue) return null;
    }
    return null;
  };
  // Inside a caller's transaction this nests as a savepoint.
  return (db as Db).transaction(run);
}

/** Puts the company back on its list untouched (the caller stepped away). */
export async function releaseCall(db: Db, actor: Actor, companyId: number): Promise<void> {
  if (!mayWorkCallLists(actor)) throw appError("forbidden");
  await db.execute(sql`delete from call_claims where company_id = ${companyId} and user_id = ${actor.id}`);
}
