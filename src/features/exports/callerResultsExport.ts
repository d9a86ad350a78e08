import type { Language } from "../../server/errors.js";
import type { CallerResult } from "../prospecting/callerResults.js";
import { listSheet, onePage, type ExportSheet, type ListColumn } from "./sheet.js";

type Header = "period" | "caller" | "calls" | "connects" | "interested" | "handedOver" | "converted";

const HEADERS: Record<Language, { sheet: string; day: string; week: string; headers: Omit<Record<Header, string>, "period"> }> = {
  ru: { sheet: "Результаты операторов", day: "День", week: "Неделя с", headers: { caller: "Оператор", calls: "Звонки", connects: "Дозвоны", interested: "Заинтересованы", handedOver: "Переданы", converted: "Купили" } },
  uk: { sheet: "Результати операторів", day: "День", week: "Тиждень з", headers: { caller: "Оператор", calls: "Дзвінки", connects: "Додзвони", interested: "Зацікавлені", handedOver: "Передано", converted: "Купили" } },
  en: { sheet: "Caller results", day: "Day", week: "Week of", headers: { caller: "Caller", calls: "Calls", connects: "Connects", interested: "Interested", handedOver: "Handed over", converted: "Converted" } },
};

const columns: ListColumn<CallerResult, Header>[] = [
  { key: "period", kind: "date", width: 13, value: (r) => r.period },
  { key: "caller", kind: "text", width: 28, value: (r) => r.fullName },
  { key: "calls", kind: "integer", width: 10, value: (r) => r.calls },
  { key: "connects", kind: "integer", width: 10, value: (r) => r.connects },
  { key: "interested", kind: "integer", width: 14, value: (r) => r.interested },
  { key: "handedOver", kind: "integer", width: 12, value: (r) => r.handedOver },
  { key: "converted", kind: "integer", width: 12, value: (r) => r.converted },
];

/** Tier 1's results per caller per day or week (as GET /api/calling/results), one row per caller and period. */
export function callerResultsSheet(results: readonly CallerResult[], period: "day" | "week", language: Language): ExportSheet {
  const labels = HEADERS[language];
  return listSheet(labels.sheet, columns, { ...labels.headers, period: period === "week" ? labels.week : labels.day }, onePage(results));
}
