import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/connect.js";
import { DEFAULT_WORKING_HOURS, dayOf } from "../src/domain/workingTime.js";
import { crossSellFor } from "../src/features/accounts/crossSell.js";
import { accountBrief } from "../src/features/accounts/queries.js";
import { defaultSettings, writeSettings } from "../src/features/settings/teamSettings.js";
import { coverageReport, listTouches } from "../src/features/touches/queries.js";
import { runSweep, SWEEPS } from "../src/server/sweeps.js";
import type { CompanyScope } from "../src/server/access/index.js";
import { connectLoader, generateAccounts, generateTouches, TEAM, timed, type AccountsLoadTimes, type TouchLoadTimes } from "./accountsData.js";
import { percentile } from "./load.js";
import { machineLine, ms, seconds, writeSection } from "./report.js";
import { postgresCpuMs, rssMb } from "./procStats.js";

/**
 * `npm run bench:accounts [-- options]`: issue 5's nightly and quarter-hourly sweeps on PostgreSQL.
 *
 * 1. Tier 3: 100,000 customers with ~2,000,000 orders (~4,000,000 lines) over two years; the
 *    `account-insights` sweep (RFM + reorder prediction for every customer) run twice through
 *    `runSweep` (lock and transaction included): into an empty customer_insights, then as an
 *    upsert over the rows of the first run; then the card view (`crossSellFor`, `accountBrief`)
 *    for random customers.
 * 2. Weekly contact: the same database emptied (truncate … cascade) and loaded with 1,000,000
 *    companies in all stages; the `touch-schedule` sweep run three times — first (every live
 *    company needs a date), steady state (nothing to do), after the cadence changes from 7 to 3
 *    days — and the touch list and coverage queries for the team and for one holder.
 *
 * Each sweep reports its wall time, where the time went — CPU of the bench process (the sweep's
 * JavaScript and the driver's parsing) and of PostgreSQL's processes (read from /proc: the server
 * runs on this machine), and the time statements were in flight — and the bench process's RSS
 * (sampled every 100 ms). Options: --customers=100000 --orders=2000000 --companies=1000000
 * --cards=50 --repeat=5 --parts=accounts,touches --quick (5,000 customers / 100,000 orders / 50,000
 * companies, prints only) --write --no-write --minutes=15
 * --url=postgres://… (or DATABASE_URL; default postgres://postgres@127.0.0.1:5432/bench_accounts).
 * The database at the URL is dropped and created again.
 */
const { values: args } = parseArgs({
  options: {
    customers: { type: "string" },
    orders: { type: "string" },
    companies: { type: "string" },
    cards: { type: "string", default: "50" },
    repeat: { type: "string", default: "5" },
    parts: { type: "string", default: "accounts,touches" },
    quick: { type: "boolean", default: false },
    write: { type: "boolean" },
    "no-write": { type: "boolean", default: false },
    url: { type: "string", default: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench_accounts" },
    minutes: { type: "string", default: "15" },
  },
});
const sizes = {
  customers: Number(args.customers ?? (args.quick ? 5_000 : 100_000)),
  orders: Number(args.orders ?? (args.quick ? 100_000 : 2_000_000)),
  products: 50,
  companies: Number(args.companies ?? (args.quick ? 50_000 : 1_000_000)),
};
const CARDS = Number(args.cards);
const PARTS = new Set(args.parts.split(","));
const REPEAT = Number(args.repeat);
const TIME_ZONE = "Europe/Kyiv";
const AIM_MS = 10_000;
const writeResults = !args["no-write"] && (args.write ?? !args.quick) && PARTS.has("accounts") && PARTS.has("touches");
const log = (line: string) => console.log(line);
const deadline = setTimeout(() => {
  console.error(`bench: time limit of ${args.minutes} minutes reached, stopping`);
  process.exit(2);
}, Number(args.minutes) * 60_000);
deadline.unref();

// ---- measuring: wall time, time waiting for the database, RSS

/** Time with statements in flight in pg's `client.query` promises (sent → rows parsed). */
const clock = { inFlightMs: 0, statements: 0 };
{
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...queryArgs: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, queryArgs);
    if (result instanceof Promise) {
      const done = () => {
        clock.inFlightMs += performance.now() - started;
        clock.statements++;
      };
      result.then(done, done);
    }
    return result;
  };
}

interface Measured<T> {
  label: string;
  ms: number;
  inFlightMs: number;
  statements: number;
  benchCpuMs: number;
  postgresCpuMs: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  result: T;
}

async function measure<T>(label: string, work: () => Promise<T>): Promise<Measured<T>> {
  const rssBeforeMb = rssMb();
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb())), 100);
  const inFlightBefore = clock.inFlightMs;
  const statementsBefore = clock.statements;
  const cpuBefore = process.cpuUsage();
  const pgBefore = postgresCpuMs();
  const started = performance.now();
  try {
    const result = await work();
    const elapsed = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    rssPeakMb = Math.max(rssPeakMb, rssMb());
    const m = {
      label,
      ms: elapsed,
      inFlightMs: clock.inFlightMs - inFlightBefore,
      statements: clock.statements - statementsBefore,
      benchCpuMs: (cpu.user + cpu.system) / 1000,
      postgresCpuMs: postgresCpuMs() - pgBefore,
      rssBeforeMb,
      rssPeakMb,
      result,
    };
    log(
      `  ${label}: ${seconds(m.ms)} s (statements in flight ${seconds(m.inFlightMs)} s, ${m.statements} statements; CPU: bench ${seconds(m.benchCpuMs)} s, PostgreSQL ${seconds(m.postgresCpuMs)} s), RSS ${rssBeforeMb.toFixed(0)} → peak ${rssPeakMb.toFixed(0)} MB`,
    );
    return m;
  } finally {
    clearInterval(sampler);
  }
}

async function sample(label: string, times: number, work: () => Promise<unknown>): Promise<{ label: string; n: number; p50: number; p95: number; max: number }> {
  const all: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    all.push(performance.now() - started);
  }
  all.sort((a, b) => a - b);
  const s = { label, n: all.length, p50: percentile(all, 0.5), p95: percentile(all, 0.95), max: all[all.length - 1] ?? NaN };
  log(`  ${label}: p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms (n = ${s.n})`);
  return s;
}

// ---- the database

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench: unexpected database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

async function facts(database: Database, tables: string[]): Promise<{ version: string; bytes: number; rows: Record<string, number>; tableMb: Record<string, number> }> {
  const [row] = await database.rows<{ version: string; bytes: string }>(sql`select version() as version, pg_database_size(current_database()) as bytes`);
  const rows: Record<string, number> = {};
  const tableMb: Record<string, number> = {};
  for (const table of tables) {
    const [r] = await database.rows<{ n: string; bytes: string }>(sql`select count(*) as n, pg_total_relation_size(${table}::regclass) as bytes from ${sql.identifier(table)}`);
    rows[table] = Number(r!.n);
    tableMb[table] = Number(r!.bytes) / 2 ** 20;
  }
  return { version: row!.version.split(" ").slice(0, 2).join(" "), bytes: Number(row!.bytes), rows, tableMb };
}

const sweep = (name: string) => SWEEPS.find((s) => s.name === name)!;

// ---- part 1: tier 3

interface InsightsResult {
  customers: number;
  segments: Record<string, number>;
}

async function benchAccounts(database: Database) {
  const loader = await connectLoader(args.url);
  let loadTimes: AccountsLoadTimes;
  try {
    log(`loading ${sizes.customers} customers, ~${sizes.orders} orders`);
    loadTimes = await generateAccounts(loader, sizes, log);
  } finally {
    await loader.end();
  }
  const data = await facts(database, ["companies", "orders", "order_lines", "products"]);
  const [history] = await database.rows<{ first: string; last: string; per_customer: number; max_orders: number; days: number }>(
    sql`select (select min(ordered_at)::date::text from orders) as first, (select max(ordered_at)::date::text from orders) as last,
               round(avg(n), 1)::float8 as per_customer, max(n)::int as max_orders, round(avg(days), 1)::float8 as days
        from (select company_id, count(*) as n, count(distinct (ordered_at at time zone ${TIME_ZONE})::date) as days from orders group by 1) x`,
  );
  log("account-insights sweep");
  const insights = sweep("account-insights");
  const first = await measure("first run (empty customer_insights)", () => runSweep(database, insights, { timeZone: TIME_ZONE }));
  const second = await measure("second run (upsert over existing rows)", () => runSweep(database, insights, { timeZone: TIME_ZONE }));
  const result = (second.result as { ran: boolean; result: InsightsResult }).result;
  const [stored] = await database.rows<{ n: number; predicted: number; products: number }>(
    sql`select count(*)::int as n, count(expected_on)::int as predicted, coalesce(sum(jsonb_array_length(product_predictions)), 0)::int as products from customer_insights`,
  );
  log("card view");
  const ids = (await database.rows<{ id: number }>(
    sql`select c.id from companies c where c.stage = 'customer' and exists (select 1 from orders o where o.company_id = c.id) order by random() limit ${CARDS + 1}`,
  )).map((r) => r.id);
  const today = dayOf(new Date(), DEFAULT_WORKING_HOURS);
  await accountBrief(database.db, ids.pop()!, today, TIME_ZONE, 3); // warm-up
  const cross: number[] = [];
  const brief: number[] = [];
  const peers: number[] = [];
  for (const id of ids) {
    let started = performance.now();
    const c = await crossSellFor(database.db, id);
    cross.push(performance.now() - started);
    peers.push(c.peers);
    started = performance.now();
    await accountBrief(database.db, id, today, TIME_ZONE, 3);
    brief.push(performance.now() - started);
  }
  const stat = (label: string, all: number[]) => {
    const sorted = [...all].sort((a, b) => a - b);
    const s = { label, n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN };
    log(`  ${label}: p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms (n = ${s.n})`);
    return s;
  };
  const cards = [stat("`crossSellFor`", cross), stat("`accountBrief` (includes `crossSellFor`)", brief)];
  return { loadTimes, data, history: history!, first, second, result, stored: stored!, cards, peersMedian: percentile([...peers].sort((a, b) => a - b), 0.5) };
}

// ---- part 2: weekly contact

async function benchTouches(database: Database) {
  const loader = await connectLoader(args.url);
  let loadTimes: TouchLoadTimes;
  try {
    log(`emptying the database and loading ${sizes.companies} companies for the weekly contact`);
    loadTimes = await generateTouches(loader, sizes, log);
  } finally {
    await loader.end();
  }
  const data = await facts(database, ["companies", "holdings"]);
  const [mix] = await database.rows<Record<string, number>>(
    sql`select count(*) filter (where c.stage = 'cold')::int as cold, count(*) filter (where c.stage = 'lead')::int as lead,
               count(*) filter (where c.stage = 'customer')::int as customer, count(*) filter (where c.stage = 'resting')::int as resting,
               count(*) filter (where c.stage = 'archived')::int as archived, count(h.id)::int as held,
               count(*) filter (where c.stage in ('lead', 'customer') or (c.stage = 'cold' and h.id is not null))::int as live,
               count(*) filter (where c.last_touch_at is null)::int as never_touched
        from companies c left join holdings h on h.company_id = c.id and h.ended_at is null`,
  );
  log("touch-schedule sweep");
  const touches = sweep("touch-schedule");
  const runs = [
    await measure("first run (every live company needs a date)", () => runSweep(database, touches, { timeZone: TIME_ZONE })),
    await measure("second run (steady state)", () => runSweep(database, touches, { timeZone: TIME_ZONE })),
  ];
  // The lists and coverage in the steady state (cadence 7 days).
  const [holder] = await database.rows<{ user_id: number; full_name: string; role: string; n: number }>(
    sql`select h.user_id, u.full_name, u.role, count(*)::int as n from holdings h join users u on u.id = h.user_id join companies c on c.id = h.company_id
        where h.ended_at is null and c.stage in ('lead', 'customer', 'cold') group by 1, 2, 3 order by n desc limit 1`,
  );
  const now = new Date();
  const wh = DEFAULT_WORKING_HOURS;
  const one = { kind: "held_by" as const, userId: holder!.user_id };
  log("touch list and coverage, right after the sweeps (one call each)");
  const calls = (scope: CompanyScope) => [
    { label: `\`coverageReport\`, ${scope.kind === "all" ? "team" : "one holder"}`, run: () => coverageReport(database.db, scope, now, wh) },
    {
      label: `\`listTouches\`, ${scope.kind === "all" ? "team" : "one holder"}, overdue, first 50`,
      run: async () => (overdue[scope.kind] = (await listTouches(database.db, { scope, status: "overdue", limit: 50, offset: 0 }, now, wh)).total),
    },
  ];
  const overdue: Record<string, number> = {};
  const list = [...calls({ kind: "all" }), ...calls(one)];
  const fresh: number[] = [];
  for (const q of list) fresh.push((await sample(q.label, 1, q.run)).p50);
  // The first run rewrote 250,000 rows: what autovacuum would soon do, before the steady-state figures.
  const vacuumMs = await timed("vacuum analyze companies, holdings", () => database.rows(sql`vacuum analyze companies, holdings`), log);
  log(`touch list and coverage after VACUUM, ${REPEAT} calls each`);
  const queries: (Awaited<ReturnType<typeof sample>> & { freshMs: number })[] = [];
  for (const [i, q] of list.entries()) queries.push({ ...(await sample(q.label, REPEAT, q.run)), freshMs: fresh[i]! });
  await writeSettings(database.db, { ...defaultSettings(TIME_ZONE), cadenceDays: 3 });
  runs.push(await measure("after the cadence changes from 7 to 3 days", () => runSweep(database, touches, { timeZone: TIME_ZONE })));
  return { loadTimes, data, mix: mix!, runs, holder: holder!, queries, vacuumMs, overdueTeam: overdue.all ?? 0, overdueOne: overdue.held_by ?? 0 };
}

// ---- the report

type Accounts = Awaited<ReturnType<typeof benchAccounts>>;
type Touches = Awaited<ReturnType<typeof benchTouches>>;

const sweepRow = (m: Measured<unknown>, outcome: string) =>
  `| ${m.label} | **${seconds(m.ms)}** | ${seconds(m.inFlightMs)} | ${seconds(m.benchCpuMs)} · ${seconds(m.postgresCpuMs)} | ${m.statements} | ${m.rssBeforeMb.toFixed(0)} → ${m.rssPeakMb.toFixed(0)} MB | ${outcome} | ${m.ms < AIM_MS ? "yes" : "**no**"} |`;
const SWEEP_HEAD = [
  `| run | wall (s) | statements in flight (s) | CPU: bench · PostgreSQL (s) | statements | bench RSS before → peak | result | < ${AIM_MS / 1000} s |`,
  "|---|---|---|---|---|---|---|---|",
];

const touchedRow = (m: Measured<unknown>) => {
  const r = (m.result as { ran: boolean; result: { scheduled: number; cleared: number } }).result;
  return `${r.scheduled} scheduled, ${r.cleared} cleared`;
};

function accountsReport(a: Accounts): string[] {
  const segments = Object.entries(a.result.segments).sort((x, y) => y[1] - x[1]);
  const l = a.loadTimes;
  return [
    "**1. Reorder prediction and RFM** (`account-insights` sweep through `runSweep`, time zone Europe/Kyiv)",
    "",
    `Data: ${a.data.rows.companies} customers (each held by one of ${TEAM.accountManagers} account managers), ${a.data.rows.products} products, ${a.data.rows.orders} orders (${a.history.first} … ${a.history.last}; ${a.history.per_customer} per customer with orders, at most ${a.history.max_orders}; ${a.history.days} purchase days on average), ${a.data.rows.order_lines} order lines · orders ${a.data.tableMb.orders!.toFixed(0)} MB, lines ${a.data.tableMb.order_lines!.toFixed(0)} MB with indexes · load: customers, team, holdings, rhythms ${seconds(l.customersMs)} s · orders ${seconds(l.ordersMs)} s · lines ${seconds(l.linesMs)} s · analyze ${seconds(l.analyzeMs)} s.`,
    "",
    ...SWEEP_HEAD,
    sweepRow(a.first, `${a.result.customers} customers`),
    sweepRow(a.second, `${a.stored.n} rows, ${a.stored.predicted} with an expected purchase, ${a.stored.products} product predictions`),
    "",
    `Segments: ${segments.map(([s, n]) => `${s} ${n} (${((100 * n) / a.result.customers).toFixed(1)} %)`).join(" · ")}.`,
    "",
    `Card view, ${a.cards[0]!.n} random customers with orders (one at a time, after one warm-up; median ${a.peersMedian} peers):`,
    "",
    "| call | p50 ms | p95 ms | max ms |",
    "|---|---|---|---|",
    ...a.cards.map((c) => `| ${c.label} | ${ms(c.p50)} | ${ms(c.p95)} | ${ms(c.max)} |`),
  ];
}

function touchesReport(t: Touches): string[] {
  const tl = t.loadTimes;
  return [
    "**2. Weekly contact** (`touch-schedule` sweep through `runSweep`; the same database, truncated and reloaded)",
    "",
    `Data: ${t.data.rows.companies} companies — cold ${t.mix.cold}, lead ${t.mix.lead}, customer ${t.mix.customer}, resting ${t.mix.resting}, archived ${t.mix.archived}; ${t.mix.held} open holdings (${TEAM.callers} callers, ${TEAM.managers} sales managers, ${TEAM.accountManagers} account managers), ${t.data.rows.holdings} holdings in all; **${t.mix.live} live**; last touch within 30 days, never for ${t.mix.never_touched}; no next touch · companies ${t.data.tableMb.companies!.toFixed(0)} MB with indexes · load: truncate ${seconds(tl.truncateMs)} s · companies ${seconds(tl.companiesMs)} s · holdings ${seconds(tl.holdingsMs)} s · analyze ${seconds(tl.analyzeMs)} s.`,
    "",
    ...SWEEP_HEAD,
    ...t.runs.map((m) => sweepRow(m, touchedRow(m))),
    "",
    `Touch list and coverage in the steady state (cadence 7 days): one call right after the two runs above, then \`VACUUM ANALYZE companies, holdings\` (${seconds(t.vacuumMs)} s; autovacuum's job after the first run rewrote ${t.mix.live} rows) and ${REPEAT} calls each. "One holder" is the one with the most live companies (${t.holder.full_name}, ${t.holder.role}, ${t.holder.n}); overdue: ${t.overdueTeam} for the team, ${t.overdueOne} for that holder:`,
    "",
    "| query | right after the sweeps, ms | after VACUUM: p50 ms | p95 ms | max ms |",
    "|---|---|---|---|---|",
    ...t.queries.map((q) => `| ${q.label} | ${ms(q.freshMs)} | ${ms(q.p50)} | ${ms(q.p95)} | ${ms(q.max)} |`),
  ];
}

function report(a: Accounts | undefined, t: Touches | undefined, facts: { version: string; settings: string; loadBefore: number[]; loadAfter: number[]; totalMs: number }): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" / ");
  return [
    `${machineLine()} · ${facts.version} (${facts.settings}; as installed) · load average (1 / 5 / 15 min) ${load(facts.loadBefore)} at the start, ${load(facts.loadAfter)} at the end (other work shares the machine) · whole run ${seconds(facts.totalMs)} s · the bench process loads the data and runs the sweeps; RSS is its own, PostgreSQL's memory is not counted.`,
    ...(a ? ["", ...accountsReport(a)] : []),
    ...(t ? ["", ...touchesReport(t)] : []),
  ].join("\n");
}

const SECTION_HEAD = `## Tier 3 and weekly contact (issue #5)

The nightly RFM and reorder sweep over 100,000 customers with 2,000,000 orders, and the weekly contact sweep over 1,000,000 companies, on PostgreSQL. The aim is **each sweep under 10 s**. What is measured and how to rerun: [README.md](README.md#tier-3-and-weekly-contact-sweeps). The figures between the markers are written by \`npm run bench:accounts\`; the reading below them is by hand.
`;

const runStarted = performance.now();
const loadBefore = os.loadavg();
try {
  log(`database ${args.url.replace(/\/\/[^@]*@/, "//")} (dropped and created again)`);
  await recreateDatabase(args.url);
  const database = await openDatabase({ url: args.url });
  try {
    const [server] = await database.rows<{ version: string; settings: string }>(
      sql`select version() as version, (select string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings
                                        where name in ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit')) as settings`,
    );
    const accounts = PARTS.has("accounts") ? await benchAccounts(database) : undefined;
    const touches = PARTS.has("touches") ? await benchTouches(database) : undefined;
    const markdown = report(accounts, touches, {
      version: server!.version.split(" ").slice(0, 2).join(" "),
      settings: server!.settings,
      loadBefore,
      loadAfter: os.loadavg(),
      totalMs: performance.now() - runStarted,
    });
    console.log(`\n${markdown}\n`);
    if (writeResults) writeSection("accounts", markdown, SECTION_HEAD);
  } finally {
    await database.close();
  }
} finally {
  clearTimeout(deadline);
}
