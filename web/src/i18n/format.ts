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

