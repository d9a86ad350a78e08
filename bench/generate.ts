import { sql } from "drizzle-orm";
import type { Database } from "../src/db/connect.js";
import { companySearchKey } from "../src/domain/companyNames.js";

/**
 * Set-based data for the benchmark: every table is filled by `insert … select … from
 * generate_series(…)`, so 2,000,000 rows take one statement per chunk instead of a round trip
 * per row. Values are derived from the row number (bijections keep phones and legal ids
 * unique); names are built so that their search key is simply `lower(name)`.
 */

export interface Sizes {
  companies: number;
  activities: number;
}

export interface LoadTimes {
  companiesMs: number;
  contactsMs: number;
  holdingsMs: number;
  activitiesMs: number;
  analyzeMs: number;
}

/** 24 tier workers: 8 callers, 8 managers, 8 account managers. */
const WORKERS = 24;

/** A SQL array literal of constant strings (ours, never user input). */
export const list = (...values: string[]) => `array[${values.map((v) => `'${v}'`).join(",")}]`;

// No "ё" and no word that is a legal form, so companySearchKey(`ТОВ "${name}"`) === lower(name).
export const FIRST = list(
  "Ромашка", "Альфа", "Вектор", "Строй", "Техно", "Агро", "Сибирь", "Урал", "Днепр", "Карпаты",
  "Галактика", "Меридиан", "Профи", "Энерго", "Транс", "Лидер", "Стандарт", "Прогресс", "Импульс", "Гранит",
  "Кристалл", "Восток", "Запад", "Север", "Металл", "Торг", "Сервис", "Ресурс", "Капитал", "Инвест",
  "Логистик", "Мастер", "Оптима", "Фортуна", "Атлант", "Орион", "Зенит", "Полюс", "Квант", "Світанок",
);
export const SECOND = list(
  "Трейд", "Групп", "Плюс", "Центр", "Холдинг", "Систем", "Снаб", "Маркет", "Комплект", "Пром",
  "Партнер", "Союз", "Инжиниринг", "Девелопмент", "Проект", "Экспорт", "Импорт", "Дистрибуция", "Агросвіт", "Буд",
);
export const CITY_UA = list("Київ", "Харків", "Одеса", "Дніпро", "Львів", "Запоріжжя");
export const CITY_RU = list("Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань", "Самара");
const INDUSTRY = list("Оптовая торговля", "Строительство", "Производство", "Логистика", "Сельское хозяйство", "IT", "Ритейл", "HoReCa");
export const SOURCE = list("cold_base", "website", "partner", "exhibition", "referral", "inbound_call");
export const SIZE = list("micro", "small", "medium", "large");
const UA_CODES = list("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99", "44");
const RU_CODES = list("916", "903", "905", "926", "985", "921", "913", "495", "812");
export const PEOPLE = list("Иван Петренко", "Ольга Коваль", "Сергей Смирнов", "Наталья Бондаренко", "Андрей Шевченко", "Марина Иванова", "Дмитрий Ткаченко", "Олена Мельник");
export const POSITION = list("Директор", "Закупщик", "Главный бухгалтер", "Менеджер по закупкам", "Начальник склада");

/** A unique E.164 phone for a number n < 5,000,000: odd companies are Russian, even ones Ukrainian. */
export const phoneOf = (n: string, companyId: string) => sql.raw(`case when ${companyId} % 2 = 0
    then '+380' || (${UA_CODES})[1 + (${n}) % 13] || lpad((((${n})::bigint * 7654321) % 10000000)::text, 7, '0')
    else '+7' || (${RU_CODES})[1 + (${n}) % 9] || lpad((((${n})::bigint * 7654321) % 10000000)::text, 7, '0') end`);

/** Tier workers numbered 0…23 with their tier (callers 1, managers 2, account managers 3). */
const workerSlots = sql.raw(`(select id, 1 + slot / 8 as tier, slot
  from (select id, (row_number() over (order by id) - 1)::int as slot from users where username like 'bench-worker-%') u)`);

export async function timed(label: string, work: () => Promise<unknown>, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  log(`  ${label}: ${(ms / 1000).toFixed(1)} s`);
  return ms;
}

export async function generate(database: Database, sizes: Sizes, log: (line: string) => void): Promise<LoadTimes> {
  const run = (query: ReturnType<typeof sql>) => database.rows(query);
  const n = sizes.companies;

  const companiesMs = await timed(`${n} companies, ${WORKERS} users`, async () => {
    await run(sql`insert into users (username, full_name, role, password_hash, language)
      select 'bench-worker-' || g, 'Работник ' || g, (array['caller','manager','account_manager'])[1 + (g - 1) / 8], 'not-a-password', 'ru'
      from generate_series(1, ${WORKERS}) g`);
    await run(sql`insert into companies (legal_name, search_name, legal_id, legal_id_kind, group_name, industry, size, region,
                                         source, stage, next_touch_at, created_at, updated_at)
      select case when g % 2 = 0 then (array['ТОВ','ПП','ПрАТ','ФОП'])[1 + g / 2 % 4] else (array['ООО','АО','ПАО','ИП'])[1 + g / 2 % 4] end
               || ' "' || name || '"',
             lower(name),
             case when g % 10 = 0 then null
                  when g % 2 = 0 then lpad(((g::bigint * 48271) % 100000000)::text, 8, '0')
                  else lpad(((g::bigint * 337897) % 10000000000)::text, 10, '0') end,
             case when g % 10 = 0 then null when g % 2 = 0 then 'edrpou' else 'inn' end,
             case when g % 50 = 0 then 'Группа ' || (g / 50 % 500) end,
             (${sql.raw(INDUSTRY)})[1 + g % 8],
             (${sql.raw(SIZE)})[1 + g / 3 % 4],
             case when g % 2 = 0 then (${sql.raw(CITY_UA)})[1 + g / 2 % 6] else (${sql.raw(CITY_RU)})[1 + g / 2 % 6] end,
             (${sql.raw(SOURCE)})[1 + g / 7 % 6],
             (array['cold','cold','cold','cold','cold','cold','lead','lead','customer','resting'])[1 + g / 11 % 10],
             case when g % 3 = 0 then now() + (g % 30) * interval '1 day' end,
             now() - (g % 1000) * interval '1 day', now() - (g % 100) * interval '1 day'
      from (select g, (${sql.raw(FIRST)})[1 + g % 40] || ' ' || (${sql.raw(SECOND)})[1 + g / 40 % 20]
                      || case when g % 3 = 0 then ' ' || (g / 800 % 300) else '' end as name
            from generate_series(1, ${n}) g) s`);
  }, log);

  // One contact per company, a second one for every other company; one phone each, a second for every fifth.
  const contactsMs = await timed("contacts and phones", async () => {
    await run(sql`insert into contacts (company_id, full_name, position, emails, decision_maker)
      select c.id, (${sql.raw(PEOPLE)})[1 + (c.id + k) % 8], (${sql.raw(POSITION)})[1 + (c.id + k) % 5],
             array['office' || c.id || '.' || k || '@example.com'], k = 1
      from companies c cross join generate_series(1, 2) k where k = 1 or c.id % 2 = 0`);
    await run(sql`insert into contact_phones (contact_id, company_id, e164)
      select id, company_id, ${phoneOf("id", "company_id")} from contacts
      union all
      select id, company_id, ${phoneOf("id + 2500000", "company_id")} from contacts where id % 5 = 0`);
  }, log);

  // An open holding for 60% of companies; a third also have an ended one before it.
  const holdingsMs = await timed("holdings", async () => {
    await run(sql`insert into holdings (company_id, user_id, tier, started_at, term_until, ended_at, end_reason)
      select c.id, w.id, w.tier, now() - interval '60 days', now() - interval '30 days', now() - interval '30 days', 'handed_over'
      from companies c join ${workerSlots} w on w.slot = (c.id + 5) % ${WORKERS}
      where c.id % 3 = 0`);
    await run(sql`insert into holdings (company_id, user_id, tier, started_at, term_until)
      select c.id, w.id, w.tier, now() - (c.id % 30) * interval '1 day', now() + (30 - c.id % 30) * interval '1 day'
      from companies c join ${workerSlots} w on w.slot = c.id % ${WORKERS}
      where c.id % 5 < 3`);
  }, log);

  // 80% spread evenly (8 per company), 10% on a hot 1% of companies (~100 each), 10% on 20 big accounts.
  const chunk = 250_000;
  const activitiesMs = await timed(`${sizes.activities} activities`, async () => {
    for (let from = 1; from <= sizes.activities; from += chunk) {
      const to = Math.min(from + chunk - 1, sizes.activities);
      await run(sql`insert into activities (company_id, actor_id, kind, occurred_at, text, data)
        select cid, 1 + g % ${WORKERS}, kind, now() - random() * interval '730 days',
               case kind when 'call' then 'Звонок: ' || (array['не дозвонился','перезвонить через неделю','интересно, выслать КП','отказ'])[1 + g % 4]
                         when 'note' then 'Заметка о клиенте №' || g
                         when 'email' then 'Письмо с прайсом' else null end,
               case kind when 'call' then jsonb_build_object('outcome', (array['no_answer','callback','interested','refused'])[1 + g % 4], 'seconds', g % 600)
                         else '{}'::jsonb end
        from (select g,
                     case when g % 10 < 8 then 1 + (g / 10 * 8 + g % 10) % ${n}
                          when g % 10 = 8 then 1 + (g / 10 % greatest(${n} / 100, 1)) * 100 % ${n}
                          else 1 + (g / 10 % 20) * 10007 % ${n} end as cid,
                     (array['call','call','call','email','meeting','note','proposal','stage_change'])[1 + g / 10 % 8] as kind
              from generate_series(${from}::int, ${to}::int) g) s`);
      log(`    … ${to} activities`);
    }
  }, log);

  const analyzeMs = await timed("analyze", () => run(sql`analyze`), log);
  await checkSearchKeys(database);
  return { companiesMs, contactsMs, holdingsMs, activitiesMs, analyzeMs };
}

/** The generated search_name must be what the application would compute, or name search measures nothing real. */
async function checkSearchKeys(database: Database): Promise<void> {
  const rows = await database.rows<{ legal_name: string; search_name: string }>(
    sql`select legal_name, search_name from companies where id % 97 = 0 limit 2000`,
  );
  const wrong = rows.find((r) => companySearchKey(r.legal_name) !== r.search_name);
  if (wrong) throw new Error(`search_name mismatch: ${wrong.legal_name} → ${wrong.search_name}, app says ${companySearchKey(wrong.legal_name)}`);
}

export interface Targets {
  companyIds: number[];
  /** Companies with many activities, for the timeline. */
  busyCompanyIds: number[];
  phonesFull: string[];
  phonesPartial: string[];
  legalIdPrefixes: string[];
  namePrefixes: string[];
}

/** Real values to search for, drawn at random from the loaded data. */
export async function pickTargets(database: Database, count: number): Promise<Targets> {
  const companies = await database.rows<{ id: number; legal_id: string | null; search_name: string; e164: string | null }>(
    sql`select c.id, c.legal_id, c.search_name, (select p.e164 from contact_phones p where p.company_id = c.id order by p.id limit 1) as e164
        from companies c where c.id in (select 1 + floor(random() * (select max(id) from companies))::int from generate_series(1, ${count}))`,
  );
  const busy = await database.rows<{ company_id: number }>(
    sql`select company_id from activities group by company_id order by count(*) desc limit 200`,
  );
  const rnd = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
  const phones = companies.map((c) => c.e164).filter((p): p is string => p !== null);
  return {
    companyIds: companies.map((c) => c.id),
    busyCompanyIds: busy.map((r) => r.company_id),
    // As typed: Ukrainian numbers in national form ("0671234567"), Russian ones with +7.
    phonesFull: phones.map((p) => (p.startsWith("+380") ? `0${p.slice(4)}` : p)),
    // A partial number: "067123" (Ukrainian national form) or "+7916123".
    phonesPartial: phones.map((p) => (p.startsWith("+380") ? `0${p.slice(4, 4 + rnd(5, 7))}` : p.slice(0, 2 + rnd(5, 7)))),
    legalIdPrefixes: companies.flatMap((c) => (c.legal_id ? [c.legal_id.slice(0, rnd(5, c.legal_id.length))] : [])),
    // What a person types: the start of the first word, 3 to 8 letters.
    namePrefixes: companies.map((c) => c.search_name.slice(0, rnd(3, Math.min(8, c.search_name.indexOf(" ") > 0 ? c.search_name.indexOf(" ") : 8)))),
  };
}
