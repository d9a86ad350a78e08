import type { Role } from "../api/types";

export type ExportFormat = "csv" | "xlsx";

/** The lists that leave the system as files (src/server/access/exports.ts), plus commissions. */
export type ExportedList = "companies" | "accounts" | "invoices" | "caller_results" | "commissions";

/** A list's filters as they go into the export's query string; an array repeats its key. */
export type ExportFilters = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export interface ExportLogItem {
  id: number;
  user: { id: number; fullName: string; role: Role };
  what: ExportedList | string;
  format: ExportFormat;
  /** The filters the list was exported with; `incomplete: true` when the download was cut short, `via: "cli"` from the command line. */
  params: Record<string, unknown>;
  rowCount: number;
  createdAt: string;
}

export interface ExportLogPage {
  total: number;
  items: ExportLogItem[];
}
