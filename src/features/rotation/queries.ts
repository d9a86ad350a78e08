import { sql } from "drizzle-orm";
import { isoOrNull, selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import type { Tier } from "../../domain/conveyor.js";
import { daysBetween } from "../../domain/deals.js";
import { lostThenSold, type DeadReason } from "../../domain/rotation.js";
import { dayOf, type WorkingHours } from "../../domain/workingTime.js";
import type { RotationSettings } from "../settings/teamSettings.js";
import { HolderPool } from "./nextHolder.js";

const iso = (v: Date | string) => isoOrNull(v)!;

/** The head's list of dead clients, longest listed first, each with who would take it by the rule. */
export async function deadList(db: DbOrTx, rotation: RotationSettings, wh: WorkingHours, page: { limit: number; offset: number; holderId?: number }, now = new Date()) {
  const where = sql`h.ended_at is null and h.dead_listed_at is not null ${page.holderId === undefined ? sql`` : sql`and h.user_id = ${page.holderId}`}`;
  const [count] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from holdings h where ${where}`);
  const rows = await selectRows<{
    id: number;
    company_id: number;
    legal_name: string;
    industry: string | null;
    size: string | null;
    group_name: string | null;
    stage: string;
    user_id: number;
    full_name: string;
    role: string;
    tier: Tier;
    started_at: Date | string;
    term_until: Date | string | null;
    dead_reason: DeadReason;
    dead_listed_at: Date | string;
    last_touch_at: Date | string | null;
  }>(
    db,
    // The page is cut from the holdings alone, then joined: the list may hold hundreds of thousands.
    sql`select h.id, h.company_id, c.legal_name, c.industry, c.size, c.group_name, c.stage, h.user_id, u.full_name, u.role, h.tier,
               h.started_at, h.term_until, h.dead_reason, h.dead_listed_at, c.last_touch_at
        from (select h.* from holdings h where ${where} order by h.dead_listed_at, h.id limit ${page.limit} offset ${page.offset}) h
        join companies c on c.id = h.company_id join users u on u.id = h.user_id
        order by h.dead_listed_at, h.id`,
  );
  const today = dayOf(now, wh);
  const items = [];
  // Suggestions spread like a batch decision would: each one counts towards the person's load.
  const pool = new HolderPool(db, rotation, now);
  for (const r of rows) {
    const suggestedId = await pool.pick(r.company_id, r.tier, true);
    const [suggested] = suggestedId === null ? [] : await selectRows<{ id: number; full_name: string }>(db, sql`select id, full_name from users where id = ${suggestedId}`);
    items.push({
      holdingId: r.id,
      company: { id: r.company_id, legalName: r.legal_name, industry: r.industry, size: r.size, groupName: r.group_name, stage: r.stage },
      holder: { id: r.user_id, fullName: r.full_name, role: r.role },
      tier: r.tier,
      startedAt: iso(r.started_at),
      termUntil: isoOrNull(r.term_until),
      reason: r.dead_reason,
      listedAt: iso(r.dead_listed_at),
      lastTouchAt: isoOrNull(r.last_touch_at),
      daysHeld: daysBetween(dayOf(new Date(r.started_at), wh), today),
      suggested: suggested ? { id: suggested.id, fullName: suggested.full_name } : null,
    });
  }
  return { total: count?.n ?? 0, items };
}

/** Clients resting now, soonest back first. */
export async function restingClients(db: DbOrTx) {
  const rows = await selectRows<{
    id: number;
    company_id: number;
    legal_name: string;
    from_user_id: number;
    from_name: string;
    tier: number;
    started_at: Date | string;
    until_on: string;
    next_holder_id: number | null;
    next_name: string | null;
  }>(
    db,
    sql`select r.id, r.company_id, c.legal_name, r.from_user_id, f.full_name as from_name, r.tier, r.started_at, r.until_on::text as until_on,
               r.next_holder_id, n.full_name as next_name
        from rests r join companies c on c.id = r.company_id join users f on f.id = r.from_user_id left join users n on n.id = r.next_holder_id
        where r.ended_at is null order by r.until_on, r.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    company: { id: r.company_id, legalName: r.legal_name },
    from: { id: r.from_user_id, fullName: r.from_name },
    tier: r.tier,
    startedAt: iso(r.started_at),
    untilOn: r.until_on,
    nextHolder: r.next_holder_id === null ? null : { id: r.next_holder_id, fullName: r.next_name ?? "" },
  }));
}

/**
 * The quality signal: per salesperson, the clients the head took away from them (transferred,
 * rested, archived) and how many of those somebody else later sold to — the same card or the
 * same legal entity — within the window.
 */
export async function qualitySignal(db: DbOrTx, rotation: RotationSettings) {
  const lost = await selectRows<{ user_id: number; company_id: number; legal_id: string | null; ended_at: Date | string; end_reason: string }>(
    db,
    sql`select h.user_id, h.company_id, c.legal_id, h.ended_at, h.end_reason
        from holdings h join companies c on c.id = h.company_id
        where h.end_reason in ('transferred', 'rotated', 'archived')`,
  );
  const sales = await selectRows<{ company_id: number; legal_id: string | null; ended_at: Date | string; user_id: number }>(
    db,
    sql`select h.company_id, c.legal_id, h.ended_at, h.user_id
        from holdings h join companies c on c.id = h.company_id
        where h.tier = 2 and h.end_reason = 'sold'`,
  );
  const lines = lostThenSold(
    lost.map((l) => ({ holderId: l.user_id, companyId: l.company_id, legalId: l.legal_id, lostAt: new Date(l.ended_at), how: l.end_reason === "archived" ? ("archived" as const) : ("rotated" as const) })),
    sales.map((s) => ({ companyId: s.company_id, legalId: s.legal_id, soldAt: new Date(s.ended_at), sellerId: s.user_id })),
    rotation.qualityWindowDays,
  );
  const ids = [...new Set(lines.flatMap((l) => [l.holderId, ...l.cases.map((c) => c.sellerId)]))];
  const names = new Map(
    (ids.length ? await selectRows<{ id: number; full_name: string }>(db, sql`select id, full_name from users where id in (${sqlList(ids)})`) : []).map((u) => [u.id, u.full_name]),
  );
  const companyIds = [...new Set(lines.flatMap((l) => l.cases.map((c) => c.companyId)))];
  const companyNames = new Map(
    (companyIds.length ? await selectRows<{ id: number; legal_name: string }>(db, sql`select id, legal_name from companies where id in (${sqlList(companyIds)})`) : []).map((c) => [c.id, c.legal_name]),
  );
  return lines.map((l) => ({
    holder: { id: l.holderId, fullName: names.get(l.holderId) ?? "" },
    lost: l.lost,
    soldLater: l.soldLater,
    cases: l.cases.map((c) => ({
      company: { id: c.companyId, legalName: companyNames.get(c.companyId) ?? "" },
      how: c.how,
      lostAt: c.lostAt.toISOString(),
      soldAt: c.soldAt.toISOString(),
      seller: { id: c.sellerId, fullName: names.get(c.sellerId) ?? "" },
    })),
  }));
}
