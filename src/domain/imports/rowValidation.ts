import type { CountryCode } from "libphonenumber-js/max";
import type { CompanySize } from "../conveyor.js";
import type { LegalIdKind } from "../legalIds.js";
import { PURCHASE_FIELDS, type ColumnMapping, type ImportField } from "./fields.js";
import { cellText, foldName, readAmountMinor, readCurrency, readDate, readEmail, readLegalId, readPhone, readQuantity, readSize, splitEmails, splitPhones } from "./values.js";

/**
 * One data row of an imported file, checked and normalised, or the reason it cannot go in.
 * Each reason is a stable code the error report names with the row's line number.
 */
export const REJECT_CODES = [
  "legal_name_missing",
  "identifier_missing",
  "legal_id_invalid",
  "phone_invalid",
  "email_invalid",
  "size_invalid",
  "value_too_long",
  "source_unknown",
  "source_inactive",
  "purchase_incomplete",
  "date_invalid",
  "date_in_future",
  "quantity_invalid",
  "amount_invalid",
  "currency_invalid",
  "ambiguous_match",
  "legal_id_conflict",
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export interface Rejection {
  code: RejectCode;
  /** The field at fault, when one is. */
  field: ImportField | null;
  /** The offending value as the file has it (cut to a sane length). */
  value: string | null;
  /** For ambiguous_match: the companies the row points at. */
  companyIds?: number[];
}

export interface Purchase {
  orderedOn: string;
  productName: string;
  quantity: number;
  amountMinor: number;
  currency: string;
}

/** A row as the base would store it. */
export interface ImportedRow {
  legalName: string | null;
  legalId: string | null;
  legalIdKind: LegalIdKind | null;
  phones: string[];
  emails: string[];
  contactName: string | null;
  position: string | null;
  industry: string | null;
  region: string | null;
  size: CompanySize | null;
  groupName: string | null;
  sourceId: number | null;
  purchase: Purchase | null;
}

export type RowVerdict = { kind: "row"; row: ImportedRow } | { kind: "blank" } | { kind: "rejected"; rejection: Rejection };

export interface SourceRef {
  id: number;
  active: boolean;
}

export interface RowContext {
  /** Phones written without a country code are read in this country (a team setting). */
  country: CountryCode;
  /** The source every row carries unless its own source column names another. */
  sourceId: number | null;
  /** Sources by folded name, for a file's source column. */
  sourcesByName: ReadonlyMap<string, SourceRef>;
  /** Today in the team's time zone (YYYY-MM-DD): no purchase is dated after it. */
  today: string;
  /** The currency of purchases whose row names none. */
  currency: string;
}

/** Longer cells are not company data (a pasted document, a broken quote swallowing lines). */
export const MAX_CELL_LENGTH = 500;

const cut = (value: string) => (value.length > 200 ? `${value.slice(0, 200)}…` : value);

class RowRejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.code);
  }
}

const reject = (code: RejectCode, field: ImportField | null, value: string | null): never => {
  throw new RowRejected({ code, field, value: value === null ? null : cut(value) });
};

/** The cells of each field, in column order (phones and emails may come from several columns). */
function cellsByField(values: readonly string[], mapping: ColumnMapping): Map<ImportField, string[]> {
  const cells = new Map<ImportField, string[]>();
  mapping.forEach((field, column) => {
    if (!field) return;
    const text = cellText(values[column]);
    if (!text) return;
    if (text.length > MAX_CELL_LENGTH) reject("value_too_long", field, text);
    cells.set(field, [...(cells.get(field) ?? []), text]);
  });
  return cells;
}

function readPurchase(cells: Map<ImportField, string[]>, ctx: RowContext): Purchase | null {
  const first = (field: ImportField) => cells.get(field)?.[0] ?? null;
  if (!PURCHASE_FIELDS.some((f) => first(f) !== null)) return null;
  const dateText = first("orderDate") ?? reject("purchase_incomplete", "orderDate", null);
  const productName = first("productName") ?? reject("purchase_incomplete", "productName", null);
  const amountText = first("amount") ?? reject("purchase_incomplete", "amount", null);
  const orderedOn = readDate(dateText) ?? reject("date_invalid", "orderDate", dateText);
  if (orderedOn > ctx.today) reject("date_in_future", "orderDate", dateText);
  const quantityText = first("quantity");
  const quantity = quantityText === null ? 1 : (readQuantity(quantityText) ?? reject("quantity_invalid", "quantity", quantityText));
  const amountMinor = readAmountMinor(amountText) ?? reject("amount_invalid", "amount", amountText);
  const currencyText = first("currency");
  const currency = currencyText === null ? ctx.currency : (readCurrency(currencyText) ?? reject("currency_invalid", "currency", currencyText));
  return { orderedOn, productName, quantity, amountMinor, currency };
}

function readRow(values: readonly string[], mapping: ColumnMapping, ctx: RowContext): ImportedRow | null {
  const cells = cellsByField(values, mapping);
  if (cells.size === 0) return null;
  const first = (field: ImportField) => cells.get(field)?.[0] ?? null;

  const legalIdText = first("legalId");
  const legalId = legalIdText === null ? null : readLegalId(legalIdText, ctx.country);
  if (legalId && !legalId.ok) reject("legal_id_invalid", "legalId", legalIdText);

  const phones: string[] = [];
  for (const phone of (cells.get("phone") ?? []).flatMap(splitPhones)) {
    const e164 = readPhone(phone, ctx.country) ?? reject("phone_invalid", "phone", phone);
    if (!phones.includes(e164)) phones.push(e164);
  }
  const emails: string[] = [];
  for (const raw of (cells.get("email") ?? []).flatMap(splitEmails)) {
    const email = readEmail(raw) ?? reject("email_invalid", "email", raw);
    if (!emails.includes(email)) emails.push(email);
  }

  const sizeText = first("size");
  const size = sizeText === null ? null : (readSize(sizeText) ?? reject("size_invalid", "size", sizeText));

  const sourceText = first("source");
  let sourceId = ctx.sourceId;
  if (sourceText !== null) {
    const source = ctx.sourcesByName.get(foldName(sourceText)) ?? reject("source_unknown", "source", sourceText);
    if (!source.active) reject("source_inactive", "source", sourceText);
    sourceId = source.id;
  }

  const purchase = readPurchase(cells, ctx);
  const ok = legalId?.ok ? legalId : null;
  if (!ok && phones.length === 0 && emails.length === 0) reject("identifier_missing", null, null);
  return {
    legalName: first("legalName"),
    legalId: ok?.value ?? null,
    legalIdKind: ok?.kind ?? null,
    phones,
    emails,
    contactName: first("contactName"),
    position: first("position"),
    industry: first("industry"),
    region: first("region"),
    size,
    groupName: first("groupName"),
    sourceId,
    purchase,
  };
}

/**
 * A data row's verdict: the normalised row, a blank row (every mapped cell empty: spreadsheets
 * end with a few), or the first problem found in field order. A row needs a tax id, a phone or
 * an email — what the base finds a company by again — and a name only when it creates one (the
 * planner decides that).
 */
export function validateRow(values: readonly string[], mapping: ColumnMapping, ctx: RowContext): RowVerdict {
  try {
    const row = readRow(values, mapping, ctx);
    return row ? { kind: "row", row } : { kind: "blank" };
  } catch (error) {
    if (error instanceof RowRejected) return { kind: "rejected", rejection: error.rejection };
    throw error;
  }
}
