import { sql } from "drizzle-orm";
import type { Database } from "../src/db/connect.js";
import type { ScriptBody } from "../src/domain/scripts.js";
import { hashPassword } from "../src/features/auth/passwords.js";
import { saveCallList } from "../src/features/prospecting/callListSaver.js";
import { createScript } from "../src/features/prospecting/scriptSaver.js";
import type { Actor } from "../src/server/access/index.js";
import { CITY_RU, CITY_UA, FIRST, list, PEOPLE, phoneOf, POSITION, SECOND, SIZE, SOURCE, timed } from "./generate.js";

/**
 * The cold base for the calling benchmark, set-based like generate.ts: N cold companies with a
 * skewed spread of industries over 12 cities, one contact with one phone each, two timeline
 * entries each; 50 callers, one sales manager, one head; a call script and 10 call lists of 5
 * callers each, built by the application's own saveCallList (the code behind POST
 * /api/call-lists), then ANALYZE.
 */

export interface CallingSizes {
  companies: number;
  callers: number;
  lists: number;
}

export interface CallingLoadTimes {
  companiesMs: number;
  contactsMs: number;
  activitiesMs: number;
  listsMs: number;
  analyzeMs: number;
}

export const CALLER_PREFIX = "bench-caller-";
export const PASSWORD = "bench password";
export const HEAD = "bench-head";

/** 12 industries; a company's industry is slot `hash % 20` of this spread (wholesale and construction 15% each, …). */
const INDUSTRIES = [
  "Оптовая торговля", "Строительство", "Производство", "Логистика", "Сельское хозяйство", "IT",
  "Ритейл", "HoReCa", "Медицина", "Образование", "Автосервис", "Недвижимость",
] as const;
const INDUSTRY_SLOTS = list(...[0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10, 11].map((i) => INDUSTRIES[i]!));

/** The script every list uses; each answer path below ends with the outcome the load logs. */
export const SCRIPT: ScriptBody = {
  start: "greet",
  steps: [
    {
      id: "greet",
      say: "Добрый день! Подскажите, кто у вас отвечает за закупки?",
      answers: [
        { id: "secretary", label: "Секретарь, соединять не стала", outcome: "secretary" },
        { id: "wrong", label: "Это не та компания", outcome: "wrong_number" },
        { id: "dm", label: "Соединили с ответственным", next: "pitch" },
      ],
    },
    {
      id: "pitch",
      say: "Мы поставляем … Как вы сейчас решаете этот вопрос?",
      answers: [
        { id: "no", label: "Не интересно", outcome: "not_interested" },
        { id: "later", label: "Перезвоните позже", outcome: "callback" },
        { id: "yes", label: "Интересно", next: "qualify" },
      ],
    },
    {
      id: "qualify",
      say: "Какая потребность, в какие сроки?",
      answers: [
        { id: "ok", label: "Потребность и сроки есть", outcome: "interested" },
        { id: "hard", label: "Вопрос, на который не ответить", outcome: "hard_question" },
      ],
    },
  ],
};

/** Ten lists over the base: eight by industry, two by region (overlapping the others, as real lists do). */
const LISTS: Array<{ name: string; criteria: Record<string, unknown> }> = [
  { name: "Опт", criteria: { industries: ["Оптовая торговля"] } },
  { name: "Стройка", criteria: { industries: ["Строительство"] } },
  { name: "Производство", criteria: { industries: ["Производство"] } },
  { name: "Логистика", criteria: { industries: ["Логистика"] } },
  { name: "Агро", criteria: { industries: ["Сельское хозяйство"] } },
  { name: "Ритейл", criteria: { industries: ["Ритейл"] } },
  { name: "IT и HoReCa", criteria: { industries: ["IT", "HoReCa"] } },
  { name: "Медицина и образование", criteria: { industries: ["Медицина", "Образование"] } },
  { name: "Київ і Львів, середні та великі", criteria: { regions: ["Київ", "Львів"], sizes: ["medium", "large"] } },
  { name: "Москва и Петербург, без касаний 90 дней", criteria: { regions: ["Москва", "Санкт-Петербург"], notTouchedForDays: 90 } },
];

export async function generateCalling(database: Database, sizes: CallingSizes, log: (line: string) => void): Promise<CallingLoadTimes> {
  const run = (query: ReturnType<typeof sql>) => database.rows(query);
  const n = sizes.companies;
  const chunk = 250_000;
  const chunks = async (work: (from: number, to: number) => Promise<unknown>) => {
    for (let from = 1; from <= n; from += chunk) await work(from, Math.min(from + chunk - 1, n));
  };

  const companiesMs = await timed(`${n} companies, ${sizes.callers} callers, a manager, a head`, async () => {
    const hash = await hashPassword(PASSWORD);
    await run(sql`insert into users (username, full_name, role, password_hash, language)
      select ${CALLER_PREFIX} || lpad(g::text, 2, '0'), 'Оператор ' || g, 'caller', ${hash}, 'ru' from generate_series(1, ${sizes.callers}) g
      union all select 'bench-manager', 'Менеджер по продажам', 'manager', ${hash}, 'ru'
      union all select ${HEAD}, 'Руководитель', 'head', ${hash}, 'ru'`);
    await chunks((from, to) =>
      run(sql`insert into companies (legal_name, search_name, legal_id, legal_id_kind, industry, size, region, source, stage,
                                     last_touch_at, do_not_call, created_at, updated_at)
        select case when g % 2 = 0 then (array['ТОВ','ПП','ПрАТ','ФОП'])[1 + g / 2 % 4] else (array['ООО','АО','ПАО','ИП'])[1 + g / 2 % 4] end
                 || ' "' || name || '"',
               lower(name),
               case when g % 10 = 0 then null
                    when g % 2 = 0 then lpad(((g::bigint * 48271) % 100000000)::text, 8, '0')
                    else lpad(((g::bigint * 337897) % 10000000000)::text, 10, '0') end,
               case when g % 10 = 0 then null when g % 2 = 0 then 'edrpou' else 'inn' end,
               (${sql.raw(INDUSTRY_SLOTS)})[1 + abs(hashint4(g)) % 20],
               (${sql.raw(SIZE)})[1 + abs(hashint4(g + 17)) % 4],
               case when g % 2 = 0 then (${sql.raw(CITY_UA)})[1 + g / 2 % 6] else (${sql.raw(CITY_RU)})[1 + g / 2 % 6] end,
               (${sql.raw(SOURCE)})[1 + g / 7 % 6],
               'cold',
               case when g % 5 = 0 then now() - (abs(hashint4(g + 3)) % 730) * interval '1 day' end,
               g % 100 = 37,
               now() - (g % 1000) * interval '1 day', now() - (g % 100) * interval '1 day'
        from (select g, (${sql.raw(FIRST)})[1 + g % 40] || ' ' || (${sql.raw(SECOND)})[1 + g / 40 % 20] || ' ' || (g / 800) as name
              from generate_series(${from}::int, ${to}::int) g) s`),
    );
  }, log);

  // One contact with one phone per company: what the caller dials.
  const contactsMs = await timed("contacts and phones", () =>
    chunks(async (from, to) => {
      await run(sql`insert into contacts (company_id, full_name, position, emails, decision_maker)
        select c.id, (${sql.raw(PEOPLE)})[1 + c.id % 8], (${sql.raw(POSITION)})[1 + c.id % 5], array['office' || c.id || '@example.com'], c.id % 3 = 0
        from companies c where c.id between ${from} and ${to}`);
      await run(sql`insert into contact_phones (contact_id, company_id, e164)
        select id, company_id, ${phoneOf("id", "company_id")} from contacts where company_id between ${from} and ${to}`);
    }),
  log);

  // Two entries per company: the import note and an older touch (call, e-mail or note).
  const activitiesMs = await timed(`${2 * n} activities`, () =>
    chunks((from, to) =>
      run(sql`insert into activities (company_id, actor_id, kind, occurred_at, text, data)
        select c.id, null, kind, occurred_at, text, data from companies c
        cross join lateral (values
          ('note', c.created_at, 'Импорт холодной базы', '{}'::jsonb),
          ((array['call','email','note'])[1 + c.id % 3], least(c.created_at + (c.id % 90) * interval '1 day', now() - interval '1 day'),
           (array['Звонок: не дозвонился','Письмо с презентацией','Заметка: сезонный спрос'])[1 + c.id % 3],
           case when c.id % 3 = 0 then '{"outcome":"no_answer"}'::jsonb else '{}'::jsonb end)
        ) a(kind, occurred_at, text, data)
        where c.id between ${from} and ${to}`),
    ),
  log);

  const listsMs = await timed(`${sizes.lists} call lists of ${sizes.callers / sizes.lists} callers (saveCallList)`, async () => {
    const [head] = await database.rows<{ id: number }>(sql`select id from users where username = ${HEAD}`);
    const actor: Actor = { id: head!.id, username: HEAD, fullName: "Руководитель", role: "head", language: "ru" };
    const callers = (await database.rows<{ id: number }>(sql`select id from users where role = 'caller' and username like ${`${CALLER_PREFIX}%`} order by username`)).map((r) => r.id);
    const script = await createScript(database.db, actor, { name: "Холодный звонок", body: SCRIPT });
    const perList = Math.ceil(callers.length / sizes.lists);
    for (let i = 0; i < sizes.lists; i++) {
      const spec = LISTS[i % LISTS.length]!;
      const saved = await saveCallList(database.db, actor, {
        name: spec.name,
        criteria: spec.criteria,
        scriptId: script.id,
        callerIds: callers.slice(i * perList, (i + 1) * perList),
      });
      log(`    list "${saved.name}": ${saved.ready} companies, callers ${saved.callerIds.join(",")}`);
    }
  }, log);

  const analyzeMs = await timed("analyze", () => run(sql`analyze`), log);
  return { companiesMs, contactsMs, activitiesMs, listsMs, analyzeMs };
}
