import { LOCALES, currentLanguage } from "../i18n";

const UNITS = [
  [1024 ** 3, "gigabyte"],
  [1024 ** 2, "megabyte"],
  [1024, "kilobyte"],
] as const;

/** 1.4 MB, 820 kB, 312 byte — a file's size in the UI language's own units ("1,4 МБ"). */
export function formatBytes(bytes: number): string {
  const locale = LOCALES[currentLanguage()];
  const [size, unit] = UNITS.find(([size]) => bytes >= size) ?? [1, "byte"];
  // "312 B" rather than English's short "312 byte".
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: unit === "byte" && locale.startsWith("en") ? "narrow" : "short", maximumFractionDigits: 1 }).format(bytes / size);
}

/** 0.953 -> 95: a share as a whole percentage, never 100 before it is done. */
export const percent = (share: number) => (share >= 1 ? 100 : Math.min(99, Math.floor(share * 100)));

/** 12 345 — counts in the UI language's grouping. */
export const formatCount = (n: number) => new Intl.NumberFormat(LOCALES[currentLanguage()]).format(n);

/** 4 s, 2 min — how long a run took, in the UI language's units. */
export function formatDuration(seconds: number): string {
  const locale = LOCALES[currentLanguage()];
  const [value, unit] = seconds >= 120 ? [seconds / 60, "minute"] : [seconds, "second"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: seconds < 10 ? 1 : 0 }).format(value);
}
