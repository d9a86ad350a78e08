import type { RejectCode } from "../../domain/imports/rowValidation.js";
import type { Language } from "../../server/errors.js";

/** Why a row was rejected, in the words of the person fixing the file (the error report's reason column). */
const REASONS: Record<RejectCode, Record<Language, string>> = {
  legal_name_missing: {
    en: "No company name: a new company needs one",
    ru: "Нет названия компании: без него новую компанию не создать",
    uk: "Немає назви компанії: без неї нову компанію не створити",
  },
  identifier_missing: {
    en: "No tax id, phone or email to find the company by and reach it",
    ru: "Нет ИНН/ЕГРПОУ, телефона или email, по которым компанию можно найти и с ней связаться",
    uk: "Немає ЄДРПОУ/ІПН, телефону чи email, за якими компанію можна знайти й зв'язатися з нею",
  },
  legal_id_invalid: { en: "The tax id (INN / EDRPOU) is not valid", ru: "ИНН / ЕГРПОУ недействителен", uk: "ЄДРПОУ / ІПН недійсний" },
  phone_invalid: { en: "The phone number is not valid", ru: "Номер телефона недействителен", uk: "Номер телефону недійсний" },
  email_invalid: { en: "The email address is not valid", ru: "Адрес электронной почты недействителен", uk: "Адреса електронної пошти недійсна" },
  size_invalid: {
    en: "Unknown company size (micro, small, medium or large)",
    ru: "Неизвестный размер компании (микро, малая, средняя или крупная)",
    uk: "Невідомий розмір компанії (мікро, мала, середня або велика)",
  },
  value_too_long: { en: "A cell is too long (over 500 characters)", ru: "Слишком длинное значение (больше 500 символов)", uk: "Задовге значення (понад 500 символів)" },
  source_unknown: { en: "No lead source with this name", ru: "Нет источника лидов с таким названием", uk: "Немає джерела лідів із такою назвою" },
  source_inactive: { en: "This lead source is switched off", ru: "Этот источник лидов отключён", uk: "Це джерело лідів вимкнено" },
  purchase_incomplete: { en: "A purchase needs a date, a product and an amount", ru: "Для покупки нужны дата, товар и сумма", uk: "Для покупки потрібні дата, товар і сума" },
  date_invalid: {
    en: "The date is not recognised (dd.mm.yyyy or yyyy-mm-dd)",
    ru: "Дата не распознана (дд.мм.гггг или гггг-мм-дд)",
    uk: "Дату не розпізнано (дд.мм.рррр або рррр-мм-дд)",
  },
  date_in_future: { en: "The purchase is dated in the future", ru: "Покупка датирована будущим числом", uk: "Покупку датовано майбутнім числом" },
  quantity_invalid: { en: "The quantity must be a whole number above zero", ru: "Количество должно быть целым числом больше нуля", uk: "Кількість має бути цілим числом, більшим за нуль" },
  amount_invalid: { en: "The amount is not recognised", ru: "Сумма не распознана", uk: "Суму не розпізнано" },
  currency_invalid: { en: "Unknown currency", ru: "Неизвестная валюта", uk: "Невідома валюта" },
  ambiguous_match: {
    en: "The row matches several companies in the base: join them or correct the row",
    ru: "Строка совпадает с несколькими компаниями в базе: объедините их или исправьте строку",
    uk: "Рядок збігається з кількома компаніями в базі: об'єднайте їх або виправте рядок",
  },
  legal_id_conflict: {
    en: "The row's phone or email belongs to a company with another tax id",
    ru: "Телефон или email строки принадлежит компании с другим ИНН/ЕГРПОУ",
    uk: "Телефон або email рядка належить компанії з іншим ЄДРПОУ/ІПН",
  },
};

export const rejectReason = (code: string, language: Language): string => REASONS[code as RejectCode]?.[language] ?? code;

export const REPORT_LABELS: Record<Language, { line: string; reason: string; value: string; code: string }> = {
  en: { line: "Line", reason: "Reason", value: "Value", code: "Code" },
  ru: { line: "Строка", reason: "Причина", value: "Значение", code: "Код" },
  uk: { line: "Рядок", reason: "Причина", value: "Значення", code: "Код" },
};
