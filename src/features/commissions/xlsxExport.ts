import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { totalsByCurrency } from "../../domain/commission.js";
import type { Language } from "../../server/errors.js";
import { exportLabels, ruleText } from "./exportLabels.js";
import type { ExportRow } from "./exportRows.js";

const MONEY = "#,##0.00";
const bold = { font: { bold: true } };

/**
 * The month's lines as an XLSX workbook streamed to `out` (rows are committed as they are
 * written, nothing is held for the whole file): a sheet of lines with typed dates and amounts,
 * and a sheet of totals per person and currency. Amounts are in major units.
 */
export async function writeCommissionsXlsx(out: Writable, rows: readonly ExportRow[], language: Language): Promise<void> {
  const labels = exportLabels(language);
  const h = labels.headers;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Conveyor";

  const lines = workbook.addWorksheet(labels.lineSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  lines.columns = [
    { key: "person", width: 28 },
    { key: "role", width: 24 },
    { key: "company", width: 36 },
    { key: "kind", width: 22 },
    { key: "date", width: 13, style: { numFmt: labels.dateFormat } },
    { key: "order", width: 10 },
    { key: "orderAmount", width: 16, style: { numFmt: MONEY } },
    { key: "orderCurrency", width: 10 },
    { key: "rule", width: 24 },
    { key: "commission", width: 14, style: { numFmt: MONEY } },
    { key: "currency", width: 10 },
  ];
  lines.addRow([h.person, h.role, h.company, h.kind, h.date, h.order, h.orderAmount, h.orderCurrency, h.rule, h.commission, h.currency]).eachCell((c) => (c.style = bold));
  lines.getRow(1).commit();
  for (const r of rows) {
    lines
      .addRow({
        person: r.person,
        role: labels.roles[r.role],
        company: r.company,
        kind: labels.kinds[r.kind],
        date: new Date(`${r.day}T00:00:00Z`),
        order: r.orderId,
        orderAmount: r.orderTotalMinor / 100,
        orderCurrency: r.orderCurrency,
        rule: ruleText(r.rule, labels),
        commission: r.amountMinor / 100,
        currency: r.currency,
      })
      .commit();
  }
  lines.commit();

  const totals = workbook.addWorksheet(labels.totalSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  totals.columns = [
    { key: "person", width: 28 },
    { key: "role", width: 24 },
    { key: "currency", width: 10 },
    { key: "lines", width: 10 },
    { key: "commission", width: 16, style: { numFmt: MONEY } },
  ];
  totals.addRow([h.person, h.role, h.currency, h.lines, h.commission]).eachCell((c) => (c.style = bold));
  totals.getRow(1).commit();
  for (const group of groupByPerson(rows)) {
    for (const total of totalsByCurrency(group.rows)) {
      const count = group.rows.filter((r) => r.currency === total.currency).length;
      totals.addRow({ person: group.person, role: labels.roles[group.role], currency: total.currency, lines: count, commission: total.amountMinor / 100 }).commit();
    }
  }
  totals.commit();
  await workbook.commit();
}

/** Rows come person by person (statements in name order): consecutive rows of one person form a group. */
function groupByPerson(rows: readonly ExportRow[]): { person: string; role: ExportRow["role"]; rows: ExportRow[] }[] {
  const groups: { userId: number; person: string; role: ExportRow["role"]; rows: ExportRow[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.userId === row.userId) last.rows.push(row);
    else groups.push({ userId: row.userId, person: row.person, role: row.role, rows: [row] });
  }
  return groups;
}
