import type { CountryCode } from "libphonenumber-js/max";
import type { CompanySize } from "../conveyor.js";
import { isEmail } from "../emails.js";
import { checkLegalId, type LegalIdKind } from "../legalIds.js";
import { normalisePhone } from "../phones.js";

/**
 * One cell of an imported file read as what the base stores. Spreadsheets bend values in known
 * ways — Excel drops the leading zeros of a tax id kept as a number, turns dates into serial
 * numbers, writes "1 234,56" in Ukraine and "1,234.56" elsewhere — and each reader undoes them.
 */

/** What people put in a cell to say "nothing here". */
const PLACEHOLDERS = new Set(["-", "—", "–", "--", "n/a", "na", "н/д", "нд", "нет", "немає", "null", "none", "#н/д", "#n/a"]);

/** A cell's text, trimmed, inner whitespace collapsed, placeholders as empty. */
export function cellText(raw: string | undefined): string {
  const text = (raw ?? "").replace(/[\s\u00a0\u2007\u202f]+/g, " ").trim();
  return PLACEHOLDERS.has(text.toLowerCase()) ? "" : text;
}

export type LegalIdRead = { ok: true; value: string; kind: LegalIdKind } | { ok: false };

/** Lengths a tax id has once Excel dropped its leading zeros, and the length to pad it back to. */
const PAD_TO: Record<number, number> = { 5: 8, 6: 8, 7: 8, 9: 10, 11: 12 };

/**
 * A tax id: EDRPOU (8 digits), INN (10 or 12) or RNOKPP (10), checksums verified. Ten digits are
 * an RNOKPP first in Ukraine and an INN first elsewhere, when both checksums hold. "ИНН/КПП"
 * cells keep the INN; ids that lost their leading zeros are padded back when the checksum agrees.
 */
export function readLegalId(raw: string, country: CountryCode): LegalIdRead {
  const cleaned = raw.replace(/[\s\-.]/g, "");
  const digits = /^(\d+)[/\\]\d+$/.exec(cleaned)?.[1] ?? cleaned;
  if (!/^\d+$/.test(digits)) return { ok: false };
  const padded = PAD_TO[digits.length] ? digits.padStart(PAD_TO[digits.length]!, "0") : digits;
  const kinds: LegalIdKind[] =
    padded.length === 8 ? ["edrpou"] : padded.length === 12 ? ["inn"] : padded.length === 10 ? (country === "UA" ? ["rnokpp", "inn"] : ["inn", "rnokpp"]) : [];
  for (const kind of kinds) {
    const check = checkLegalId(padded, kind);
    if (check.ok) return { ok: true, value: check.value, kind: check.kind };
  }
  return { ok: false };
}

/** Several phones in one cell: "067 123 45 67, 044 234-56-78" or one per line. */
export const splitPhones = (cell: string): string[] => cell.split(/[,;\n/]+/).map((p) => p.trim()).filter(Boolean);

/**
 * A phone in E.164. A number written without its "+" but with its country code (a Russian
 * 7 916… in a Ukrainian file, or a number kept as a spreadsheet number) is tried with the "+".
 */
export function readPhone(raw: string, country: CountryCode): string | null {
  const check = normalisePhone(raw, country);
  if (check.ok) return check.e164;
  const digits = raw.replace(/[\s\-().]/g, "");
  if (/^\d{11,15}$/.test(digits)) {
    const international = normalisePhone(`+${digits}`, country);
    if (international.ok) return international.e164;
  }
  return null;
}

export const splitEmails = (cell: string): string[] => cell.split(/[,;\s]+/).map((e) => e.trim()).filter(Boolean);

/** An email in lower case (the base compares them so), or null when it is not one. */
export function readEmail(raw: string): string | null {
  const email = raw.trim().replace(/^mailto:/i, "").toLowerCase();
  return isEmail(email) ? email : null;
}

/** Company size words in ru / uk / en, by their stems. */
const SIZE_STEMS: readonly [string, CompanySize][] = [
  ["micro", "micro"], ["микро", "micro"], ["мікро", "micro"],
  ["small", "small"], ["мал", "small"],
  ["medium", "medium"], ["mid", "medium"], ["сред", "medium"], ["серед", "medium"],
  ["large", "large"], ["big", "large"], ["enterprise", "large"], ["круп", "large"], ["больш", "large"], ["велик", "large"],
];

export function readSize(raw: string): CompanySize | null {
  const text = raw.toLowerCase();
  return SIZE_STEMS.find(([stem]) => text.startsWith(stem))?.[1] ?? null;
}

const isCalendarDay = (y: number, m: number, d: number) => {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** Excel's day 1 is 1900-01-01 and, keeping a Lotus bug, it counts a 29 February 1900 (day 60) that never was. */
export function excelSerialDay(serial: number): string | null {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 73050 || whole === 60) return null;
  const epoch = Date.UTC(1899, 11, whole > 60 ? 30 : 31);
  return new Date(epoch + whole * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A calendar day as YYYY-MM-DD from dd.mm.yyyy (also with / or -, a two-digit year, or a time
 * after it), yyyy-mm-dd, or an Excel serial number (1901 on); null when it is none of them or
 * no real day.
 */
export function readDate(raw: string): string | null {
  const text = raw.trim();
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:[ T].*)?$/.exec(text);
  if (dmy) {
    const [d, m, yRaw] = [Number(dmy[1]), Number(dmy[2]), dmy[3]!];
    const y = yRaw.length === 2 ? (Number(yRaw) < 70 ? 2000 : 1900) + Number(yRaw) : Number(yRaw);
    return isCalendarDay(y, m, d) ? iso(y, m, d) : null;
  }
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(text);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    return isCalendarDay(y, m, d) ? iso(y, m, d) : null;
  }
  // A bare number is an Excel serial day, from 1901 on (a small number such as "15.01" is too doubtful to guess).
  if (/^\d{3,5}(\.\d+)?$/.test(text) && Number(text) >= 367) return excelSerialDay(Number(text));
  return null;
}

const CURRENCY_WORDS: Record<string, string> = {
  "грн": "UAH", "гривна": "UAH", "гривня": "UAH", "₴": "UAH",
  "руб": "RUB", "рубль": "RUB", "рублей": "RUB", "р": "RUB", "₽": "RUB",
  "$": "USD", "дол": "USD", "€": "EUR", "евро": "EUR", "євро": "EUR",
  "тенге": "KZT", "₸": "KZT",
};

/** An ISO 4217 code from "UAH", "грн", "₴", "руб."…; null when unknown. */
export function readCurrency(raw: string): string | null {
  const text = raw.trim().toLowerCase().replace(/\.$/, "");
  if (/^[a-z]{3}$/.test(text)) return text.toUpperCase();
  return CURRENCY_WORDS[text] ?? null;
}

/**
 * Money in minor units (two decimals) from "1 234,56", "1234.56", "1,234.56", "1.234,56", with
 * or without a currency sign; null for negative, fractional-kopeck or unreadable amounts. With
 * one kind of separator, one occurrence followed by one or two digits is the decimal mark and
 * anything else groups thousands.
 */
export function readAmountMinor(raw: string): number | null {
  let text = raw.replace(/[\s\u00a0\u2007\u202f']/g, "").replace(/(грн|руб|uah|rub|usd|eur|[₴₽$€₸])\.?/gi, "");
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let decimalMark: string | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimalMark = lastComma > lastDot ? "," : ".";
  else {
    const mark = lastComma >= 0 ? "," : lastDot >= 0 ? "." : null;
    if (mark && text.split(mark).length === 2 && /^\d{1,2}$/.test(text.slice(text.lastIndexOf(mark) + 1))) decimalMark = mark;
  }
  let whole = text;
  let fraction = "";
  if (decimalMark) {
    const at = text.lastIndexOf(decimalMark);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
  }
  const groupMark = decimalMark ? (decimalMark === "," ? "." : ",") : lastComma >= 0 ? "," : ".";
  if (/[.,]/.test(whole)) {
    // Thousands come in threes after the first group, with one mark: "1,234,567", never "1,2,3" or "1.234,567,8".
    const grouping = groupMark === "," ? /^\d{1,3}(,\d{3})+$/ : /^\d{1,3}(\.\d{3})+$/;
    if (!grouping.test(whole)) return null;
    whole = whole.split(groupMark).join("");
  }
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  text = `${whole}${fraction.padEnd(2, "0")}`;
  const minor = Number(text);
  return Number.isSafeInteger(minor) && minor <= 1e13 ? minor : null;
}

/** A whole positive quantity ("3", "3,0", "3.00"); null for fractions, zero or text. */
export function readQuantity(raw: string): number | null {
  const m = /^(\d{1,9})(?:[.,]0+)?$/.exec(raw.replace(/\s/g, ""));
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}

/** Names compared the way people mean them: case, ё and spacing aside. */
export const foldName = (name: string) => name.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
