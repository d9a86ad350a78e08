import type { Day } from "./workingTime.js";

/**
 * Distributing new leads to sales managers: weighted round robin by daily capacity. Each lead
 * goes to the available manager whose day is least full relative to their cap (ties to whoever
 * got a lead longest ago); nobody goes over their cap, absent managers are skipped, and when
 * everyone is full the lead waits in tomorrow's queue. A burst of hundreds spreads the same way.
 */
export interface ManagerSlot {
  id: number;
  dailyCap: number;
  /** Leads already assigned, per queue day. */
  assigned: Record<Day, number>;
  /** Days the manager is away. */
  absentDays: ReadonlySet<Day>;
  /** When the manager last got a lead (ms), for the round robin's tie-break. */
  lastAssignedAt: number;
}

export interface Assignment {
  managerId: number;
  day: Day;
}

export function planDistribution(
  managers: readonly ManagerSlot[],
  leadCount: number,
  firstDay: Day,
  nextDay: (day: Day) => Day,
  maxDaysAhead = 60,
): Assignment[] {
  const slots = managers
    .filter((m) => m.dailyCap > 0)
    .map((m) => ({ ...m, assigned: { ...m.assigned }, order: m.lastAssignedAt }));
  const plan: Assignment[] = [];
  let day = firstDay;
  let daysAhead = 0;
  let tick = Math.max(0, ...slots.map((s) => s.order)) + 1;
  while (plan.length < leadCount) {
    const open = slots.filter((s) => !s.absentDays.has(day) && (s.assigned[day] ?? 0) < s.dailyCap);
    if (open.length === 0) {
      if (++daysAhead > maxDaysAhead || slots.length === 0) break;
      day = nextDay(day);
      continue;
    }
    const load = (s: (typeof slots)[number]) => (s.assigned[day] ?? 0) / s.dailyCap;
    open.sort((a, b) => load(a) - load(b) || a.order - b.order || a.id - b.id);
    const chosen = open[0]!;
    chosen.assigned[day] = (chosen.assigned[day] ?? 0) + 1;
    chosen.order = tick++;
    plan.push({ managerId: chosen.id, day });
  }
  return plan;
}
