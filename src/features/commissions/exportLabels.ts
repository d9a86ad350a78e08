import type { CommissionKind, RuleBasis } from "../../domain/commission.js";
import type { Language } from "../../server/errors.js";
import { majorUnits } from "../exports/cells.js";

/**
 * The words of a commissions export in the language of the person exporting: the file goes to
 * the back office's spreadsheet as it is, so headers and kinds read naturally there (roles and
 * number formats are shared by every export: features/exports).
 */
export interface ExportLabels {
  lineSheet: string;
  totalSheet: string;
  headers: { person: string; role: string; company: string; kind: string; date: string; order: string; orderAmount: string; orderCurrency: string; rule: string; commission: string; currency: string; lines: string };
  kinds: Record<CommissionKind, string>;
  perLead: string;
}

const LABELS: Record<Language, ExportLabels> = {
  ru: {
    lineSheet: "Начисления",
    totalSheet: "Итоги",
    headers: { person: "Сотрудник", role: "Роль", company: "Компания", kind: "За что", date: "Дата продажи", order: "Заказ", orderAmount: "Сумма заказа", orderCurrency: "Валюта заказа", rule: "Правило", commission: "Комиссия", currency: "Валюта", lines: "Строк" },
    kinds: { converted_lead: "Конвертированный лид", first_sale: "Первая продажа", repeat_sale: "Повторная продажа" },
    perLead: "за лид",
  },
  uk: {
    lineSheet: "Нарахування",
    totalSheet: "Підсумки",
    headers: { person: "Співробітник", role: "Роль", company: "Компанія", kind: "За що", date: "Дата продажу", order: "Замовлення", orderAmount: "Сума замовлення", orderCurrency: "Валюта замовлення", rule: "Правило", commission: "Комісія", currency: "Валюта", lines: "Рядків" },
    kinds: { converted_lead: "Конвертований лід", first_sale: "Перший продаж", repeat_sale: "Повторний продаж" },
    perLead: "за лід",
  },
  en: {
    lineSheet: "Commissions",
    totalSheet: "Totals",
    headers: { person: "Person", role: "Role", company: "Company", kind: "For", date: "Sale date", order: "Order", orderAmount: "Order amount", orderCurrency: "Order currency", rule: "Rule", commission: "Commission", currency: "Currency", lines: "Lines" },
    kinds: { converted_lead: "Converted lead", first_sale: "First sale", repeat_sale: "Repeat sale" },
    perLead: "per lead",
  },
};

export const exportLabels = (language: Language): ExportLabels => LABELS[language];

/** The rule a line was paid by, as text with the language's decimal separator: "5 %", "7,5 %" or "500.00 UAH per lead". */
export function ruleText(rule: RuleBasis, labels: ExportLabels, decimal: "," | "."): string {
  // Basis points are hundredths of a percent: 750 bp → "7.50" → "7.5 %"; 500 bp → "5 %".
  if (rule.kind === "rate") return `${majorUnits(rule.rateBp, decimal).replace(/[.,]?0+$/, "")} %`;
  return `${majorUnits(rule.amountMinor, decimal)} ${rule.currency} ${labels.perLead}`;
}
