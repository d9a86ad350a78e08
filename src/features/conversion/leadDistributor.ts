import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { planDistribution, type ManagerSlot } from "../../domain/distribution.js";
import { addWorkingMinutes, dayOf, nextWorkingDay, startOfWork, workingDayFrom, type Day } from "../../domain/workingTime.js";
import { appError } from "../../server/errors.js";
import type { TeamSettings } from "../settings/teamSettings.js";

export interface LeadPlacement {
  managerId: number;
  fullName: string;
  queueDay: Day;
  firstContactDueAt: Date;
}

/** Each active manager's cap, load per queue day from today on, absences and last assignment. */
async function managerSlots(db: DbOrTx, today: Day, settings: TeamSettings): Promise<(ManagerSlot & { fullName: string })[]> {
  const managers = await selectRows<{ id: number; full_name: string; cap: number | null; last_at: Date | null }>(
    db,
    sql`select u.id, u.full_name, u.daily_lead_cap as cap,
               (select max(h.started_at) from holdings h where h.user_id = u.id and h.tier = 2) as last_at
        from users u where u.role = 'manager' and u.active order by u.id`,
  );
  const loads = await selectRows<{ user_id: number; day: string; n: number }>(
    db,
    sql`select user_id, to_char(queue_day, 'YYYY-MM-DD') as day, count(*)::int as n from holdings
        where tier = 2 and queue_day >= ${today}::date group by 1, 2`,
  );
  const absences = await selectRows<{ user_id: number; day: string }>(
    db,
    sql`select a.user_id, to_char(d, 'YYYY-MM-DD') as day
        from absences a, generate_series(greatest(a.starts_on, ${today}::date), a.ends_on, interval '1 day') d
        where a.ends_on >= ${today}::date`,
  );
  return managers.map((m) => ({
    id: m.id,
    fullName: m.full_name,
    dailyCap: m.cap ?? settings.defaultDailyLeadCap,
    assigned: Object.fromEntries(loads.filter((l) => l.user_id === m.id).map((l) => [l.day, l.n])),
    absentDays: new Set(absences.filter((a) => a.user_id === m.id).map((a) => a.day)),
    lastAssignedAt: m.last_at ? new Date(m.last_at).getTime() : 0,
  }));
}

/**
 * Where the next `count` new leads go: the distribution rule over today's (or the next working
 * day's) queues, with each lead's first-contact deadline in business time. Escalated leads
 * (a prospect's hard question) go to an available manager today, cap or not.
 */
export async function placeLeads(db: DbOrTx, count: number, now: Date, settings: TeamSettings, escalated = false): Promise<LeadPlacement[]> {
  const wh = settings.workingHours;
  const today = workingDayFrom(dayOf(now, wh), wh);
  const slots = await managerSlots(db, today, settings);
  if (slots.length === 0) throw appError("no_manager_available");
  const plan = escalated
    ? planDistribution(slots.map((s) => ({ ...s, dailyCap: Number.MAX_SAFE_INTEGER })), count, today, (d) => nextWorkingDay(d, wh))
    : planDistribution(slots, count, today, (d) => nextWorkingDay(d, wh));
  if (plan.length < count) throw appError("no_manager_available");
  return plan.map((a) => {
    const dayStart = startOfWork(a.day, wh);
    const from = dayStart.getTime() > now.getTime() ? dayStart : now;
    return {
      managerId: a.managerId,
      fullName: slots.find((s) => s.id === a.managerId)!.fullName,
      queueDay: a.day,
      firstContactDueAt: addWorkingMinutes(from, settings.firstContactMinutes, wh),
    };
  });
}

/**
 * Queue facts for a lead given to a chosen manager by hand (the head's hand-off or
 * reassignment): today's queue (or the next working day's), and the same business-time
 * first-contact deadline as a distributed lead.
 */
export function queueFactsForManualLead(now: Date, settings: TeamSettings): { queueDay: Day; firstContactDueAt: Date } {
  const wh = settings.workingHours;
  const queueDay = workingDayFrom(dayOf(now, wh), wh);
  const dayStart = startOfWork(queueDay, wh);
  const from = dayStart.getTime() > now.getTime() ? dayStart : now;
  return { queueDay, firstContactDueAt: addWorkingMinutes(from, settings.firstContactMinutes, wh) };
}
