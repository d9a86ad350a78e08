import type { Stage } from "./conveyor.js";
import { daysBetween } from "./deals.js";
import { dayOf, nextWorkingDay, startOfWork, type Day, type WorkingHours } from "./workingTime.js";

/**
 * The weekly contact system: every live company, in every tier, is touched about once a week.
 * Each live company carries a next touch date at most `cadenceDays` ahead (a setting, a week by
 * default); a touch logged on the timeline moves it. The head watches two numbers: the touches
 * that are overdue, per person and for the team, and coverage — the share of live companies
 * touched in the last seven days.
 */
export const DEFAULT_CADENCE_DAYS = 7;

/** Timeline kinds that count as a touch: the client heard from us. A note is not a touch. */
export const TOUCH_KINDS = ["call", "meeting", "email"] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export const isTouch = (kind: string): kind is TouchKind => (TOUCH_KINDS as readonly string[]).includes(kind);

/** What the cadence needs to know about a company. */
export interface CadenceCompany {
  id: number;
  stage: Stage;
  /** The user holding it now, or null when nobody does. */
  holderId: number | null;
  lastTouchAt: Date | null;
  nextTouchAt: Date | null;
}

/**
 * A company is live — on the weekly cadence — while somebody works it: a cold company only
 * while a caller holds it (an unheld cold company is just a row in the pool), a lead or a
 * customer always (an unheld one is the head's problem, and shows as such). Resting and
 * archived companies are off the cadence.
 */
export function isLive(company: Pick<CadenceCompany, "stage" | "holderId">): boolean {
  if (company.stage === "cold") return company.holderId !== null;
  return company.stage === "lead" || company.stage === "customer";
}

/**
 * When the next touch falls due after a touch at `lastTouchAt`: the start of the latest working
 * day at most `cadenceDays` calendar days after the touch's day (in the team's time zone), so a
 * Monday call is due again next Monday and a Saturday call on the Friday before. Only when no
 * working day lies within the cadence (a cadence shorter than a weekend) does it move past it,
 * to the first working day after the touch.
 */
export function nextTouchAfter(lastTouchAt: Date, cadenceDays: number, wh: WorkingHours): Date {
  if (!Number.isInteger(cadenceDays) || cadenceDays < 1) throw new RangeError("cadenceDays must be a whole number of days, at least 1");
  const touchDay = dayOf(lastTouchAt, wh);
  let best: Day | null = null;
  for (let day = nextWorkingDay(touchDay, wh); daysBetween(touchDay, day) <= cadenceDays; day = nextWorkingDay(day, wh)) best = day;
  return startOfWork(best ?? nextWorkingDay(touchDay, wh), wh);
}

export type TouchStatus = { status: "scheduled"; daysLeft: number } | { status: "due" } | { status: "overdue"; daysOverdue: number };

/**
 * Where a company's next touch stands today, counted in calendar days of the team's time zone:
 * scheduled for a later day, due today, or overdue since an earlier day. A live company without
 * a next touch date (never scheduled) is due today.
 */
export function touchStatus(nextTouchAt: Date | null, now: Date, wh: WorkingHours): TouchStatus {
  if (nextTouchAt === null) return { status: "due" };
  const days = daysBetween(dayOf(now, wh), dayOf(nextTouchAt, wh));
  if (days > 0) return { status: "scheduled", daysLeft: days };
  if (days === 0) return { status: "due" };
  return { status: "overdue", daysOverdue: -days };
}

export interface Coverage {
  /** Live companies. */
  live: number;
  /** Of them, touched within the window. */
  touched: number;
  /** touched / live, 0..1; 1 when there is nothing live (nobody left a company untouched). */
  share: number;
}

export interface HolderCoverage extends Coverage {
  /** null: live companies nobody holds. */
  holderId: number | null;
}

export interface CoverageReport {
  team: Coverage;
  /** One line per holder with live companies, by holder id, the unheld line last; the counts add up to the team's. */
  byHolder: HolderCoverage[];
}

const coverageOf = (live: number, touched: number): Coverage => ({ live, touched, share: live === 0 ? 1 : touched / live });

/**
 * Coverage: the share of live companies touched in the last `days` days — a touch at or after
 * `now` minus `days` × 24 h counts — for the team and for each holder.
 */
export function coverage(companies: readonly CadenceCompany[], now: Date, days = DEFAULT_CADENCE_DAYS): CoverageReport {
  const since = now.getTime() - days * 86_400_000;
  const counts = new Map<number | null, { live: number; touched: number }>();
  let live = 0;
  let touched = 0;
  for (const company of companies) {
    if (!isLive(company)) continue;
    const wasTouched = company.lastTouchAt !== null && company.lastTouchAt.getTime() >= since;
    const line = counts.get(company.holderId) ?? { live: 0, touched: 0 };
    line.live++;
    live++;
    if (wasTouched) {
      line.touched++;
      touched++;
    }
    counts.set(company.holderId, line);
  }
  const byHolder = [...counts.entries()]
    .map(([holderId, c]) => ({ holderId, ...coverageOf(c.live, c.touched) }))
    .sort((a, b) => (a.holderId ?? Infinity) - (b.holderId ?? Infinity));
  return { team: coverageOf(live, touched), byHolder };
}

export interface OverdueTouch {
  companyId: number;
  holderId: number | null;
  nextTouchAt: Date;
  daysOverdue: number;
}

/** Live companies whose touch is overdue, most overdue first (then the earliest due, then by id). */
export function overdueTouches(companies: readonly CadenceCompany[], now: Date, wh: WorkingHours): OverdueTouch[] {
  const overdue: OverdueTouch[] = [];
  for (const company of companies) {
    if (!isLive(company) || company.nextTouchAt === null) continue;
    const status = touchStatus(company.nextTouchAt, now, wh);
    if (status.status !== "overdue") continue;
    overdue.push({ companyId: company.id, holderId: company.holderId, nextTouchAt: company.nextTouchAt, daysOverdue: status.daysOverdue });
  }
  return overdue.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || a.nextTouchAt.getTime() - b.nextTouchAt.getTime() || a.companyId - b.companyId,
  );
}
