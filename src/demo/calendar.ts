import type { Random } from "./random.js";

/**
 * The team's working clock. Offices work 9:00-18:00 at UTC+3 (Kyiv in summer, Moscow all
 * year round): close enough for demo timestamps, which only need to look like office hours.
 */
export const MINUTE = 60_000;
export const DAY = 86_400_000;
const UTC_OFFSET = 3 * 3_600_000;
const OPENS = 9 * 3_600_000;
const CLOSES = 18 * 3_600_000;

const localDay = (t: number) => Math.floor((t + UTC_OFFSET) / DAY);
const localMidnight = (day: number) => day * DAY - UTC_OFFSET;
/** ISO weekday (1 = Monday … 7 = Sunday) of a local day number; day 0 was Thursday, 1 January 1970. */
const isoWeekday = (day: number) => ((day + 3) % 7) + 1;

/** A random moment in working hours, at or after `notBefore`, on a day the person works. */
export function workMoment(rng: Random, workDays: readonly number[], notBefore: number): number {
  for (let day = localDay(notBefore); ; day++) {
    if (!workDays.includes(isoWeekday(day))) continue;
    const opens = localMidnight(day) + OPENS;
    const closes = localMidnight(day) + CLOSES;
    const from = Math.max(opens, notBefore);
    // Later the same day, within a few hours; on a fresh day, any time in office hours.
    const to = from === opens ? closes : Math.min(closes, from + 4 * 3_600_000);
    if (from < to - 5 * MINUTE) return Math.round(rng.between(from, to) / 1000) * 1000;
  }
}

/**
 * A random moment `days` of the person's working days after `from` (a fraction of a day stays
 * on the same or next day): gaps counted in working days keep weekends from piling up on Mondays.
 */
export function workDaysLater(rng: Random, workDays: readonly number[], from: number, days: number): number {
  const whole = Math.floor(days);
  if (whole === 0) return workMoment(rng, workDays, from + days * DAY);
  let day = localDay(from);
  for (let counted = 0; counted < whole; ) if (workDays.includes(isoWeekday(++day))) counted++;
  return workMoment(rng, workDays, localMidnight(day));
}

/** Ten in the morning of the last working day (Mon-Fri) at or before `t`: when the head imports a base. */
export function morningOf(t: number): number {
  let day = localDay(t);
  while (isoWeekday(day) > 5) day--;
  return localMidnight(day) + 10 * 3_600_000;
}
