import type { CommissionKind, RuleBasis } from "../../domain/commission.js";
import type { Role } from "../../domain/conveyor.js";
import type { Language } from "../../server/errors.js";

/**
 * The words of a commissions export in the language of the person exporting: the file goes to
 * the back office's spreadsheet as it is, so headers, kinds and roles read naturally there.
 */
export interface ExportLabels {
  lineSheet: string;
  totalSheet: string;
  headers: { person: string; role: string; company: string; kind: string; date: string; order: string; orderAmount: string; orderCurrency: string; rule: string; commission: string; currency: string; lines: string };
  kinds: Record<CommissionKind, string>;
  roles: Record<Role, string>;
  perLead: string;
  /** Decimal separator in numbers written as text (CSV), as the language's spreadsheets expect it. */
  decimal: "," | ".";
  /** Date format of date cells in XLSX. */
  dateFormat: string;
}

const LABELS: Record<Language, ExportLabels> = {
  ru: {
    lineSheet: "Начисления",
    totalSheet: "Итоги",
    headers: { person: "Сотрудник", role: "Роль", company: "Компания", kind: "За что", date: "Дата продажи", order: "Заказ", orderAmount: "Сумма заказа", orderCurrency: "Валюта заказа", rule: "Правило", commission: "Комиссия", currency: "Валюта", lines: "Строк" },
    kinds: { converted_lead: "Конвертированный лид", first_sale: "Первая продажа", repeat_sale: "Повторная продажа" },
    roles: { admin: "Администратор", head: "Руководитель отдела продаж", caller: "Оператор холодных звонков", manager: "Менеджер по продажам", account_manager: "Аккаунт-менеджер", back_office: "Бэк-офис" },
    perLead: "за лид",
    decimal: ",",
    dateFormat: "dd.mm.yyyy",
  },
  uk: {
    lineSheet: "Нарахування",
    totalSheet: "Підсумки",
    headers: { person: "Співробітник", role: "Роль", company: "Компанія", kind: "За що", date: "Дата продажу", order: "Замовлення", orderAmount: "Сума замовлення", orderCurrency: "Валюта замовлення", rule: "Правило", commission: "Комісія", currency: "Валюта", lines: "Рядків" },
    kinds: { converted_lead: "Конвертований лід", first_sale: "Перший продаж", repeat_sale: "Повторний продаж" },
    roles: { admin: "Адміністратор", head: "Керівник відділу продажів", caller: "Оператор холодних дзвінків", manager: "Менеджер з продажів", account_manager: "Акаунт-менеджер", back_office: "Бек-офіс" },
    perLead: "за лід",
    decimal: ",",
    dateFormat: "dd.mm.yyyy",
  },
  en: {
    lineSheet: "Commissions",
    totalSheet: "Totals",
    headers: { person: "Person", role: "Role", company: "Company", kind: "For", date: "Sale date", order: "Order", orderAmount: "Order amount", orderCurrency: "Order currency", rule: "Rule", commission: "Commission", currency: "Currency", lines: "Lines" },
    kinds: { converted_lead: "Converted lead", first_sale: "First sale", repeat_sale: "Repeat sale" },
    roles: { admin: "Administrator", head: "Head of sales", caller: "Caller", manager: "Sales manager", account_manager: "Account manager", back_office: "Back office" },
    perLead: "per lead",
    decimal: ".",
    dateFormat: "yyyy-mm-dd",
  },
};

export const exportLabels = (language: Language): ExportLabels => LABELS[language];

/** Minor units as a plain decimal in major units (1234567 → "12345.67"), exact, no grouping. */
export function majorUnits(minor: number, decimal: "," | "." = "."): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}${decimal}${String(abs % 100).padStart(2, "0")}`;
}

/** The rule a line was paid by, as text: "5 %" or "500.00 UAH per lead". */
export function ruleText(rule: RuleBasis, labels: ExportLabels): string {
  // Basis points are hundredths of a percent: 750 bp → "7.50" → "7.5 %"; 500 bp → "5 %".
  if (rule.kind === "rate") return `${majorUnits(rule.rateBp, labels.decimal).replace(/[.,]?0+$/, "")} %`;
  return `${majorUnits(rule.amountMinor, labels.decimal)} ${rule.currency} ${labels.perLead}`;
}
