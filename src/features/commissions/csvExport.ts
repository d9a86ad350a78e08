import { stringify } from "csv-stringify/sync";
import type { Language } from "../../server/errors.js";
import { exportLabels, majorUnits, ruleText } from "./exportLabels.js";
import type { ExportRow } from "./exportRows.js";

/**
 * The month's lines as CSV, made to open right in the spreadsheet of the exporter's language:
 * UTF-8 with a byte-order mark, without which Excel reads Cyrillic as mojibake; for ru and uk a
 * `;` between fields and a decimal comma, because Excel with Russian or Ukrainian regional
 * settings splits on `;` and reads "12,50" as a number ("12.50" would be text or a date); for en
 * a `,` and a decimal point. Dates are ISO (YYYY-MM-DD), read as dates everywhere. XLSX is the
 * format with typed numbers for anything else.
 */
export function commissionsCsv(rows: readonly ExportRow[], language: Language): Buffer {
  const labels = exportLabels(language);
  const h = labels.headers;
  const header = [h.person, h.role, h.company, h.kind, h.date, h.order, h.orderAmount, h.orderCurrency, h.rule, h.commission, h.currency];
  const records = rows.map((r) => [
    r.person,
    labels.roles[r.role],
    r.company,
    labels.kinds[r.kind],
    r.day,
    String(r.orderId),
    majorUnits(r.orderTotalMinor, labels.decimal),
    r.orderCurrency,
    ruleText(r.rule, labels),
    majorUnits(r.amountMinor, labels.decimal),
    r.currency,
  ]);
  const text = stringify([header, ...records], { delimiter: labels.decimal === "," ? ";" : ",", record_delimiter: "windows" });
  return Buffer.from(`\uFEFF${text}`, "utf8");
}
