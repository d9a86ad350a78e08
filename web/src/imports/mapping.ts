import { PURCHASE_FIELDS, type ColumnMapping, type ImportField } from "./types";

/**
 * What keeps a mapping from being imported, checked before the dry run (the server checks the
 * same, src/domain/imports/fields.ts): a column for the company's name, one for an identifier
 * the company is found again by, and single-column fields used once.
 */
export type MappingProblem = { problem: "legal_name_unmapped" } | { problem: "identifier_unmapped" } | { problem: "field_repeated"; field: ImportField };

/** A file often has "Телефон" and "Моб.", or two email columns. */
const MULTI_COLUMN_FIELDS: readonly ImportField[] = ["phone", "email"];

export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const used = mapping.filter((f): f is ImportField => f !== null);
  const problems: MappingProblem[] = [];
  if (!used.includes("legalName")) problems.push({ problem: "legal_name_unmapped" });
  if (!used.some((f) => f === "legalId" || f === "phone" || f === "email")) problems.push({ problem: "identifier_unmapped" });
  for (const field of new Set(used)) {
    if (!MULTI_COLUMN_FIELDS.includes(field) && used.filter((f) => f === field).length > 1) problems.push({ problem: "field_repeated", field });
  }
  return problems;
}

export const isPurchaseField = (field: ImportField) => (PURCHASE_FIELDS as readonly string[]).includes(field);

/** A file with its own source column names each row's source; without one, every company needs the source picked here. */
export const needsDefaultSource = (mapping: ColumnMapping) => !mapping.includes("source");
