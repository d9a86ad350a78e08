import type { Language } from "../../server/errors.js";

/**
 * What a cell of an exported list holds, and how each kind is written: CSV is text read by a
 * spreadsheet with the exporter's regional settings; XLSX carries typed numbers and dates.
 * - text: a string, written as it is (CSV guards it against formula injection, see `safeText`)
 * - integer: a whole number (ids, counts)
 * - decimal: a fraction (a confidence, an interval in days)
 * - money: integer minor units (kopecks), written in major units with two decimals
 * - date: a day, "YYYY-MM-DD"
 * - datetime: a local wall-clock time in the team's time zone, "YYYY-MM-DD HH:MM"
 */
export type CellKind = "text" | "integer" | "decimal" | "money" | "date" | "datetime";
export type Cell = string | number | null;

/**
 * How the exporter's spreadsheet reads numbers and dates: Excel with Russian or Ukrainian
 * regional settings splits a CSV on `;` and reads "12,50" as a number ("12.50" would be text or
 * a date); with English settings, `,` and a decimal point. Dates stay ISO in CSV (read as dates
 * everywhere); XLSX date cells get the format people of that language write by hand.
 */
export interface SheetLocale {
  delimiter: ";" | ",";
  decimal: "," | ".";
  dateFormat: string;
  dateTimeFormat: string;
}

const LOCALES: Record<Language, SheetLocale> = {
  ru: { delimiter: ";", decimal: ",", dateFormat: "dd.mm.yyyy", dateTimeFormat: "dd.mm.yyyy hh:mm" },
  uk: { delimiter: ";", decimal: ",", dateFormat: "dd.mm.yyyy", dateTimeFormat: "dd.mm.yyyy hh:mm" },
  en: { delimiter: ",", decimal: ".", dateFormat: "yyyy-mm-dd", dateTimeFormat: "yyyy-mm-dd hh:mm" },
};

export const sheetLocale = (language: Language): SheetLocale => LOCALES[language];

/** Minor units as a plain decimal in major units (1234567 → "12345.67"), exact, no grouping. */
export function majorUnits(minor: number, decimal: "," | "." = "."): string {
  const whole = Math.round(minor);
  const sign = whole < 0 ? "-" : "";
  const abs = Math.abs(whole);
  return `${sign}${Math.floor(abs / 100)}${decimal}${String(abs % 100).padStart(2, "0")}`;
}

/**
 * A text cell that a spreadsheet will not run as a formula. A company name typed into a public
 * web form ("=HYPERLINK(…)", "@SUM(…)", "+cmd|…") would otherwise execute on the back office's
 * machine when the CSV is opened; such a value gets a leading apostrophe, which spreadsheets
 * show as plain text. Values of only digits and punctuation (a phone "+380 44 123 45 67", a
 * negative number) cannot call anything and are kept as they are.
 */
export function safeText(value: string): string {
  const first = value.charAt(0);
  if (first === "=" || first === "@" || first === "\t" || first === "\r") return `'${value}`;
  if ((first === "+" || first === "-") && !/^[+\-\d\s().,;/]*$/.test(value)) return `'${value}`;
  return value;
}

/** A cell as CSV text in the exporter's locale. */
export function csvCell(kind: CellKind, value: Cell, locale: SheetLocale): string {
  if (value === null) return "";
  switch (kind) {
    case "text":
      return safeText(String(value));
    case "money":
      return majorUnits(Number(value), locale.decimal);
    case "decimal":
      return String(value).replace(".", locale.decimal);
    default:
      return String(value);
  }
}

/**
 * A cell as an XLSX value: numbers as numbers (money in major units), days and local times as
 * dates. Excel dates have no time zone, so a local wall-clock time is written as the same
 * digits in UTC and shows exactly as the team reads it.
 */
export function xlsxCell(kind: CellKind, value: Cell): string | number | Date | null {
  if (value === null) return null;
  switch (kind) {
    case "money":
      return Number(value) / 100;
    case "integer":
    case "decimal":
      return Number(value);
    case "date":
      return new Date(`${value}T00:00:00Z`);
    case "datetime":
      return new Date(`${String(value).replace(" ", "T")}:00Z`);
    default:
      return String(value);
  }
}

/** The XLSX number format of a column of this kind; undefined keeps the default. */
export function xlsxFormat(kind: CellKind, locale: SheetLocale): string | undefined {
  if (kind === "money") return "#,##0.00";
  if (kind === "date") return locale.dateFormat;
  if (kind === "datetime") return locale.dateTimeFormat;
  return undefined;
}
