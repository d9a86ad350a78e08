import type { Role } from "../../domain/conveyor.js";
import type { LegalIdKind } from "../../domain/legalIds.js";
import type { ReorderStatus } from "../../domain/reorder.js";
import type { RfmSegment } from "../../domain/rfm.js";
import type { Language } from "../../server/errors.js";

type Stage = "cold" | "lead" | "customer" | "resting" | "archived";
type Size = "micro" | "small" | "medium" | "large";
type InvoiceStatus = "issued" | "overdue" | "paid" | "cancelled";

/**
 * The department's words as they appear in exported files, in the exporter's language: a file
 * goes to a spreadsheet as it is, so stages, roles and statuses read there as on screen.
 */
export interface ExportWords {
  roles: Record<Role, string>;
  stages: Record<Stage, string>;
  sizes: Record<Size, string>;
  legalIdKinds: Record<LegalIdKind, string>;
  segments: Record<RfmSegment, string>;
  reorder: Record<ReorderStatus, string>;
  invoiceStatuses: Record<InvoiceStatus, string>;
}

const WORDS: Record<Language, ExportWords> = {
  ru: {
    roles: { admin: "Администратор", head: "Руководитель отдела продаж", caller: "Оператор холодных звонков", manager: "Менеджер по продажам", account_manager: "Аккаунт-менеджер", back_office: "Бэк-офис" },
    stages: { cold: "Холодная", lead: "Лид", customer: "Клиент", resting: "На паузе", archived: "Архив" },
    sizes: { micro: "Микро", small: "Малая", medium: "Средняя", large: "Крупная" },
    legalIdKinds: { inn: "ИНН", edrpou: "ЕГРПОУ", rnokpp: "РНУКПН" },
    segments: { champions: "Чемпионы", loyal: "Лояльные", potential: "Перспективные", new: "Новые", at_risk: "Под угрозой", cant_lose: "Нельзя потерять", hibernating: "Спящие", lost: "Потерянные", no_purchases: "Без покупок" },
    reorder: { none: "Нет ритма", scheduled: "По плану", due: "Напомнить", overdue: "Просрочил покупку" },
    invoiceStatuses: { issued: "Не оплачен", overdue: "Просрочен", paid: "Оплачен", cancelled: "Отменён" },
  },
  uk: {
    roles: { admin: "Адміністратор", head: "Керівник відділу продажів", caller: "Оператор холодних дзвінків", manager: "Менеджер з продажів", account_manager: "Акаунт-менеджер", back_office: "Бек-офіс" },
    stages: { cold: "Холодна", lead: "Лід", customer: "Клієнт", resting: "На паузі", archived: "Архів" },
    sizes: { micro: "Мікро", small: "Мала", medium: "Середня", large: "Велика" },
    legalIdKinds: { inn: "ІНН", edrpou: "ЄДРПОУ", rnokpp: "РНОКПП" },
    segments: { champions: "Чемпіони", loyal: "Лояльні", potential: "Перспективні", new: "Нові", at_risk: "Під загрозою", cant_lose: "Не можна втратити", hibernating: "Сплячі", lost: "Втрачені", no_purchases: "Без покупок" },
    reorder: { none: "Немає ритму", scheduled: "За планом", due: "Нагадати", overdue: "Прострочив покупку" },
    invoiceStatuses: { issued: "Не сплачено", overdue: "Прострочено", paid: "Сплачено", cancelled: "Скасовано" },
  },
  en: {
    roles: { admin: "Administrator", head: "Head of sales", caller: "Caller", manager: "Sales manager", account_manager: "Account manager", back_office: "Back office" },
    stages: { cold: "Cold", lead: "Lead", customer: "Customer", resting: "Resting", archived: "Archived" },
    sizes: { micro: "Micro", small: "Small", medium: "Medium", large: "Large" },
    legalIdKinds: { inn: "INN", edrpou: "EDRPOU", rnokpp: "RNOKPP" },
    segments: { champions: "Champions", loyal: "Loyal", potential: "Potential", new: "New", at_risk: "At risk", cant_lose: "Can't lose", hibernating: "Hibernating", lost: "Lost", no_purchases: "No purchases" },
    reorder: { none: "No rhythm yet", scheduled: "Scheduled", due: "Remind", overdue: "Overdue to buy" },
    invoiceStatuses: { issued: "Unpaid", overdue: "Overdue", paid: "Paid", cancelled: "Cancelled" },
  },
};

export const exportWords = (language: Language): ExportWords => WORDS[language];

/** A stored code as its word, or the code itself for a value the words do not know yet. */
export const wordFor = <K extends string>(words: Record<K, string>, code: string | null): string | null =>
  code === null ? null : ((words as Record<string, string>)[code] ?? code);
