import type { ColumnMapping, ImportField } from "./fields.js";
import { MULTI_COLUMN_FIELDS } from "./fields.js";

/**
 * Column headers as people write them: "Тел.", "E-mail", "Код ЄДРПОУ", "ИНН/КПП". A header is
 * compared folded: lower case, ё as е, punctuation as spaces, spaces collapsed.
 */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[’ʼ`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .replace(/'/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A file's shape: its folded headers in order, trailing empty ones dropped. Files exported by
 * the same tool carry the same signature, so the mapping chosen for one is offered for the next.
 */
export function fileSignature(headers: readonly string[]): string {
  const folded = headers.map(normaliseHeader);
  while (folded.length && folded[folded.length - 1] === "") folded.pop();
  return folded.join(" | ");
}

/**
 * What headers mean, in Russian, Ukrainian and English (folded). A synonym starting with "="
 * must be the whole header: "дата" alone is an order date, "дата создания" is not; others may
 * also be a phrase within a longer header ("Телефон мобильный", "Назва компанії повна").
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  legalName: [
    "компания", "название", "название компании", "наименование", "наименование организации", "наименование компании", "организация",
    "клиент", "контрагент", "юрлицо", "юридическое лицо", "компанія", "назва", "назва компанії", "найменування", "організація",
    "клієнт", "юрособа", "юридична особа", "company", "company name", "organization", "organisation", "account name", "client",
    "customer", "legal name", "=name", "=account",
  ],
  legalId: [
    "инн", "ипн", "егрпоу", "едрпоу", "код егрпоу", "код едрпоу", "єдрпоу", "код єдрпоу", "іпн", "рнокпп", "ідентифікаційний код",
    "идентификационный код", "налоговый номер", "податковий номер", "tax id", "inn", "edrpou", "legal id", "vat number", "=vat",
  ],
  phone: [
    "телефон", "телефоны", "тел", "моб", "мобильный", "номер телефона", "контактный телефон", "телефони", "мобільний", "номер телефону",
    "phone", "phones", "tel", "mobile", "phone number", "cell", "telephone",
  ],
  email: ["email", "e mail", "эл почта", "электронная почта", "почта", "емейл", "имейл", "ел пошта", "електронна пошта", "пошта", "mail", "emails"],
  contactName: [
    "контактное лицо", "контакт", "фио", "ф и о", "имя", "пиб", "піб", "п і б", "контактна особа", "ім я", "представитель", "представник",
    "лпр", "contact", "contact name", "contact person", "full name", "person",
  ],
  position: ["должность", "посада", "position", "job title", "=title", "role"],
  industry: ["отрасль", "сфера", "сфера деятельности", "вид деятельности", "галузь", "сфера діяльності", "вид діяльності", "industry", "sector"],
  region: ["регион", "область", "город", "край", "регіон", "місто", "region", "city", "oblast", "=state"],
  size: ["размер", "размер компании", "масштаб", "розмір", "розмір компанії", "size", "company size"],
  groupName: ["группа", "холдинг", "группа компаний", "група", "група компаній", "holding", "group", "company group"],
  source: ["источник", "джерело", "source", "lead source", "канал", "канал привлечения", "канал залучення"],
  orderDate: ["дата заказа", "дата покупки", "дата продажи", "=дата", "дата замовлення", "дата продажу", "order date", "purchase date", "=date", "sale date"],
  productName: ["товар", "продукт", "номенклатура", "наименование товара", "название товара", "назва товару", "товар послуга", "product", "item", "product name"],
  quantity: ["количество", "кол во", "кількість", "к сть", "qty", "quantity"],
  amount: ["сумма", "стоимость", "сумма заказа", "сумма продажи", "сума", "вартість", "сума замовлення", "amount", "total", "=sum"],
  currency: ["валюта", "currency"],
};

interface Synonym {
  field: ImportField;
  phrase: string;
  wholeOnly: boolean;
}

const ALL_SYNONYMS: Synonym[] = Object.entries(SYNONYMS).flatMap(([field, phrases]) =>
  phrases.map((p) => ({ field: field as ImportField, phrase: p.replace(/^=/, ""), wholeOnly: p.startsWith("=") })),
);

/** How well a header means a field: a whole-header match beats a phrase inside it; a longer phrase beats a shorter one. */
function score(header: string, synonym: Synonym): number {
  if (header === synonym.phrase) return 1000 + synonym.phrase.length;
  if (synonym.wholeOnly) return 0;
  return ` ${header} `.includes(` ${synonym.phrase} `) ? synonym.phrase.length : 0;
}

/** The field a header most likely means, or null. */
export function guessField(header: string): ImportField | null {
  const folded = normaliseHeader(header);
  if (!folded) return null;
  let best: { field: ImportField; score: number } | null = null;
  for (const synonym of ALL_SYNONYMS) {
    const s = score(folded, synonym);
    if (s > 0 && (!best || s > best.score)) best = { field: synonym.field, score: s };
  }
  return best?.field ?? null;
}

/**
 * A mapping guessed from the headers: each column its likeliest field; a single-column field goes
 * to its first column only (a second "Компания" column is left for the person to decide).
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = guessField(header);
    if (!field) return null;
    if (taken.has(field) && !MULTI_COLUMN_FIELDS.includes(field)) return null;
    taken.add(field);
    return field;
  });
}
