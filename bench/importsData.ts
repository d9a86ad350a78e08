import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { edrpouCheckDigit, innCheckDigits } from "../src/domain/legalIds.js";

/**
 * The file the import benchmark brings in: a client base as a Ukrainian or Russian team's
 * spreadsheet holds it — company, tax id, two phones, an email, industry, region — written as
 * Excel with Cyrillic regional settings saves a CSV (UTF-8, `;`, CR LF). Every value is derived
 * from the row number (bijections keep tax ids, phones and emails unique), so the same sizes
 * always give the same file.
 *
 * Most rows create a company. One row in a hundred (from row 3,002 on) repeats the company of
 * the row 3,001 lines above it — same tax id, a new email — so it merges into a company an
 * earlier batch committed; one row in two hundred carries a phone that is too short and is
 * rejected. The bench checks the import's counts and the base against these numbers.
 */
export const HEADER = ["Компания", "Код ЄДРПОУ / ИНН", "Телефон", "Телефон 2", "Email", "Отрасль", "Регион"];

/** The mapping the import must guess from HEADER (the bench checks it before running). */
export const EXPECTED_MAPPING = ["legalName", "legalId", "phone", "phone", "email", "industry", "region"] as const;

const FORMS_UA = ["ТОВ", "ПП", "ПрАТ", "ФОП"];
const FORMS_RU = ["ООО", "АО", "ПАО", "ИП"];
const FIRST = [
  "Ромашка", "Альфа", "Вектор", "Строй", "Техно", "Агро", "Сибирь", "Урал", "Днепр", "Карпаты",
  "Галактика", "Меридиан", "Профи", "Энерго", "Транс", "Лидер", "Стандарт", "Прогресс", "Импульс", "Гранит",
  "Кристалл", "Восток", "Запад", "Север", "Металл", "Торг", "Сервис", "Ресурс", "Капитал", "Інвест",
  "Логістик", "Майстер", "Оптима", "Фортуна", "Атлант", "Оріон", "Зеніт", "Полюс", "Квант", "Світанок",
];
const SECOND = [
  "Трейд", "Групп", "Плюс", "Центр", "Холдинг", "Систем", "Снаб", "Маркет", "Комплект", "Пром",
  "Партнер", "Союз", "Инжиниринг", "Девелопмент", "Проект", "Експорт", "Імпорт", "Дистрибуція", "Агросвіт", "Буд",
];
const INDUSTRIES = [
  "Оптовая торговля", "Строительство", "Производство", "Логистика", "Сельское хозяйство", "IT", "Ритейл", "HoReCa",
  "Фармацевтика", "Енергетика", "Автосервіс", "Меблі",
];
const REGIONS = [
  "Київ", "Харків", "Одеса", "Дніпро", "Львів", "Запоріжжя", "Вінниця", "Полтава", "Чернігів", "Суми", "Житомир", "Рівне",
  "Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань", "Самара",
];
/** Ukrainian mobile operators' codes. */
const MOBILE_CODES = ["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"];

export interface RowKinds {
  rows: number;
  /** Rows that create a company. */
  created: number;
  /** Rows that repeat an earlier row's company with a new email. */
  merged: number;
  /** Rows with a phone that is too short. */
  rejected: number;
  /** "imported" timeline entries: one per company and batch that created or changed it. */
  entries: number;
}

const MERGE_DISTANCE = 3001;
const isMerge = (i: number) => i % 100 === 50 && i > MERGE_DISTANCE;
const isReject = (i: number) => i % 200 === 7;

/** What importing `rows` rows in batches of `batchSize` must do (a merge in its company's own batch shares its entry). */
export function rowKinds(rows: number, batchSize: number): RowKinds {
  let merged = 0;
  let rejected = 0;
  let mergedLater = 0;
  const batchOf = (i: number) => Math.floor((i - 1) / batchSize);
  for (let i = 1; i <= rows; i++) {
    if (isMerge(i)) {
      merged++;
      if (batchOf(i) !== batchOf(i - MERGE_DISTANCE)) mergedLater++;
    } else if (isReject(i)) rejected++;
  }
  const created = rows - merged - rejected;
  return { rows, created, merged, rejected, entries: created + mergedLater };
}

/** A unique tax id per row: 70 % EDRPOU (8 digits), 30 % a 10-digit INN / RNOKPP. */
function legalIdOf(i: number): string {
  if (i % 10 < 7) {
    const body = String(1_000_000 + ((i * 7919) % 9_000_000));
    return body + edrpouCheckDigit(body);
  }
  const body = String(100_000_000 + ((i * 7_654_321) % 900_000_000));
  return body + innCheckDigits(body);
}

/** A unique Ukrainian mobile for n < 30,000,000, written the ways people write them. */
function phoneOf(n: number): string {
  const code = MOBILE_CODES[n % MOBILE_CODES.length]!;
  const sub = String((n * 7_654_321) % 10_000_000).padStart(7, "0");
  switch (n % 4) {
    case 0:
      return `0${code} ${sub.slice(0, 3)} ${sub.slice(3, 5)} ${sub.slice(5)}`;
    case 1:
      return `+380 ${code} ${sub.slice(0, 3)} ${sub.slice(3)}`;
    case 2:
      return `(0${code}) ${sub.slice(0, 3)}-${sub.slice(3, 5)}-${sub.slice(5)}`;
    default:
      return `380${code}${sub}`;
  }
}

const quoted = (text: string) => (/[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function companyOf(i: number): { name: string; legalId: string } {
  const ua = i % 2 === 0;
  const form = (ua ? FORMS_UA : FORMS_RU)[(i >> 1) % 4]!;
  const core = `${FIRST[i % FIRST.length]!} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]!} ${i}`;
  // Half the names in typographic quotes, half in straight ones (which CSV must quote).
  const name = i % 3 === 0 ? `${form} «${core}»` : `${form} "${core}"`;
  return { name, legalId: legalIdOf(i) };
}

export function rowOf(i: number): string[] {
  const industry = INDUSTRIES[i % INDUSTRIES.length]!;
  const region = REGIONS[(i * 7) % REGIONS.length]!;
  if (isMerge(i)) {
    const earlier = companyOf(i - MERGE_DISTANCE);
    return [earlier.name, earlier.legalId, "", "", `buh${i}@firma${i % 997}.com.ua`, industry, region];
  }
  const { name, legalId } = companyOf(i);
  const phone2 = isReject(i) ? "067 12" : phoneOf(2 * i + 1);
  return [name, legalId, phoneOf(2 * i), phone2, `sales${i}@firma${i % 997}.com.ua`, industry, region];
}

/** Writes the file (streamed, a few MB at a time); answers its size in bytes. */
export async function writeImportFile(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`\uFEFF${HEADER.join(";")}\r\n`);
  let chunk = "";
  for (let i = 1; i <= rows; i++) {
    chunk += `${rowOf(i).map(quoted).join(";")}\r\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  out.end();
  await once(out, "finish");
  return bytes;
}
