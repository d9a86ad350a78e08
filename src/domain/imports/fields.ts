/**
 * What a column of an imported file can feed. A company's own fields, its contact, its source,
 * and — for a till or CRM export — the purchase the row records.
 */
export const COMPANY_FIELDS = [
  "legalName",
  "legalId",
  "phone",
  "email",
  "contactName",
  "position",
  "industry",
  "region",
  "size",
  "groupName",
  "source",
] as const;

export const PURCHASE_FIELDS = ["orderDate", "productName", "quantity", "amount", "currency"] as const;

export const IMPORT_FIELDS = [...COMPANY_FIELDS, ...PURCHASE_FIELDS] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type PurchaseField = (typeof PURCHASE_FIELDS)[number];

/** Fields several columns may feed: a file often has "Телефон" and "Моб.", or two email columns. */
export const MULTI_COLUMN_FIELDS: readonly ImportField[] = ["phone", "email"];

/** A field per column of the file, in column order; null: the column is not imported. */
export type ColumnMapping = readonly (ImportField | null)[];

export const isImportField = (value: unknown): value is ImportField => typeof value === "string" && (IMPORT_FIELDS as readonly string[]).includes(value);
export const isPurchaseField = (field: ImportField): field is PurchaseField => (PURCHASE_FIELDS as readonly string[]).includes(field);

export type MappingProblem =
  | { problem: "column_count"; expected: number; got: number }
  | { problem: "field_repeated"; field: ImportField }
  | { problem: "legal_name_unmapped" }
  | { problem: "identifier_unmapped" };

/**
 * A mapping a file can be imported with: one entry per column, single-column fields used once,
 * a column for the company's name, and one for at least one identifier (tax id, phone or email)
 * by which a company is found again — without one, every re-import would duplicate the base.
 */
export function checkMapping(mapping: ColumnMapping, columnCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.length !== columnCount) problems.push({ problem: "column_count", expected: columnCount, got: mapping.length });
  const used = mapping.filter((f): f is ImportField => f !== null);
  for (const field of new Set(used)) {
    if (!MULTI_COLUMN_FIELDS.includes(field) && used.filter((f) => f === field).length > 1) problems.push({ problem: "field_repeated", field });
  }
  if (!used.includes("legalName")) problems.push({ problem: "legal_name_unmapped" });
  if (!used.some((f) => f === "legalId" || f === "phone" || f === "email")) problems.push({ problem: "identifier_unmapped" });
  return problems;
}

/** The purchase fields a mapping uses (a file with them brings customers with their orders). */
export const purchaseFieldsOf = (mapping: ColumnMapping): PurchaseField[] => mapping.filter((f): f is PurchaseField => f !== null && isPurchaseField(f));
