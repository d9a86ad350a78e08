import { currentLanguage, LOCALES } from "../i18n";
import { formatMoney } from "../i18n/format";
import type { Money } from "./types";

/** 0.428 -> "43%"; nothing to divide by -> "—". */
export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** Days to one decimal in the UI language; none -> "—". */
export const days = (value: number | null) => (value === null ? "—" : new Intl.NumberFormat(LOCALES[currentLanguage()], { maximumFractionDigits: 1 }).format(value));

/** Sums in several currencies, one after another; none -> "—". */
export const moneyList = (sums: Money[]) => (sums.length === 0 ? "—" : sums.map((s) => formatMoney(s.amountMinor, s.currency)).join(" · "));

/** "2026-03" as a short month in the UI language: "Mar 2026". */
export const monthLabel = (month: string) =>
  new Intl.DateTimeFormat(LOCALES[currentLanguage()], { month: "short", year: "numeric" }).format(new Date(`${month}-15T12:00:00`));

/** The colour of a broken share of promises: a few broken is normal, a third is a problem. */
export const brokenColor = (share: number | null) => (share === null ? "gray" : share >= 0.3 ? "red" : share >= 0.1 ? "yellow" : "teal");
