import pg from "pg";
import { CITY_RU, CITY_UA, FIRST, list, SECOND, SIZE, SOURCE } from "./generate.js";

/**
 * Data for the tier 3 / weekly contact benchmark (bench/accounts.ts), set-based on one
 * PostgreSQL connection (a temporary table of per-customer rhythms lives on it).
 *
 * 1. Accounts: N customers (stage `customer`, each held by one of 20 account managers, tier 3),
 *    50 products (two no longer on sale) and ~2,000,000 orders over the last two years with ~1–3
 *    lines each. Every customer has its own rhythm: an interval of 7–90 days (skewed to the short
 *    end), ±20 % jitter per order, a basket of 2–6 favourite products and an order size; 68 % buy
 *    on rhythm, 15 % are slipping (one to three intervals late), 17 % lapsed 4–20 months ago, 3 %
 *    bought once in the last month, 1 % never bought. History lengths are scaled so the orders add
 *    up to the target. Order ids are assigned here so the lines and the order total are derived
 *    from the same hash of the order id (no second pass over 2,000,000 orders).
 * 2. Touches: M companies (cold 60 %, lead 12 %, customer 10 %, resting 10 %, archived 8 %) with
 *    open holdings for 5 % of cold (callers), 92 % of leads (sales managers) and 97 % of
 *    customers (account managers), an ended holding before it for customers, resting and half of
 *    the archived; last touch within the last 30 days (10 % never touched), no next touch.
 */

export interface AccountsSizes {
  customers: number;
  orders: number;
  products: number;
}

export interface TouchSizes {
  companies: number;
}

export const TEAM = { accountManagers: 20, managers: 15, callers: 30 } as const;

const HISTORY_DAYS = 730;

/** 10 product families × 5 variants. */
const FAMILIES = list("Бумага офисная", "Картридж", "Тонер", "Папка", "Ручки", "Скрепки", "Файлы", "Стикеры", "Вода питьевая", "Кофе зерновой");
const VARIANTS = list("A4", "A3", "эконом", "премиум", "оптовая упаковка");

// Per order `o` of a customer `r` (a row of the rhythm table): how many lines, which products
// (distinct within an order, from the customer's basket) and how many of each.
const h = (x: string) => `(hashint4((${x})::int) & 2147483647)`;
const LINES = `(1 + ${h("o * 2 + 1")} % least(3, r.basket_size))`;
const PRODUCT = `(1 + (r.basket_base + ((${h("o")} + j) % r.basket_size) * 7) % 50)`;
const QUANTITY = `(1 + ${h("o * 4 + j")} % (4 * r.scale))`;
const PRICE = (p: string) => `(5000 + (${p} * 7919) % 100 * 1000)`;

export async function connectLoader(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Foreign keys hold by construction (checked after the load): skip their per-row triggers while loading.
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

/** The team: 20 account managers, 15 sales managers, 30 callers and a head. */
export async function generateTeam(client: pg.Client): Promise<void> {
  await client.query(`insert into users (username, full_name, role, password_hash, language)
    select 'bench-am-' || lpad(g::text, 2, '0'), 'Аккаунт-менеджер ' || g, 'account_manager', 'not-a-password', 'ru' from generate_series(1, ${TEAM.accountManagers}) g
    union all select 'bench-manager-' || lpad(g::text, 2, '0'), 'Менеджер ' || g, 'manager', 'not-a-password', 'ru' from generate_series(1, ${TEAM.managers}) g
    union all select 'bench-caller-' || lpad(g::text, 2, '0'), 'Оператор ' || g, 'caller', 'not-a-password', 'ru' from generate_series(1, ${TEAM.callers}) g
    union all select 'bench-head', 'Руководитель', 'head', 'not-a-password', 'ru'`);
}

const usersOf = async (client: pg.Client, role: string) =>
  (await client.query<{ id: number }>(`select id from users where role = $1 and username like 'bench-%' order by id`, [role])).rows.map((r) => r.id);

/** Companies g = from…to with a name, legal id, industry, city; the stage and dates are given as SQL over g. */
async function insertCompanies(client: pg.Client, from: number, to: number, stage: string, lastTouch: string, createdAt: string): Promise<void> {
  await client.query(`insert into companies (legal_name, search_name, legal_id, legal_id_kind, industry, size, region, source, stage,
                                             last_touch_at, created_at, updated_at)
    select case when g % 2 = 0 then (array['ТОВ','ПП','ПрАТ','ФОП'])[1 + g / 2 % 4] else (array['ООО','АО','ПАО','ИП'])[1 + g / 2 % 4] end
             || ' "' || name || '"',
           lower(name),
           case when g % 10 = 0 then null
                when g % 2 = 0 then lpad(((g::bigint * 48271) % 100000000)::text, 8, '0')
                else lpad(((g::bigint * 337897) % 10000000000)::text, 10, '0') end,
           case when g % 10 = 0 then null when g % 2 = 0 then 'edrpou' else 'inn' end,
           (array['Оптовая торговля','Строительство','Производство','Логистика','Сельское хозяйство','IT','Ритейл','HoReCa'])[1 + ${h("g + 5")} % 8],
           (${SIZE})[1 + ${h("g + 17")} % 4],
           case when g % 2 = 0 then (${CITY_UA})[1 + g / 2 % 6] else (${CITY_RU})[1 + g / 2 % 6] end,
           (${SOURCE})[1 + g / 7 % 6],
           ${stage}, ${lastTouch}, ${createdAt}, now()
    from (select g, (${FIRST})[1 + g % 40] || ' ' || (${SECOND})[1 + g / 40 % 20] || ' ' || (g / 800) as name
          from generate_series(${from}::int, ${to}::int) g) s`);
}

/** The load skipped the foreign-key triggers: every reference must still resolve. */
export async function checkReferences(client: pg.Client): Promise<void> {
  const [row] = (
    await client.query<Record<string, string>>(`select
      (select count(*) from orders o where not exists (select 1 from companies c where c.id = o.company_id)) as "orders → companies",
      (select count(*) from orders o where o.created_by is not null and not exists (select 1 from users u where u.id = o.created_by)) as "orders → users",
      (select count(*) from order_lines l where not exists (select 1 from orders o where o.id = l.order_id)) as "order lines → orders",
      (select count(*) from order_lines l where not exists (select 1 from products p where p.id = l.product_id)) as "order lines → products",
      (select count(*) from holdings h where not exists (select 1 from companies c where c.id = h.company_id)
                                          or not exists (select 1 from users u where u.id = h.user_id)) as "holdings → companies, users"`)
  ).rows;
  const broken = Object.entries(row!).filter(([, n]) => Number(n) > 0);
  if (broken.length) throw new Error(`bench: broken references after the load: ${broken.map(([k, n]) => `${k} ${n}`).join(", ")}`);
}

export interface AccountsLoadTimes {
  customersMs: number;
  ordersMs: number;
  linesMs: number;
  analyzeMs: number;
}

export async function generateAccounts(client: pg.Client, sizes: AccountsSizes, log: (line: string) => void): Promise<AccountsLoadTimes> {
  const n = sizes.customers;

  const customersMs = await timed(`${n} customers, ${sizes.products} products, the team, holdings`, async () => {
    await generateTeam(client);
    await client.query(`insert into products (id, name, sku, active) overriding system value
      select g, (${FAMILIES})[1 + (g - 1) / 5 % 10] || ' ' || (${VARIANTS})[1 + (g - 1) % 5] || case when g > 50 then ' ' || g else '' end,
             'SKU-' || lpad(g::text, 4, '0'), g not in (17, 43)
      from generate_series(1, ${sizes.products}) g`);
    await client.query(`select setval(pg_get_serial_sequence('products', 'id'), ${sizes.products})`);
    for (let from = 1; from <= n; from += 250_000) {
      await insertCompanies(client, from, Math.min(n, from + 249_999), "'customer'", "now() - random() * interval '30 days'", "now() - (730 + g % 365) * interval '1 day'");
    }
    const ams = await usersOf(client, "account_manager");
    await client.query(
      `insert into holdings (company_id, user_id, tier, started_at, term_until, accepted_at)
       select c.id, ($1::int[])[1 + ${h("c.id")} % ${ams.length}], 3, c.created_at + interval '20 days', null, c.created_at + interval '21 days'
       from companies c where c.stage = 'customer'`,
      [ams],
    );
    // Each customer's rhythm; history lengths scaled (by a tenure 0.4…1 and one factor) to the target.
    await client.query(`create temp table rhythm_raw as
      select company_id, holder_id, basket_base, basket_size, scale, iv, tenure,
             case when r < 0.01 then 'none' when r < 0.04 then 'new' else 'regular' end as kind,
             case when r < 0.04 then floor(o * 30)
                  when s < 0.68 then floor(o * iv)
                  when s < 0.83 then floor(iv + o * 2 * iv)
                  else floor(120 + o * 480) end::int as last_offset
      from (select c.id as company_id, h.user_id as holder_id, random() as r, random() as s, random() as o,
                   7 + 83 * power(random(), 1.6) as iv, 0.4 + 0.6 * random() as tenure,
                   floor(50 * power(random(), 1.4))::int as basket_base, 2 + floor(random() * 5)::int as basket_size,
                   1 + floor(power(random(), 2) * 10)::int as scale
            from companies c join holdings h on h.company_id = c.id and h.ended_at is null where c.stage = 'customer') x`);
    const [{ raw, fixed }] = (
      await client.query<{ raw: number; fixed: number }>(`select sum(case when kind = 'regular' then (floor((${HISTORY_DAYS} - last_offset) / iv) + 1) * tenure end)::float8 as raw,
        count(*) filter (where kind = 'new')::float8 as fixed from rhythm_raw`)
    ).rows as [{ raw: number; fixed: number }];
    const factor = (sizes.orders - fixed) / raw;
    await client.query(`create temp table rhythm as
      select *, (sum(n) over (order by company_id) - n + 1)::int as first_id
      from (select *, case kind when 'none' then 0 when 'new' then 1
                           else least(floor((${HISTORY_DAYS} - last_offset) / iv) + 1,
                                      greatest(2, round((floor((${HISTORY_DAYS} - last_offset) / iv) + 1) * tenure * ${factor})))::int end as n
            from rhythm_raw) x`);
    await client.query(`create index on rhythm (company_id)`);
    await client.query(`analyze rhythm`);
  }, log);

  const ordersMs = await timed("orders", async () => {
    // The latest order is `last_offset` days ago; each earlier one an interval (±20 %) before. Ids
    // follow the time of the order, as they would in a live database (a customer's orders are
    // scattered over the table, not side by side).
    await client.query(`create temp table staged as
      select row_number() over (order by ordered_at, company_id)::int as o, company_id, ordered_at
      from (select r.company_id,
                   least(now() - interval '5 minutes',
                         date_trunc('day', now()) - greatest(0, round(r.last_offset + k * r.iv + case when k = 0 then 0 else (random() - 0.5) * 0.4 * r.iv end))::int * interval '1 day'
                           + interval '6 hours' + random() * interval '10 hours') as ordered_at
            from rhythm r cross join lateral generate_series(0, r.n - 1) k) x`);
    const { max } = (await client.query<{ max: number }>(`select max(o) as max from staged`)).rows[0]!;
    for (let from = 1; from <= max; from += 500_000) {
      await client.query(`insert into orders (id, company_id, ordered_at, currency, total_minor, created_by) overriding system value
        select s.o, s.company_id, s.ordered_at, 'UAH',
               (select sum(q * ${PRICE("p")}) from generate_series(0, ${LINES} - 1) j cross join lateral (select ${PRODUCT} as p, ${QUANTITY} as q) l),
               r.holder_id
        from staged s join rhythm r on r.company_id = s.company_id
        where s.o between ${from} and ${from + 499_999}
        order by s.o`);
      log(`    … orders up to ${Math.min(max, from + 499_999)}`);
    }
    await client.query(`select setval(pg_get_serial_sequence('orders', 'id'), (select max(id) from orders))`);
    await client.query("drop table staged");
  }, log);

  const { max: maxOrder } = (await client.query<{ max: number }>(`select max(id) as max from orders`)).rows[0]!;
  const linesMs = await timed("order lines", async () => {
    for (let from = 1; from <= maxOrder; from += 500_000) {
      await client.query(`insert into order_lines (order_id, product_id, quantity, amount_minor)
        select o, p, q, q * ${PRICE("p")}
        from (select x.id as o, x.company_id from orders x where x.id between ${from} and ${from + 499_999}) ord
        join rhythm r on r.company_id = ord.company_id
        cross join lateral generate_series(0, ${LINES} - 1) j
        cross join lateral (select ${PRODUCT} as p, ${QUANTITY} as q) l
        order by o, j`);
      log(`    … orders up to ${Math.min(maxOrder, from + 499_999)}`);
    }
    // The load runs with triggers off (session_replication_role): write what the order_lines
    // trigger keeps in the live system, who bought which product, in one statement.
    await client.query(`insert into customer_products (company_id, product_id)
      select distinct o.company_id, l.product_id from order_lines l join orders o on o.id = l.order_id on conflict do nothing`);
  }, log);

  const analyzeMs = await timed("analyze", () => client.query("analyze"), log);
  await timed("references checked", () => checkReferences(client), log);
  return { customersMs, ordersMs, linesMs, analyzeMs };
}

export interface TouchLoadTimes {
  truncateMs: number;
  companiesMs: number;
  holdingsMs: number;
  analyzeMs: number;
}

/** Empties the companies and everything hanging off them (the team stays) and loads the touch base. */
export async function generateTouches(client: pg.Client, sizes: TouchSizes, log: (line: string) => void): Promise<TouchLoadTimes> {
  const n = sizes.companies;
  const truncateMs = await timed("truncate companies (cascade) and settings", async () => {
    await client.query("drop table if exists rhythm, rhythm_raw");
    await client.query("truncate companies, settings restart identity cascade");
    const { n } = (await client.query<{ n: number }>("select count(*)::int as n from users where username like 'bench-%'")).rows[0]!;
    if (n === 0) await generateTeam(client);
  }, log);

  // stage by a hash of g: 0–59 cold, 60–71 lead, 72–81 customer, 82–91 resting, 92–99 archived.
  const slot = h("g * 3 + 1");
  const companiesMs = await timed(`${n} companies`, async () => {
    for (let from = 1; from <= n; from += 250_000) {
      await insertCompanies(
        client,
        from,
        Math.min(n, from + 249_999),
        `case when ${slot} % 100 < 60 then 'cold' when ${slot} % 100 < 72 then 'lead' when ${slot} % 100 < 82 then 'customer'
              when ${slot} % 100 < 92 then 'resting' else 'archived' end`,
        `case when ${h("g + 11")} % 10 = 0 then null else now() - (${h("g + 23")} % (30 * 24 * 60)) * interval '1 minute' end`,
        "now() - (30 + g % 900) * interval '1 day'",
      );
    }
  }, log);

  const holdingsMs = await timed("holdings", async () => {
    const [callers, managers, ams] = [await usersOf(client, "caller"), await usersOf(client, "manager"), await usersOf(client, "account_manager")];
    const pick = `case c.stage when 'cold' then ($1::int[])[1 + ${h("c.id + 1")} % ${callers.length}]
                                when 'lead' then ($2::int[])[1 + ${h("c.id + 2")} % ${managers.length}]
                                else ($3::int[])[1 + ${h("c.id + 3")} % ${ams.length}] end`;
    const dice = h("c.id * 5 + 7");
    // The holding before: a sales manager's until the sale (customers), until the lead was lost (resting, half the archived).
    await client.query(
      `insert into holdings (company_id, user_id, tier, started_at, ended_at, end_reason)
       select c.id, ($1::int[])[1 + ${h("c.id + 4")} % ${managers.length}], 2, c.created_at, c.created_at + interval '20 days',
              case c.stage when 'customer' then 'sold' else 'lost' end
       from companies c where c.stage in ('customer', 'resting') or (c.stage = 'archived' and c.id % 2 = 0)`,
      [managers],
    );
    await client.query(
      `insert into holdings (company_id, user_id, tier, started_at, accepted_at)
       select c.id, ${pick}, case c.stage when 'cold' then 1 when 'lead' then 2 else 3 end,
              greatest(c.created_at + interval '21 days', now() - random() * (case c.stage when 'cold' then 5 when 'lead' then 60 else 600 end) * interval '1 day'),
              case when c.stage = 'customer' then c.created_at + interval '22 days' end
       from companies c
       where (c.stage = 'cold' and ${dice} % 100 < 5) or (c.stage = 'lead' and ${dice} % 100 < 92) or (c.stage = 'customer' and ${dice} % 100 < 97)`,
      [callers, managers, ams],
    );
  }, log);

  const analyzeMs = await timed("analyze", () => client.query("analyze"), log);
  await timed("references checked", () => checkReferences(client), log);
  return { truncateMs, companiesMs, holdingsMs, analyzeMs };
}
