import { currentLanguage, LOCALES } from "./index";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = LOCALES[currentLanguage()];
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** 12 Mar 2025 */
export const formatDate = (iso: string | null | undefined) =>
  iso ? formatter({ day: "numeric", month: "short", year: "numeric" }).format(new Date(iso)) : "";

/** 12 Mar 2025, 14:05 */
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? formatter({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso)) : "";

/** Today: 14:05; this year: 12 Mar; older: 12.03.2024 — compact for dense tables. */
export function formatShort(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const now = new Date();
  if (date.toDateString() === now.toDateString()) return formatter({ hour: "2-digit", minute: "2-digit" }).format(date);
  if (date.getFullYear() === now.getFullYear()) return formatter({ day: "numeric", month: "short" }).format(date);
  return formatter({ day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
}


const money = new Map<string, Intl.NumberFormat>();

/** 12 500,00 ₴ — money kept in minor units (kopecks), shown in major units per the UI language. */
export function formatMoney(minor: number | null | undefined, currency: string | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  const locale = LOCALES[currentLanguage()];
  const code = currency || "UAH";
  const key = `${locale}|${code}`;
  let f = money.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { style: "currency", currency: code, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    money.set(key, f);
  }
  return f.format(minor / 100);
}

/** Major units typed by a person (12500.5) -> minor units (1250050). */
export const toMinor = (major: number | string | null | undefined): number | null => {
  const value = typeof major === "string" ? Number(major.replace(/\s/g, "").replace(",", ".")) : major;
  return value === null || value === undefined || !Number.isFinite(value) || value < 0 ? null : Math.round(value * 100);
};

/** A calendar day (YYYY-MM-DD) as a date in the UI language: 12 Mar 2025. */
export const formatDay = (day: string | null | undefined) => (day ? formatDate(`${day}T12:00:00`) : "");
