import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

/**
 * The team's working week in its own time zone: deadlines like "first contact within one
 * business hour" count only working minutes, and "the day's queue" starts when work starts.
 */
export interface WorkingHours {
  timeZone: string;
  /** Hour the working day starts and ends, local time (e.g. 9 and 18). */
  startHour: number;
  endHour: number;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workDays: readonly number[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { timeZone: "Europe/Kyiv", startHour: 9, endHour: 18, workDays: [1, 2, 3, 4, 5] };

/** A calendar day as YYYY-MM-DD. */
export type Day = string;

const isoWeekday = (d: TZDate) => ((d.getDay() + 6) % 7) + 1;

/** The local calendar day of an instant. */
export function dayOf(instant: Date, wh: WorkingHours): Day {
  return format(new TZDate(instant.getTime(), wh.timeZone), "yyyy-MM-dd");
}

function localMidnight(day: Day, wh: WorkingHours): TZDate {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 0, 0, 0, wh.timeZone);
}

export const isWorkingDay = (day: Day, wh: WorkingHours): boolean => wh.workDays.includes(isoWeekday(localMidnight(day, wh)));

/** The first working day after `day`. */
export function nextWorkingDay(day: Day, wh: WorkingHours): Day {
  let d = localMidnight(day, wh);
  for (let i = 0; i < 14; i++) {
    d = addDays(d, 1);
    if (wh.workDays.includes(isoWeekday(d))) return format(d, "yyyy-MM-dd");
  }
  throw new RangeError("no working days in the week");
}

/** `day` itself when it is a working day, else the next one. */
export const workingDayFrom = (day: Day, wh: WorkingHours): Day => (isWorkingDay(day, wh) ? day : nextWorkingDay(day, wh));

/** The instant a calendar day starts (local midnight). */
export function startOfDay(day: Day, wh: WorkingHours): Date {
  return new Date(localMidnight(day, wh).getTime());
}

/** The instant a working day starts (e.g. 09:00 local). */
export function startOfWork(day: Day, wh: WorkingHours): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, wh.startHour, 0, 0, wh.timeZone).getTime());
}

export function endOfWork(day: Day, wh: WorkingHours): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, wh.endHour, 0, 0, wh.timeZone).getTime());
}

/**
 * Adds working minutes to an instant: time outside working hours does not count, so a lead
 * arriving on Friday evening with a one-hour deadline is due at 10:00 on Monday.
 */
export function addWorkingMinutes(from: Date, minutes: number, wh: WorkingHours): Date {
  let remaining = minutes;
  let day = dayOf(from, wh);
  let cursor = from;
  for (let guard = 0; guard < 3660; guard++) {
    if (!isWorkingDay(day, wh) || cursor.getTime() >= endOfWork(day, wh).getTime()) {
      day = nextWorkingDay(day, wh);
      cursor = startOfWork(day, wh);
      continue;
    }
    const start = startOfWork(day, wh);
    if (cursor.getTime() < start.getTime()) cursor = start;
    const available = (endOfWork(day, wh).getTime() - cursor.getTime()) / 60_000;
    if (remaining <= available) return new Date(cursor.getTime() + remaining * 60_000);
    remaining -= available;
    day = nextWorkingDay(day, wh);
    cursor = startOfWork(day, wh);
  }
  throw new RangeError("deadline too far ahead");
}
