import type { Day } from "./workingTime.js";

/** A calendar month, YYYY-MM. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string): boolean => MONTH.test(value);

/** The month a calendar day (YYYY-MM-DD) falls in. */
export const monthOfDay = (day: Day): Month => day.slice(0, 7);

/** The first day of a month (as stored in `commission_rules.effective_from`). */
export const firstDayOf = (month: Month): Day => `${month}-01`;

/** The month after. */
export function nextMonth(month: Month): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, "0")}-01` : `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}`;
}

/** The month before. */
export function previousMonth(month: Month): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${String(y - 1).padStart(4, "0")}-12` : `${String(y).padStart(4, "0")}-${String(m - 1).padStart(2, "0")}`;
}
