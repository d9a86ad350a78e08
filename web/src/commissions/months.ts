import { currentLanguage, LOCALES } from "../i18n";

/** Months as YYYY-MM, the way the API speaks them. */
export const isMonth = (value: string | null | undefined): value is string => typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** This month by the browser's clock (the server's answer wins once it is known). */
export function browserMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

/** "March 2026", "Березень 2026 р." on its own; "березень 2026 р." inside a sentence. */
export function monthLabel(month: string, standalone = true): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const label = new Intl.DateTimeFormat(LOCALES[currentLanguage()], { month: "long", year: "numeric" }).format(new Date(y, m - 1, 15));
  return standalone ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** The day a month's rule starts, for "since …": "1 March 2026", "1 березня 2026 р." (the month declines with a day). */
export function monthStartLabel(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(LOCALES[currentLanguage()], { day: "numeric", month: "long", year: "numeric" }).format(new Date(y, m - 1, 1, 12));
}

/** Months from `from` to `to` inclusive, latest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let month = to; month >= from; month = shiftMonth(month, -1)) out.push(month);
  return out;
}
