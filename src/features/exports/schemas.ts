import { Type, type TObject, type TProperties } from "typebox";
import { AccountsQuery, InvoicesQuery } from "../accounts/schemas.js";
import { SearchQuery } from "../clients/schemas.js";
import { StatsQuery } from "../prospecting/schemas.js";
import { FormatParam } from "./formats.js";

/** A list's own filters (its query without paging and sorting) plus the export's format. */
function exportQuery<P extends TProperties, K extends keyof P & string>(list: TObject<P>, leaveOut: readonly K[]) {
  const filters = Object.fromEntries(Object.entries(list.properties).filter(([key]) => !(leaveOut as readonly string[]).includes(key))) as Omit<P, K>;
  return Type.Object({ ...filters, format: FormatParam }, { additionalProperties: false });
}

export const CompanyExportQuery = exportQuery(SearchQuery, ["limit", "offset"]);
export const AccountExportQuery = exportQuery(AccountsQuery, ["sort", "limit", "offset"]);
export const InvoiceExportQuery = exportQuery(InvoicesQuery, ["limit", "offset"]);
export const CallerResultsExportQuery = exportQuery(StatsQuery, []);

/** The response of an export: the file itself, streamed. */
export const ExportFile = Type.String({ description: "The file (text/csv or XLSX), streamed as a download." });

export const ExportLogQuery = Type.Object(
  {
    userId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    what: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const ExportLogItemSchema = Type.Object({
  id: Type.Integer(),
  user: Type.Object({ id: Type.Integer(), fullName: Type.String(), role: Type.String() }),
  what: Type.String({ description: "companies, accounts, invoices, caller_results or commissions" }),
  format: Type.String({ description: "csv or xlsx" }),
  params: Type.Record(Type.String(), Type.Unknown(), { description: "The filters the list was exported with; incomplete: true when the download was cut short." }),
  rowCount: Type.Integer(),
  createdAt: Type.String({ format: "date-time" }),
});
