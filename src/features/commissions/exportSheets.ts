import type { Language } from "../../server/errors.js";
import { sheetLocale } from "../exports/cells.js";
import { listSheet, onePage, type ExportSheet, type ListColumn } from "../exports/sheet.js";
import { exportWords } from "../exports/words.js";
import { exportLabels, ruleText, type ExportLabels } from "./exportLabels.js";
import { exportRows, type ExportRow } from "./exportRows.js";
import type { PersonStatement } from "./statements.js";

type Header = keyof ExportLabels["headers"];

/**
 * A month's commissions as export sheets: the lines (person, role, company, what for, sale date,
 * order, the rule applied, the commission) and, for XLSX, the totals per person and currency.
 * Amounts are in major units; CSV carries the lines only.
 */
export function commissionSheets(statements: readonly PersonStatement[], language: Language): ExportSheet[] {
  const rows = exportRows(statements);
  const labels = exportLabels(language);
  const roles = exportWords(language).roles;
  const decimal = sheetLocale(language).decimal;
  const lines: ListColumn<ExportRow, Header>[] = [
    { key: "person", kind: "text", width: 28, value: (r) => r.person },
    { key: "role", kind: "text", width: 24, value: (r) => roles[r.role] },
    { key: "company", kind: "text", width: 36, value: (r) => r.company },
    { key: "kind", kind: "text", width: 22, value: (r) => labels.kinds[r.kind] },
    { key: "date", kind: "date", width: 13, value: (r) => r.day },
    { key: "order", kind: "integer", width: 10, value: (r) => r.orderId },
    { key: "orderAmount", kind: "money", width: 16, value: (r) => r.orderTotalMinor },
    { key: "orderCurrency", kind: "text", width: 10, value: (r) => r.orderCurrency },
    { key: "rule", kind: "text", width: 24, value: (r) => ruleText(r.rule, labels, decimal) },
    { key: "commission", kind: "money", width: 14, value: (r) => r.amountMinor },
    { key: "currency", kind: "text", width: 10, value: (r) => r.currency },
  ];
  const totals: ListColumn<PersonTotal, Header>[] = [
    { key: "person", kind: "text", width: 28, value: (t) => t.person },
    { key: "role", kind: "text", width: 24, value: (t) => roles[t.role] },
    { key: "currency", kind: "text", width: 10, value: (t) => t.currency },
    { key: "lines", kind: "integer", width: 10, value: (t) => t.lines },
    { key: "commission", kind: "money", width: 16, value: (t) => t.amountMinor },
  ];
  return [listSheet(labels.lineSheet, lines, labels.headers, onePage(rows)), listSheet(labels.totalSheet, totals, labels.headers, onePage(personTotals(statements)), true)];
}

interface PersonTotal {
  person: string;
  role: ExportRow["role"];
  currency: string;
  lines: number;
  amountMinor: number;
}

/** Totals per person and currency, as the statements already hold them, with the number of lines behind each. */
function personTotals(statements: readonly PersonStatement[]): PersonTotal[] {
  return statements.flatMap(({ person, lines, totals }) =>
    totals.map((total) => ({
      person: person.fullName,
      role: person.role,
      currency: total.currency,
      lines: lines.filter((l) => l.currency === total.currency).length,
      amountMinor: total.amountMinor,
    })),
  );
}
