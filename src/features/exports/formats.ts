import { Type } from "typebox";
import { appError } from "../../server/errors.js";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The `format` query parameter of every export. A plain string in the schema, so that a missing
 * or unknown format is answered with its own code (export_format_invalid), not a generic
 * validation error.
 */
export const FormatParam = Type.Optional(Type.String({ maxLength: 10, description: "csv or xlsx" }));

/** The format asked for, or 400 export_format_invalid. */
export function exportFormatOf(asked: string | undefined): ExportFormat {
  if (asked !== "csv" && asked !== "xlsx") throw appError("export_format_invalid");
  return asked;
}
