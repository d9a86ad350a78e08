import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { canHoldInTier, type Role, type Tier } from "../../domain/conveyor.js";
import { deadReason, salesPeriodFor, termOf, type DeadReason } from "../../domain/rotation.js";
import { dayOf } from "../../domain/workingTime.js";
import { appendActivities } from "../clients/timeline.js";
import { queueFactsForManualLead } from "../conversion/leadDistributor.js";
import { replaceHolding } from "../holdings/holdingWriter.js";
import { readSettings, type TeamSettings } from "../settings/teamSettings.js";
import { HolderPool } from "./nextHolder.js";
import { refreshSalesPeriods, type StoredSalesPeriods } from "./salesPeriods.js";

/**
 * The daily rotation sweep, in one transaction under its advisory lock (once a day across
 * instances), idempotent: a second run the same day changes nothing and writes nothing.
 *  1. Clients whose rest is over go to their next holder.
 *  2. The sales period is recomputed from the data.
 *  3. Open holdings that should have a term and have none get one.
 *  4. Holdings past their term without a sale, or without a touch for N days, go on the head's
 *     list; holdings that no longer qualify (a sale, an extension, a touch) leave it. Each change
 *     is one timeline entry; a holding that stays on the list writes nothing.
 */
export interface RotationSweepResult {
  /** Already run today (the day in the team's time zone): nothing was done. */
  skipped?: true;
  woken: number;
  salesPeriodDays: number;
  termsSet: number;
  listed: number;
  unlisted: number;
}

const CHUNK = 50_000;

const LAST_RUN_KEY = "rotation_last_run";

export async function runRotationSweep(db: DbOrTx, timeZone: string, now = new Date(), force = false): Promise<RotationSweepResult> {
  const settings = await readSettings(db, timeZone);
  // Once a day across instances: the advisory lock keeps two runs apart, the stored day keeps a
  // late instance (or a restart after the hour) from running the day's sweep twice.
  const today = dayOf(now, settings.workingHours);
  const [last] = await selectRows<{ day: string }>(db, sql`select value #>> '{}' as day from settings where key = ${LAST_RUN_KEY}`);
  if (last?.day === today && !force) return { skipped: true, woken: 0, salesPeriodDays: 0, termsSet: 0, listed: 0, unlisted: 0 };
  await db.execute(sql`insert into settings (key, value) values (${LAST_RUN_KEY}, to_jsonb(${today}::text))
                       on conflict (key) do update set value = excluded.value, updated_at = now()`);
  // The sweep's big statements each run once a day over hundreds of thousands of rows: PostgreSQL's
  // JIT compiled them for about a second each, more than it saved. For this transaction only.
  await db.execute(sql`set local jit = off`);
  const woken = await wakeRestedClients(db, settings, now);
  const periods = await refreshSalesPeriods(db, settings.rotation, now);
  const termsSet = await giveMissingTerms(db, settings, periods);
  const { listed, unlisted } = await updateDeadList(db, settings, now);
  return { woken, salesPeriodDays: periods.overall.days, termsSet, listed, unlisted };
}

/** Rest over: the client returns to its stage and goes to the holder picked (or the rule's pick now). */
export async function wakeRestedClients(db: DbOrTx, settings: TeamSettings, now: Date): Promise<number> {
  const today = dayOf(now, settings.workingHours);
  const due = await selectRows<{ id: number; company_id: number; tier: Tier; stage_before: string; next_holder_id: number | null; next_role: Role | null; next_active: boolean | null }>(
    db,
    sql`select r.id, r.company_id, r.tier, r.stage_before, r.next_holder_id, u.role as next_role, u.active as next_active
        from rests r left join users u on u.id = r.next_holder_id
        where r.ended_at is null and r.until_on <= ${today}::date
        order by r.until_on, r.id for update of r`,
  );
  const pool = new HolderPool(db, settings.rotation, now);
  for (const rest of due) {
    await db.execute(sql`update companies set stage = ${rest.stage_before}, updated_at = now() where id = ${rest.company_id}`);
    await db.execute(sql`update rests set ended_at = ${now.toISOString()}::timestamptz where id = ${rest.id}`);
    // The person picked when the rest began takes it if they still can; otherwise the rule picks now.
    const pickedOk = rest.next_active === true && rest.next_role !== null && canHoldInTier(rest.tier, rest.next_role);
    const holderId = pickedOk ? rest.next_holder_id : await pool.pick(rest.company_id, rest.tier, true);
    if (holderId !== null) {
      const queue = rest.tier === 2 ? queueFactsForManualLead(now, settings) : {};
      await replaceHolding(db, rest.company_id, null, { userId: holderId, tier: rest.tier, endReason: "reassigned", ...queue }, now);
    }
    const [holder] = holderId === null ? [] : await selectRows<{ full_name: string }>(db, sql`select full_name from users where id = ${holderId}`);
    await appendActivities(db, [
      { companyId: rest.company_id, actorId: null, kind: "rest_ended", occurredAt: now, data: { restId: rest.id, toUserId: holderId, toName: holder?.full_name ?? null, tier: rest.tier } },
    ]);
  }
  return due.length;
}

/** Open holdings in a tier with terms but without one (older holdings, or tier 1 terms just switched on). */
async function giveMissingTerms(db: DbOrTx, settings: TeamSettings, periods: StoredSalesPeriods): Promise<number> {
  const r = settings.rotation;
  const rows = await selectRows<{ id: number; tier: number; started_at: Date | string; industry: string | null; size: string | null; group_name: string | null }>(
    db,
    sql`select h.id, h.tier, h.started_at, c.industry, c.size, c.group_name
        from holdings h join companies c on c.id = h.company_id
        where h.ended_at is null and h.term_until is null and h.extended_until is null
          and (h.tier = 2 or (h.tier = 1 and ${r.termsInTier1}))`,
  );
  const terms = rows.map((row) => {
    const period = salesPeriodFor(periods, { industry: row.industry, size: row.size });
    const term = termOf(row.tier, new Date(row.started_at), period.days, Boolean(row.group_name), { termsInTier1: r.termsInTier1, groupMultiplier: r.groupTermMultiplier });
    return { id: row.id, term: term!.toISOString() };
  });
  for (let i = 0; i < terms.length; i += CHUNK) {
    await db.execute(sql`update holdings h set term_until = v.term from jsonb_to_recordset(${JSON.stringify(terms.slice(i, i + CHUNK))}::jsonb) as v(id int, term timestamptz) where h.id = v.id`);
  }
  return terms.length;
}

interface Candidate {
  id: number;
  tier: number;
  started_at: Date | string;
  term_until: Date | string | null;
  dead_reason: DeadReason | null;
  last_touch_at: Date | string | null;
  sold: boolean;
}

const at = (v: Date | string | null) => (v === null ? null : new Date(v));

/** Holdings whose dates are at least this far from the term and from the inactivity limit cannot change today by a rounding. */
const SURE_MARGIN = "1 minute";

async function updateDeadList(db: DbOrTx, settings: TeamSettings, now: Date): Promise<{ listed: number; unlisted: number }> {
  const inactiveDays = settings.rotation.inactiveDays;
  const nowIso = now.toISOString();
  const nowTs = sql`${nowIso}::timestamptz`;
  const margin = sql`interval '${sql.raw(SURE_MARGIN)}'`;
  // A superset of what the rule lists, narrowed by the database; `deadReason` decides. A running
  // extension keeps a holding off the list. The database also leaves out the holdings whose place
  // on the list is certain to stay as it is — the same rule, applied only where the dates are more
  // than a minute away from the term and from the inactivity limit — so a day without news reads
  // only what may change, not every listed holding again (keep these conditions in step with
  // `deadReason`). A sale only matters past the term, so the orders are looked up only for a term
  // that has passed or is about to; `offset 0` keeps the inner query whole, so that lookup runs
  // once per holding.
  const termPassed = sql`(k.term_until < ${nowTs} - ${margin} and not k.sold)`;
  const termNotPassed = sql`(k.term_until is null or k.term_until > ${nowTs} + ${margin} or k.sold)`;
  const limit = sql`${nowTs} - make_interval(secs => ${inactiveDays}::float8 * 86400)`;
  const since = sql`greatest(coalesce(k.last_touch_at, k.started_at), k.started_at)`;
  const idle = sql`(${inactiveDays}::float8 > 0 and ${since} < ${limit} - ${margin})`;
  const notIdle = sql`(${inactiveDays}::float8 <= 0 or ${since} > ${limit} + ${margin})`;
  const candidates = await selectRows<Candidate>(
    db,
    sql`select k.id, k.tier, k.started_at, k.term_until, k.dead_reason, k.last_touch_at, k.sold
        from (select h.id, h.tier, h.started_at, h.term_until, h.dead_reason, c.last_touch_at,
                     h.term_until is not null and h.term_until <= ${nowTs} + ${margin}
                       and exists (select 1 from orders o where o.company_id = h.company_id and o.ordered_at >= h.started_at) as sold
              from holdings h join companies c on c.id = h.company_id
              where h.ended_at is null and h.tier in (1, 2)
                and (h.dead_listed_at is not null
                     or ((h.extended_until is null or h.extended_until <= ${nowTs})
                         and ((h.term_until is not null and h.term_until < ${nowTs})
                              or (${inactiveDays} > 0 and greatest(coalesce(c.last_touch_at, h.started_at), h.started_at)
                                                          < ${nowTs} - make_interval(days => ${inactiveDays})))))
              offset 0) k
        where not coalesce(case when ${termPassed} then 'term_expired'
                                when ${termNotPassed} and ${idle} then 'inactive'
                                when ${termNotPassed} and ${notIdle} then '' end = coalesce(k.dead_reason, ''), false)`,
  );
  const changes: { id: number; reason: DeadReason | null; was: DeadReason | null }[] = [];
  let listed = 0;
  let unlisted = 0;
  for (const c of candidates) {
    const reason = deadReason(
      { tier: c.tier, startedAt: new Date(c.started_at), termUntil: at(c.term_until), lastActivityAt: at(c.last_touch_at), soldSinceStart: c.sold },
      now,
      inactiveDays,
    );
    if (reason === c.dead_reason) continue;
    changes.push({ id: c.id, reason, was: c.dead_reason });
    // One entry when a holding goes on the list or leaves it; a changed reason alone is not news.
    if (c.dead_reason === null) listed++;
    else if (reason === null) unlisted++;
  }
  // Set-based: each chunk updates the holdings and writes their timeline entries (the entries
  // appendActivities would write) in one statement.
  for (let i = 0; i < changes.length; i += CHUNK) {
    const chunk = JSON.stringify(changes.slice(i, i + CHUNK));
    await db.execute(sql`with v as (select * from jsonb_to_recordset(${chunk}::jsonb) as v(id int, reason text, was text)),
                              changed as (update holdings h set dead_reason = v.reason,
                                            dead_listed_at = case when v.reason is null then null else coalesce(h.dead_listed_at, ${nowTs}) end
                                          from v where h.id = v.id
                                          returning h.id, h.company_id, h.user_id, h.tier, v.reason, v.was)
                         insert into activities (company_id, actor_id, kind, occurred_at, text, data)
                         select ch.company_id, null, case when ch.reason is null then 'rotation_unlisted' else 'rotation_listed' end, ${nowTs}, null,
                                jsonb_build_object('holdingId', ch.id, 'holderId', ch.user_id, 'holderName', u.full_name, 'tier', ch.tier, 'reason', coalesce(ch.reason, ch.was))
                         from changed ch join users u on u.id = ch.user_id
                         where (ch.reason is null) <> (ch.was is null)`);
  }
  return { listed, unlisted };
}
