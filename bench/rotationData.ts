import pg from "pg";
import { CITY_RU, CITY_UA, FIRST, list, SECOND, SIZE, SOURCE } from "./generate.js";

/**
 * Data for the rotation benchmark (issue #6), set-based on one connection: ~100 users, N
 * companies, ~N holdings (60 % open in tiers 1–3, the rest ended), ~10·N timeline entries,
 * orders, open deals and a few thousand rests. Company g (ids 1…N on a fresh database) gets
 * its part of the conveyor from its range, and its dates from hashes of g, so a rerun loads the
 * same base:
 *
 * | companies          | stage               | holdings                                                                |
 * |--------------------|---------------------|-------------------------------------------------------------------------|
 * | first 12 %         | customer            | tier 2 ended `sold` (2/3) or `handed_over` (1/3), then tier 3 open: the sale cases |
 * | next 20 %          | lead                | tier 2 open with a 45-day term (5 % without one), 2 % extended; half came from a caller (`handed_over`), 15 % from another manager (`transferred`) |
 * | next 28 %          | cold                | tier 1 open (no terms in tier 1); 10 % after an earlier caller (`reassigned` / `transferred`) |
 * | next 11 %          | cold / archived     | one ended holding: tier 2 `lost`, tier 1 or 2 `rotated`, tier 1 `archived` |
 * | next `rests`       | resting             | tier 1 or 2 ended `rotated`, an open rest ending from yesterday to 13 days ahead (~2/15 due) |
 * | the rest (~29 %)   | cold                | none                                                                    |
 *
 * Last touch within 60 days (8 % never); holdings started within 150 days (leads) or 180 days
 * (callers); orders: two per customer, one since the holding started for 10 % of the leads.
 * Foreign-key triggers are off while loading (session_replication_role = replica); every
 * reference is checked afterwards.
 */

export interface RotationSizes {
  companies: number;
  activities: number;
  rests: number;
}

export interface RotationLoadTimes {
  usersCompaniesMs: number;
  holdingsMs: number;
  ordersDealsRestsMs: number;
  activitiesMs: number;
  checkMs: number;
  vacuumMs: number;
}

/** The team: ~100 people. One caller and one manager have left (inactive): rests that picked them pick again. */
export const TEAM = { callers: 40, managers: 30, accountManagers: 26, backOffice: 2 } as const;
export const HEAD = "bench-head";

const INDUSTRIES = ["Оптовая торговля", "Строительство", "Производство", "Логистика", "Сельское хозяйство", "IT", "Ритейл", "HoReCa"];
const INDUSTRY = list(...INDUSTRIES);

export async function connectLoader(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // References hold by construction (checked after the load): skip the per-row foreign-key triggers.
  await client.query("set work_mem = '256MB'; set maintenance_work_mem = '512MB'; set synchronous_commit = off; set session_replication_role = replica");
  return client;
}

export async function timed(label: string, work: () => Promise<unknown>, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  log(`  ${label}: ${(ms / 1000).toFixed(1)} s`);
  return ms;
}

/** The company ranges (inclusive upper ids) of the table above. */
export function rangesOf(sizes: RotationSizes) {
  const n = sizes.companies;
  const customers = Math.round(n * 0.12);
  const leads = Math.round(n * 0.32);
  const held = Math.round(n * 0.6);
  const ended = Math.round(n * 0.71);
  const resting = Math.min(n, ended + sizes.rests);
  return { customers, leads, held, ended, resting, n };
}

export async function generateRotation(client: pg.Client, sizes: RotationSizes, log: (line: string) => void): Promise<RotationLoadTimes> {
  const r = rangesOf(sizes);
  // One "now" for the whole load, so dates computed in different statements agree.
  const T = `'${new Date().toISOString()}'::timestamptz`;
  const run = (text: string) => client.query(text);
  const chunk = 100_000;
  const chunks = async (from: number, to: number, size: number, work: (a: number, b: number) => Promise<unknown>) => {
    for (let a = from; a <= to; a += size) await work(a, Math.min(a + size - 1, to));
  };
  // h(k): a stable non-negative hash of the company id and a salt.
  const h = (k: number, id = "g") => `abs(hashint4(${id} * 7 + ${k}))`;

  const usersCompaniesMs = await timed(`~100 users, ${r.n} companies`, async () => {
    await run(`insert into users (username, full_name, role, password_hash, language, active)
      select 'bench-caller-' || lpad(g::text, 2, '0'), 'Оператор ' || g, 'caller', 'not-a-password', 'ru', g <> ${TEAM.callers} from generate_series(1, ${TEAM.callers}) g
      union all select 'bench-manager-' || lpad(g::text, 2, '0'), 'Менеджер ' || g, 'manager', 'not-a-password', 'ru', g <> ${TEAM.managers} from generate_series(1, ${TEAM.managers}) g
      union all select 'bench-am-' || lpad(g::text, 2, '0'), 'Аккаунт-менеджер ' || g, 'account_manager', 'not-a-password', 'ru', true from generate_series(1, ${TEAM.accountManagers}) g
      union all select 'bench-office-' || g, 'Бэк-офис ' || g, 'back_office', 'not-a-password', 'ru', true from generate_series(1, ${TEAM.backOffice}) g
      union all select 'bench-admin', 'Администратор', 'admin', 'not-a-password', 'en', true
      union all select ${`'${HEAD}'`}, 'Руководитель отдела продаж', 'head', 'not-a-password', 'en', true`);
    await chunks(1, r.n, 250_000, (a, b) =>
      run(`insert into companies (legal_name, search_name, legal_id, legal_id_kind, group_name, industry, size, region, source, stage,
                                  last_touch_at, created_at, updated_at)
        select case when g % 2 = 0 then (array['ТОВ','ПП','ПрАТ','ФОП'])[1 + g / 2 % 4] else (array['ООО','АО','ПАО','ИП'])[1 + g / 2 % 4] end
                 || ' "' || name || '"',
               lower(name),
               case when g % 10 = 0 then null
                    when g % 2 = 0 then lpad(((g::bigint * 48271) % 100000000)::text, 8, '0')
                    else lpad(((g::bigint * 337897) % 10000000000)::text, 10, '0') end,
               case when g % 10 = 0 then null when g % 2 = 0 then 'edrpou' else 'inn' end,
               case when g % 25 = 0 then 'Группа ' || (g / 25 % 2000) end,
               (${INDUSTRY})[1 + ${h(1)} % 8],
               (${SIZE})[1 + ${h(2)} % 4],
               case when g % 2 = 0 then (${CITY_UA})[1 + g / 2 % 6] else (${CITY_RU})[1 + g / 2 % 6] end,
               (${SOURCE})[1 + g / 7 % 6],
               case when g <= ${r.customers} then 'customer' when g <= ${r.leads} then 'lead'
                    when g > ${r.held} and g <= ${r.ended} and ${h(3)} % 4 = 3 then 'archived' else 'cold' end,
               case when ${h(5)} % 100 < 8 then null else ${T} - (${h(6)} % (60 * 24 * 60)) * interval '1 minute' end,
               ${T} - interval '800 days' + (g % 100) * interval '1 day', ${T} - (g % 60) * interval '1 day'
        from (select g, (${FIRST})[1 + g % 40] || ' ' || (${SECOND})[1 + g / 40 % 20] || ' ' || (g / 800) as name
              from generate_series(${a}::int, ${b}::int) g) s`),
    );
    const { rows } = await client.query<{ min: number; max: number; n: string }>("select min(id) as min, max(id) as max, count(*) as n from companies");
    if (rows[0]!.min !== 1 || rows[0]!.max !== r.n) throw new Error(`bench: companies must be numbered 1…${r.n} (a fresh database), got ${rows[0]!.min}…${rows[0]!.max}`);
  }, log);

  // Arrays of the team's ids by role (active people hold; anyone may have been picked for after a rest).
  const team = `(select array_agg(id order by id) filter (where role = 'caller' and active) as callers,
                        array_agg(id order by id) filter (where role = 'manager' and active) as managers,
                        array_agg(id order by id) filter (where role = 'account_manager') as ams,
                        array_agg(id order by id) filter (where role = 'caller') as all_callers,
                        array_agg(id order by id) filter (where role = 'manager') as all_managers from users)`;
  const pick = (arr: string, k: number) => `${arr}[1 + ${h(k)} % cardinality(${arr})]`;
  // Open holdings' start: leads within 150 days, callers within 180 days (minutes, so ties are rare).
  const leadStart = `${T} - (${h(11)} % (150 * 24 * 60)) * interval '1 minute'`;
  const coldStart = `${T} - (${h(11)} % (180 * 24 * 60)) * interval '1 minute'`;
  // Customers: the tier-2 holding ran 7…56 days, longer in some industries (so segments differ).
  const saleStart = `${T} - (200 + ${h(12)} % 400) * interval '1 day'`;
  const saleDays = `(7 + ${h(13)} % 50 + (${h(1)} % 8) * 6)`;

  const holdingsMs = await timed("holdings (ended first, then open)", async () => {
    // Ended holdings, in the order they happened per company kind.
    await chunks(1, r.resting, chunk, (a, b) =>
      run(`insert into holdings (company_id, user_id, tier, started_at, ended_at, end_reason, term_until)
        select g, x.user_id, x.tier, x.started_at, x.ended_at, x.end_reason, x.term_until
        from generate_series(${a}::int, ${b}::int) g cross join ${team} t
        cross join lateral (
          select case when g <= ${r.customers} then ${pick("t.managers", 14)}
                      when g <= ${r.leads} then case when ${h(15)} % 20 < 10 then ${pick("t.callers", 14)} else ${pick("t.managers", 14)} end
                      when g <= ${r.held} then ${pick("t.callers", 14)}
                      when g <= ${r.ended} then case when ${h(3)} % 4 in (0, 2) then ${pick("t.managers", 14)} else ${pick("t.callers", 14)} end
                      else case when g % 2 = 0 then ${pick("t.managers", 14)} else ${pick("t.callers", 14)} end end as user_id,
                 case when g <= ${r.customers} then 2
                      when g <= ${r.leads} then case when ${h(15)} % 20 < 10 then 1 else 2 end
                      when g <= ${r.held} then 1
                      when g <= ${r.ended} then case when ${h(3)} % 4 in (0, 2) then 2 else 1 end
                      else 2 - g % 2 end as tier,
                 case when g <= ${r.customers} then ${saleStart}
                      when g <= ${r.leads} then ${leadStart} - (5 + ${h(16)} % 60) * interval '1 day'
                      when g <= ${r.held} then ${coldStart} - (20 + ${h(16)} % 90) * interval '1 day'
                      when g <= ${r.ended} then ${T} - (100 + ${h(16)} % 500) * interval '1 day'
                      else ${T}::date + (${h(17)} % 15 - 15 - 31) * interval '1 day' + interval '9 hours' end as started_at,
                 case when g <= ${r.customers} then ${saleStart} + ${saleDays} * interval '1 day'
                      when g <= ${r.leads} then ${leadStart}
                      when g <= ${r.held} then ${coldStart}
                      when g <= ${r.ended} then ${T} - (100 + ${h(16)} % 500) * interval '1 day' + (30 + ${h(18)} % 60) * interval '1 day'
                      else ${T}::date + (${h(17)} % 15 - 15) * interval '1 day' + interval '9 hours' end as ended_at,
                 case when g <= ${r.customers} then case when ${h(19)} % 3 = 0 then 'handed_over' else 'sold' end
                      when g <= ${r.leads} then case when ${h(15)} % 20 < 10 then 'handed_over' else 'transferred' end
                      when g <= ${r.held} then case when ${h(15)} % 20 < 2 then 'reassigned' else 'transferred' end
                      when g <= ${r.ended} then (array['lost','rotated','rotated','archived'])[1 + ${h(3)} % 4]
                      else 'rotated' end as end_reason,
                 null::timestamptz as term_until
        ) x
        where g <= ${r.customers}
           or (g <= ${r.leads} and ${h(15)} % 20 < 13)
           or (g > ${r.leads} and g <= ${r.held} and ${h(15)} % 20 < 4)
           or g > ${r.held}`),
    );
    // Open holdings: account managers (customers), managers with terms (leads), callers (held cold).
    await chunks(1, r.held, chunk, (a, b) =>
      run(`insert into holdings (company_id, user_id, tier, started_at, term_until, extended_until, queue_day)
        select g,
               case when g <= ${r.customers} then ${pick("t.ams", 20)} when g <= ${r.leads} then ${pick("t.managers", 20)} else ${pick("t.callers", 20)} end,
               case when g <= ${r.customers} then 3 when g <= ${r.leads} then 2 else 1 end,
               s.started_at,
               case when g > ${r.customers} and g <= ${r.leads} and ${h(21)} % 20 <> 19
                    then greatest(s.started_at + interval '45 days', case when ${h(22)} % 50 = 7 then ${T} + (5 + ${h(23)} % 25) * interval '1 day' end) end,
               case when g > ${r.customers} and g <= ${r.leads} and ${h(22)} % 50 = 7 then ${T} + (5 + ${h(23)} % 25) * interval '1 day' end,
               case when g > ${r.customers} and g <= ${r.leads} then (s.started_at at time zone 'Europe/Kyiv')::date end
        from generate_series(${a}::int, ${b}::int) g cross join ${team} t
        cross join lateral (select case when g <= ${r.customers} then ${saleStart} + ${saleDays} * interval '1 day'
                                        when g <= ${r.leads} then ${leadStart} else ${coldStart} end as started_at) s`),
    );
    // Resting companies: the stage after their holdings (the trigger refuses a holding on a resting company).
    await run(`update companies set stage = 'resting' where id > ${r.ended} and id <= ${r.resting}`);
  }, log);

  const ordersDealsRestsMs = await timed("orders, open deals, rests", async () => {
    // Two orders per customer (the sale, a repeat), one since the holding started for 10 % of the leads.
    await run(`insert into orders (company_id, ordered_at, currency, total_minor)
      select h.company_id, o.at, 'UAH', 100000 + ${h(30, "h.company_id")} % 5000000
      from holdings h cross join lateral (values (h.started_at), (least(${T} - interval '1 hour', h.started_at + (20 + ${h(31, "h.company_id")} % 200) * interval '1 day'))) o(at)
      where h.ended_at is null and h.tier = 3
      union all
      select h.company_id, h.started_at + (${T} - h.started_at) / 2, 'UAH', 50000 + ${h(30, "h.company_id")} % 2000000
      from holdings h where h.ended_at is null and h.tier = 2 and ${h(32, "h.company_id")} % 10 = 3`);
    await run(`insert into deals (company_id, manager_id, stage, opened_at)
      select h.company_id, h.user_id, (array['first_contact','need_identified','proposal_sent','negotiation'])[1 + ${h(33, "h.company_id")} % 4], h.started_at
      from holdings h where h.ended_at is null and h.tier = 2`);
    const headId = `(select id from users where username = '${HEAD}')`;
    await run(`insert into rests (company_id, from_user_id, tier, stage_before, started_at, until_on, next_holder_id, decided_by)
      select h.company_id, h.user_id, h.tier, case h.tier when 1 then 'cold' else 'lead' end, h.ended_at, h.ended_at::date + 14,
             case when ${h(34, "h.company_id")} % 3 = 0 then null
                  when h.tier = 1 then t.all_callers[1 + ${h(35, "h.company_id")} % cardinality(t.all_callers)]
                  else t.all_managers[1 + ${h(35, "h.company_id")} % cardinality(t.all_managers)] end,
             ${headId}
      from holdings h cross join ${team} t where h.company_id > ${r.ended} and h.company_id <= ${r.resting}`);
  }, log);

  // The timeline: 1 … 2m−1 entries per company (mean m = activities / companies), oldest first.
  const perCompany = Math.max(1, Math.round(sizes.activities / sizes.companies));
  const activitiesMs = await timed(`~${sizes.activities} activities`, async () => {
    await chunks(1, r.n, 50_000, async (a, b) => {
      await run(`insert into activities (company_id, actor_id, kind, occurred_at, text, data)
        select c.id, case when k.kind in ('call', 'email', 'meeting', 'note') then t.callers[1 + (c.id + i) % cardinality(t.callers)] end,
               k.kind, c.created_at + (${T} - c.created_at) * (i::float8 / n.n) - (${h(40, "(c.id + i)")} % 1440) * interval '1 minute',
               case k.kind when 'call' then 'Звонок: ' || (array['не дозвонился','перезвонить через неделю','интересно, выслать КП','отказ'])[1 + (c.id + i) % 4]
                           when 'note' then 'Заметка о клиенте №' || c.id
                           when 'email' then 'Письмо с прайсом'
                           when 'meeting' then 'Встреча в офисе клиента' else null end,
               case k.kind when 'call' then jsonb_build_object('outcome', (array['no_answer','callback','interested','not_interested'])[1 + (c.id + i) % 4], 'seconds', (c.id + i) % 600)
                           else '{}'::jsonb end
        from companies c cross join ${team} t
        cross join lateral (select 1 + ${h(41, "c.id")} % ${2 * perCompany - 1} as n) n
        cross join lateral generate_series(1, n.n) i
        cross join lateral (select (array['call','call','call','call','call','email','email','note','meeting','stage_changed'])[1 + ${h(42, "(c.id * 31 + i)")} % 10] as kind) k
        where c.id between ${a} and ${b}`);
      if (b % 250_000 === 0 || b === r.n) log(`    … companies up to ${b}`);
    });
  }, log);

  const checkMs = await timed("references checked", async () => {
    const { rows } = await client.query<{ bad: string }>(`select
        (select count(*) from holdings h where not exists (select 1 from companies c where c.id = h.company_id) or not exists (select 1 from users u where u.id = h.user_id))
      + (select count(*) from activities a where not exists (select 1 from companies c where c.id = a.company_id))
      + (select count(*) from activities a where a.actor_id is not null and not exists (select 1 from users u where u.id = a.actor_id))
      + (select count(*) from orders o where not exists (select 1 from companies c where c.id = o.company_id))
      + (select count(*) from deals d where not exists (select 1 from companies c where c.id = d.company_id))
      + (select count(*) from rests r where not exists (select 1 from companies c where c.id = r.company_id))
      + (select count(*) from (select company_id from holdings where ended_at is null group by 1 having count(*) > 1) x)
      + (select count(*) from companies c join holdings h on h.company_id = c.id and h.ended_at is null where c.stage = 'resting') as bad`);
    if (Number(rows[0]!.bad) !== 0) throw new Error(`bench: ${rows[0]!.bad} broken references or invariants after the load`);
  }, log);

  // What autovacuum would have done on a live base: visibility map, hint bits, statistics.
  const vacuumMs = await timed("vacuum analyze", () => run("vacuum analyze"), log);
  return { usersCompaniesMs, holdingsMs, ordersDealsRestsMs, activitiesMs, checkMs, vacuumMs };
}
