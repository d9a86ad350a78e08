import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/connect.js";
import { deadReason, type DeadReason } from "../src/domain/rotation.js";
import { decideRotation } from "../src/features/rotation/decisions.js";
import { deadList } from "../src/features/rotation/queries.js";
import type { RotationSweepResult } from "../src/features/rotation/rotationSweep.js";
import { readSettings, writeSettings } from "../src/features/settings/teamSettings.js";
import type { Actor } from "../src/server/access/index.js";
import { runSweep, SWEEPS } from "../src/server/sweeps.js";
import { percentile } from "./load.js";
import { machineLine, ms, seconds, writeSection } from "./report.js";
import { connectLoader, generateRotation, HEAD, rangesOf, TEAM, timed, type RotationLoadTimes, type RotationSizes } from "./rotationData.js";
import { postgresCpuMs, rssMb } from "./procStats.js";

/**
 * `npm run bench:rotation [-- options]`: issue #6's daily rotation sweep on PostgreSQL, over
 * 1,000,000 companies and holdings (~600,000 open) with 10,000,000 timeline entries.
 *
 * The `rotation` sweep runs through `runSweep` (advisory lock and transaction included, forced:
 * the once-a-day guard is what a rerun the same day would hit) three times: the first run (no
 * holding is listed yet: every dead one is listed, with a timeline entry each), a second run
 * (steady state: nothing new), and a run after the head changes `inactiveDays` (21 → 30 by
 * default: the holdings listed only for 21–30 days without a touch leave the list). Between them:
 * the head's list (`deadList`, first page of 50) and a batch decision of 50 `transfer_now`
 * (`decideRotation`) on that page.
 *
 * For each run: wall time, split into the sweep's steps by the statements it sends (the first
 * statement of `wakeRestedClients`, `refreshSalesPeriods`, the missing terms and the dead list
 * start a step; the commit is its own); the time statements were in flight per step (the rest is
 * JavaScript and the driver); CPU of the bench process and of PostgreSQL's processes (from /proc,
 * so the server must run on this machine); the bench process's RSS (sampled every 50 ms).
 *
 * Options: --companies=1000000 --activities=10000000 --rests=3000 --inactive-days=30
 * --repeat=20 (deadList calls) --batch=50 --quick (20,000 companies, prints only) --write --no-write
 * --seed (keep a copy of the loaded base as <db>_seed and start from it next time: a clone
 * instead of a load) --load-only --minutes=15
 * --url=postgres://… (default postgres://postgres@127.0.0.1:5432/bench_rotation; dropped and
 * created again).
 */
const { values: args } = parseArgs({
  options: {
    companies: { type: "string" },
    activities: { type: "string" },
    rests: { type: "string" },
    "inactive-days": { type: "string", default: "30" },
    repeat: { type: "string", default: "20" },
    batch: { type: "string", default: "50" },
    quick: { type: "boolean", default: false },
    write: { type: "boolean" },
    "no-write": { type: "boolean", default: false },
    seed: { type: "boolean", default: false },
    "load-only": { type: "boolean", default: false },
    url: { type: "string", default: process.env.BENCH_ROTATION_URL ?? "postgres://postgres@127.0.0.1:5432/bench_rotation" },
    minutes: { type: "string", default: "15" },
  },
});
const companies = Number(args.companies ?? (args.quick ? 20_000 : 1_000_000));
const sizes: RotationSizes = {
  companies,
  activities: Number(args.activities ?? companies * 10),
  rests: Number(args.rests ?? Math.max(50, Math.round(companies * 0.003))),
};
const TIME_ZONE = "Europe/Kyiv";
const AIM_MS = 10_000;
const NEW_INACTIVE_DAYS = Number(args["inactive-days"]);
const REPEAT = Number(args.repeat);
const BATCH = Number(args.batch);
const writeResults = !args["no-write"] && (args.write ?? !args.quick);
const log = (line: string) => console.log(line);
const deadline = setTimeout(() => {
  console.error(`bench: time limit of ${args.minutes} minutes reached, stopping`);
  process.exit(2);
}, Number(args.minutes) * 60_000);
deadline.unref();

// ---- measuring: every statement with its text and time in flight, CPU, RSS

interface Statement {
  text: string;
  start: number;
  ms: number;
}
const trace: Statement[] = [];
{
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...queryArgs: unknown[]) {
    const first = queryArgs[0];
    const text = typeof first === "string" ? first : typeof (first as { text?: unknown })?.text === "string" ? (first as { text: string }).text : "";
    const start = performance.now();
    const result = original.apply(this, queryArgs);
    if (result instanceof Promise) {
      const done = () => void trace.push({ text, start, ms: performance.now() - start });
      result.then(done, done);
    }
    return result;
  };
}

/** The sweep's steps, each started by its first statement (rotationSweep.ts, salesPeriods.ts). */
const STEPS: { name: string; first: RegExp }[] = [
  { name: "wake rested", first: /from rests r where r\.ended_at is null and r\.until_on/ },
  { name: "sales period", first: /as started_on/ },
  { name: "missing terms", first: /h\.term_until is null and h\.extended_until is null/ },
  { name: "dead list", first: /h\.dead_listed_at is not null\s+or/ },
  { name: "commit", first: /^\s*commit\s*$/i },
];

interface Step {
  name: string;
  ms: number;
  sqlMs: number;
  statements: number;
}

interface Measured<T> {
  label: string;
  ms: number;
  sqlMs: number;
  statements: number;
  benchCpuMs: number;
  postgresCpuMs: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  steps: Step[];
  /** In-flight time by kind of statement (its first 70 characters), largest first. */
  byKind: { kind: string; ms: number; n: number }[];
  result: T;
}

const kindOf = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 70);

async function measure<T>(label: string, work: () => Promise<T>, stepped = false): Promise<Measured<T>> {
  const rssBeforeMb = rssMb();
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb())), 50);
  const from = trace.length;
  const cpuBefore = process.cpuUsage();
  const pgBefore = postgresCpuMs();
  const started = performance.now();
  try {
    const result = await work();
    const ended = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    rssPeakMb = Math.max(rssPeakMb, rssMb());
    const statements = trace.slice(from).sort((a, b) => a.start - b.start);
    const inFlight = (list: Statement[]) => list.reduce((s, x) => s + x.ms, 0);
    const steps: Step[] = [];
    if (stepped) {
      // From the end: each step starts at the last statement of its kind before the next step
      // (the first wake-up of a tier-2 client may compute the sales period on the way, when none is kept).
      const found: { name: string; at: number }[] = [];
      let before = ended;
      for (const step of [...STEPS].reverse()) {
        const hit = [...statements].reverse().find((s) => s.start < before && step.first.test(s.text));
        if (hit) found.unshift({ name: step.name, at: (before = hit.start) });
      }
      const bounds = [{ name: "lock, settings", at: started }, ...found];
      bounds.forEach((b, i) => {
        const to = bounds[i + 1]?.at ?? ended;
        const inside = statements.filter((s) => s.start >= b.at && s.start < to);
        steps.push({ name: b.name, ms: to - b.at, sqlMs: inFlight(inside), statements: inside.length });
      });
    }
    const kinds = new Map<string, { ms: number; n: number }>();
    for (const s of statements) {
      const k = kindOf(s.text);
      const v = kinds.get(k) ?? { ms: 0, n: 0 };
      kinds.set(k, { ms: v.ms + s.ms, n: v.n + 1 });
    }
    const m: Measured<T> = {
      label,
      ms: ended - started,
      sqlMs: inFlight(statements),
      statements: statements.length,
      benchCpuMs: (cpu.user + cpu.system) / 1000,
      postgresCpuMs: postgresCpuMs() - pgBefore,
      rssBeforeMb,
      rssPeakMb,
      steps,
      byKind: [...kinds].map(([kind, v]) => ({ kind, ...v })).sort((a, b) => b.ms - a.ms),
      result,
    };
    log(
      `  ${label}: ${seconds(m.ms)} s (statements in flight ${seconds(m.sqlMs)} s, ${m.statements} statements; CPU: bench ${seconds(m.benchCpuMs)} s, PostgreSQL ${seconds(m.postgresCpuMs)} s), RSS ${rssBeforeMb.toFixed(0)} → peak ${rssPeakMb.toFixed(0)} MB`,
    );
    for (const s of steps) log(`    ${s.name}: ${seconds(s.ms)} s (in flight ${seconds(s.sqlMs)} s, ${s.statements} statements)`);
    for (const k of m.byKind.slice(0, 6)) log(`      ${k.kind} ×${k.n}: ${seconds(k.ms)} s`);
    return m;
  } finally {
    clearInterval(sampler);
    trace.length = from; // keep memory flat: only this measurement's statements were needed
  }
}

// ---- the database: dropped and created (or cloned from the kept seed)

function adminUrl(url: string): { admin: string; name: string } {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench: unexpected database name "${name}"`);
  target.pathname = "/postgres";
  return { admin: target.toString(), name };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(args.url).admin });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const seedTag = `rotation/${sizes.companies}/${sizes.activities}/${sizes.rests}`;

interface Loaded {
  times: RotationLoadTimes;
  /** Set when the base was cloned from the kept seed instead of loaded. */
  cloneMs?: number;
  loadedAt: string;
}

/** A fresh database: a clone of the seed when asked for and it matches, else empty (to be loaded). */
async function prepareDatabase(): Promise<Loaded | undefined> {
  const { name } = adminUrl(args.url);
  const seed = `${name}_seed`;
  return admin(async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    if (args.seed) {
      const { rows } = await client.query<{ comment: string | null }>(
        "select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1",
        [seed],
      );
      const kept = rows[0]?.comment ? (JSON.parse(rows[0].comment) as { tag: string; loaded: Loaded }) : undefined;
      if (kept?.tag === seedTag) {
        const started = performance.now();
        await client.query(`create database ${name} template ${seed} strategy = file_copy`);
        log(`database ${name} cloned from ${seed} (loaded ${kept.loaded.loadedAt}) in ${seconds(performance.now() - started)} s`);
        return { ...kept.loaded, cloneMs: performance.now() - started };
      }
      if (rows.length) await client.query(`drop database ${seed} with (force)`);
    }
    await client.query(`create database ${name}`);
    return undefined;
  });
}

async function keepSeed(loaded: Loaded): Promise<void> {
  const { name } = adminUrl(args.url);
  const seed = `${name}_seed`;
  await admin(async (client) => {
    const started = performance.now();
    await client.query(`drop database if exists ${seed} with (force)`);
    await client.query(`create database ${seed} template ${name} strategy = file_copy`);
    await client.query(`comment on database ${seed} is ${pg.escapeLiteral(JSON.stringify({ tag: seedTag, loaded }))}`);
    log(`  seed kept as ${seed}: ${seconds(performance.now() - started)} s`);
  });
}

// ---- the benchmark

const sweep = SWEEPS.find((s) => s.name === "rotation")!;
type SweepRun = Measured<{ ran: boolean; result?: unknown }>;
const resultOf = (m: SweepRun) => m.result.result as RotationSweepResult;

async function dataFacts(database: Database) {
  const [c] = await database.rows<Record<string, number>>(
    sql`select count(*)::int as companies, count(*) filter (where stage = 'cold')::int as cold, count(*) filter (where stage = 'lead')::int as lead,
               count(*) filter (where stage = 'customer')::int as customer, count(*) filter (where stage = 'resting')::int as resting,
               count(*) filter (where stage = 'archived')::int as archived, count(*) filter (where last_touch_at is null)::int as never_touched,
               (select count(*)::int from users) as users, (select count(*)::int from orders) as orders, (select count(*)::int from deals) as deals,
               (select count(*)::int from rests where ended_at is null) as rests,
               (select count(*)::int from rests where ended_at is null and until_on <= (now() at time zone ${TIME_ZONE})::date) as rests_due,
               (select reltuples::bigint from pg_class where relname = 'activities') as activities_estimate
        from companies`,
  );
  const [h] = await database.rows<Record<string, number>>(
    sql`select count(*)::int as holdings, count(*) filter (where ended_at is null)::int as open,
               count(*) filter (where ended_at is null and tier = 1)::int as t1, count(*) filter (where ended_at is null and tier = 2)::int as t2,
               count(*) filter (where ended_at is null and tier = 3)::int as t3,
               count(*) filter (where ended_at is null and tier = 2 and term_until is not null)::int as t2_term,
               count(*) filter (where ended_at is null and tier = 2 and term_until < now() and (extended_until is null or extended_until <= now()))::int as t2_past_term,
               count(*) filter (where ended_at is null and tier = 2 and term_until is null and extended_until is null)::int as t2_no_term,
               count(*) filter (where ended_at is null and extended_until > now())::int as extended,
               count(*) filter (where ended_at is not null)::int as ended
        from holdings`,
  );
  const reasons = await database.rows<{ end_reason: string; n: number }>(
    sql`select end_reason, count(*)::int as n from holdings where ended_at is not null group by 1 order by 2 desc`,
  );
  const [a] = await database.rows<{ n: number }>(sql`select count(*)::int as n from activities`);
  const tables = ["activities", "holdings", "companies", "orders"];
  const mb: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await database.rows<{ bytes: string }>(sql`select pg_total_relation_size(${t}::regclass) as bytes`);
    mb[t] = Number(r!.bytes) / 2 ** 20;
  }
  const [db] = await database.rows<{ bytes: string }>(sql`select pg_database_size(current_database()) as bytes`);
  const n: Record<string, number> = { ...c!, ...h! };
  return { n, activities: a!.n, reasons, mb, dbMb: Number(db!.bytes) / 2 ** 20 };
}

async function listedNow(database: Database) {
  const [r] = await database.rows<{ listed: number; term_expired: number; inactive: number }>(
    sql`select count(*)::int as listed, count(*) filter (where dead_reason = 'term_expired')::int as term_expired,
               count(*) filter (where dead_reason = 'inactive')::int as inactive
        from holdings where ended_at is null and dead_listed_at is not null`,
  );
  return r!;
}

/**
 * After a sweep at `now`: every open tier-1/2 holding is on the list exactly when the rule says so —
 * `deadReason` for every holding already listed or past the candidate filter (the term passed or
 * no touch for inactiveDays, no running extension), nothing listed otherwise — and the timeline
 * got one entry per listing and unlisting. Not timed.
 */
async function checkList(database: Database, inactiveDays: number, counts: RotationSweepResult): Promise<string> {
  const [kept] = await database.rows<{ computed_at: string }>(sql`select value->>'computedAt' as computed_at from settings where key = 'sales_periods'`);
  const now = new Date(kept!.computed_at);
  type Raw = Date | string;
  const at = (v: Raw | null) => (v === null ? null : new Date(v));
  const day = 86_400_000;
  const [{ max }] = (await database.rows<{ max: number }>(sql`select coalesce(max(id), 0)::int as max from holdings`)) as [{ max: number }];
  let checked = 0;
  let wrong = 0;
  for (let from = 1; from <= max; from += 100_000) {
    // In slices, so the check does not swell the bench process between the measured runs.
    const rows = await database.rows<{ tier: number; started_at: Raw; term_until: Raw | null; extended_until: Raw | null; last_touch_at: Raw | null; dead_reason: DeadReason | null; sold: boolean }>(
      sql`select h.tier, h.started_at, h.term_until, h.extended_until, c.last_touch_at, h.dead_reason,
                 exists (select 1 from orders o where o.company_id = h.company_id and o.ordered_at >= h.started_at) as sold
          from holdings h join companies c on c.id = h.company_id
          where h.ended_at is null and h.tier in (1, 2) and h.id between ${from} and ${from + 99_999}`,
    );
    for (const r of rows) {
      const h = { tier: r.tier, startedAt: new Date(r.started_at), termUntil: at(r.term_until), lastActivityAt: at(r.last_touch_at), soldSinceStart: r.sold };
      const extendedUntil = at(r.extended_until);
      const since = h.lastActivityAt && h.lastActivityAt > h.startedAt ? h.lastActivityAt : h.startedAt;
      const candidate =
        r.dead_reason !== null ||
        ((extendedUntil === null || extendedUntil <= now) &&
          ((h.termUntil !== null && h.termUntil < now) || (inactiveDays > 0 && since.getTime() < now.getTime() - inactiveDays * day)));
      if ((candidate ? deadReason(h, now, inactiveDays) : null) !== r.dead_reason) wrong++;
    }
    checked += rows.length;
  }
  const [entries] = await database.rows<{ listed: number; unlisted: number }>(
    sql`select count(*) filter (where kind = 'rotation_listed')::int as listed, count(*) filter (where kind = 'rotation_unlisted')::int as unlisted
        from activities where kind in ('rotation_listed', 'rotation_unlisted') and occurred_at = ${now.toISOString()}::timestamptz`,
  );
  const ok = wrong === 0 && entries!.listed === counts.listed && entries!.unlisted === counts.unlisted;
  const line = `${ok ? "ok" : "**FAILED**"}: ${checked} open holdings in tiers 1–2 checked against \`deadReason\`${wrong ? `, ${wrong} wrong` : ""}; timeline ${entries!.listed} listed / ${entries!.unlisted} unlisted entries`;
  log(`    check ${line}`);
  if (!ok) process.exitCode = 1;
  return line;
}

async function sample(label: string, times: number, work: () => Promise<unknown>) {
  const first = performance.now();
  await work();
  const firstMs = performance.now() - first;
  const all: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    all.push(performance.now() - started);
  }
  all.sort((x, y) => x - y);
  const s = { label, n: all.length, firstMs, p50: percentile(all, 0.5), p95: percentile(all, 0.95), max: all[all.length - 1] ?? NaN };
  log(`  ${label}: first ${ms(firstMs)} ms, then p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms (n = ${s.n})`);
  return s;
}

async function bench(database: Database) {
  const runs: SweepRun[] = [];
  const listed: Awaited<ReturnType<typeof listedNow>>[] = [];
  log("rotation sweep");
  await database.rows(sql`checkpoint`); // the load's dirty pages written now, not during the first run
  const checks: string[] = [];
  const inactiveAt = (await readSettings(database.db, TIME_ZONE)).rotation.inactiveDays;
  const run = async (label: string, inactiveDays: number) => {
    const m = await measure(label, () => runSweep(database, sweep, { timeZone: TIME_ZONE, force: true }), true);
    runs.push(m);
    listed.push(await listedNow(database));
    checks.push(await checkList(database, inactiveDays, resultOf(m)));
  };
  await run("first run (nothing listed yet)", inactiveAt);
  await run("second run (steady state)", inactiveAt);

  log("the head's list and a batch decision");
  const settings = await readSettings(database.db, TIME_ZONE);
  let page: Awaited<ReturnType<typeof deadList>> | undefined;
  const list = await sample(`\`deadList\`, first page of 50`, REPEAT, async () => {
    page = await deadList(database.db, settings.rotation, settings.workingHours, { limit: 50, offset: 0 });
  });
  // What autovacuum would do soon after the first run rewrote a third of holdings (it may be off, as on the bench machine).
  const vacuumMs = await timed("vacuum analyze holdings", () => database.rows(sql`vacuum analyze holdings`), log);
  const listVacuumed = await sample(`\`deadList\`, first page of 50, after VACUUM ANALYZE`, REPEAT, async () => {
    page = await deadList(database.db, settings.rotation, settings.workingHours, { limit: 50, offset: 0 });
  });
  const [head] = await database.rows<{ id: number; username: string; full_name: string }>(sql`select id, username, full_name from users where username = ${HEAD}`);
  const actor: Actor = { id: head!.id, username: head!.username, fullName: head!.full_name, role: "head", language: "en" };
  const items = page!.items.slice(0, BATCH).map((i) => ({ holdingId: i.holdingId, decision: "transfer_now" as const }));
  const decide = await measure(`\`decideRotation\`, ${items.length} × transfer_now`, () => decideRotation(database.db, actor, items, TIME_ZONE));
  const movedTo = new Set(decide.result.map((o) => o.toUserId)).size;

  log(`the head changes inactiveDays ${settings.rotation.inactiveDays} → ${NEW_INACTIVE_DAYS}`);
  const before = settings.rotation.inactiveDays;
  await writeSettings(database.db, { ...settings, rotation: { ...settings.rotation, inactiveDays: NEW_INACTIVE_DAYS } });
  await run(`after inactiveDays ${before} → ${NEW_INACTIVE_DAYS}`, NEW_INACTIVE_DAYS);
  const [periods] = await database.rows<{ value: { overall: { days: number; cases: number; mean: number | null; median: number | null }; byIndustry: Record<string, unknown>; bySize: Record<string, unknown> } }>(
    sql`select value from settings where key = 'sales_periods'`,
  );
  return { runs, listed, checks, list, listVacuumed, vacuumMs, decide, movedTo, items: items.length, periods: periods!.value, inactiveBefore: before };
}

// ---- the report

type Bench = Awaited<ReturnType<typeof bench>>;
type Facts = Awaited<ReturnType<typeof dataFacts>>;

function report(b: Bench, f: Facts, loaded: Loaded, env: { version: string; settings: string; loadBefore: number[]; loadAfter: number[]; totalMs: number }): string {
  const l = loaded.times;
  const avg = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(" / ");
  const stepNames = ["wake rested", "sales period", "missing terms", "dead list", "commit"];
  const stepCell = (m: SweepRun, name: string) => {
    const s = m.steps.find((x) => x.name === name);
    return s ? `${seconds(s.ms)} (${seconds(s.sqlMs)})` : "—";
  };
  const outcome = (m: SweepRun, i: number) => {
    const r = resultOf(m);
    return `${r.listed} listed, ${r.unlisted} unlisted, ${r.woken} woken, ${r.termsSet} terms set · on the list after: ${b.listed[i]!.listed}`;
  };
  const p = b.periods;
  const n = f.n;
  return [
    `${machineLine()} · ${env.version} (${env.settings}; as installed) · load average (1 / 5 / 15 min) ${avg(env.loadBefore)} at the start, ${avg(env.loadAfter)} at the end · whole run ${seconds(env.totalMs)} s · the bench process runs the sweeps; RSS is its own, PostgreSQL's memory is not counted.`,
    "",
    `Data: ${n.users} users (${TEAM.callers} callers, ${TEAM.managers} managers — one of each inactive —, ${TEAM.accountManagers} account managers, a head …) · ${n.companies} companies (cold ${n.cold}, lead ${n.lead}, customer ${n.customer}, resting ${n.resting}, archived ${n.archived}; last touch within 60 days, never for ${n.never_touched}) · ${n.holdings} holdings: **${n.open} open** (tier 1 ${n.t1}, tier 2 ${n.t2}, tier 3 ${n.t3}; tier 2 with a term ${n.t2_term}, past it ${n.t2_past_term}, without one ${n.t2_no_term}; extended ${n.extended}), ${n.ended} ended (${f.reasons.map((r) => `${r.end_reason} ${r.n}`).join(", ")}) · **${f.activities} activities** · ${n.orders} orders · ${n.deals} open deals · ${n.rests} open rests, ${n.rests_due} due today · sizes with indexes: activities ${f.mb.activities!.toFixed(0)} MB, holdings ${f.mb.holdings!.toFixed(0)} MB, companies ${f.mb.companies!.toFixed(0)} MB, database ${(f.dbMb / 1024).toFixed(1)} GB.`,
    "",
    `Load (set-based, one connection, foreign-key triggers off, references checked after)${loaded.cloneMs !== undefined ? ` — done ${loaded.loadedAt}; this run started from a copy of it (${seconds(loaded.cloneMs)} s)` : ""}: users and companies ${seconds(l.usersCompaniesMs)} s · holdings ${seconds(l.holdingsMs)} s · orders, deals, rests ${seconds(l.ordersDealsRestsMs)} s · activities ${seconds(l.activitiesMs)} s · reference check ${seconds(l.checkMs)} s · VACUUM ANALYZE ${seconds(l.vacuumMs)} s.`,
    "",
    `**The \`rotation\` sweep** through \`runSweep\` (lock and transaction included; forced, time zone ${TIME_ZONE}). Steps: seconds of wall time (in parentheses: statements in flight); "wake rested" is \`wakeRestedClients\`, "sales period" \`refreshSalesPeriods\`, "dead list" the listing with its timeline entries; lock and settings take the rest.`,
    "",
    `| run | wall (s) | ${stepNames.join(" | ")} | in flight (s) | CPU: bench · PostgreSQL (s) | statements | bench RSS before → peak | result | < ${AIM_MS / 1000} s |`,
    `|---|---|${stepNames.map(() => "---").join("|")}|---|---|---|---|---|---|`,
    ...b.runs.map(
      (m, i) =>
        `| ${m.label} | **${seconds(m.ms)}** | ${stepNames.map((n) => stepCell(m, n)).join(" | ")} | ${seconds(m.sqlMs)} | ${seconds(m.benchCpuMs)} · ${seconds(m.postgresCpuMs)} | ${m.statements} | ${m.rssBeforeMb.toFixed(0)} → ${m.rssPeakMb.toFixed(0)} MB | ${outcome(m, i)} | ${m.ms < AIM_MS ? "yes" : "**no**"} |`,
    ),
    "",
    `On the list after the first run: ${b.listed[0]!.term_expired} past their term, ${b.listed[0]!.inactive} inactive. Sales period: ${p.overall.days} days overall (mean ${p.overall.mean?.toFixed(1) ?? "—"}, median ${p.overall.median ?? "—"}) from ${p.overall.cases} sale cases; ${Object.keys(p.byIndustry).length} industries and ${Object.keys(p.bySize).length} sizes with their own.`,
    "",
    `Checked after each run (not timed): ${b.checks.map((c, i) => `${i + 1}. ${c}`).join(" · ")}.`,
    "",
    `The head's screen and decision, after the second run: right after it (statistics and visibility map as the sweeps left them), then after \`VACUUM ANALYZE holdings\` (${seconds(b.vacuumMs)} s: autovacuum's job after the first run rewrote a third of the table):`,
    "",
    "| call | first call ms | p50 ms | p95 ms | max ms |",
    "|---|---|---|---|---|",
    ...[b.list, b.listVacuumed].map((l) => `| ${l.label} (${l.n} calls after the first) | ${ms(l.firstMs)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.max)} |`),
    `| ${b.decide.label}, one batch (${b.decide.statements} statements, to ${b.movedTo} different people) | ${ms(b.decide.ms)} | — | — | — |`,
  ].join("\n");
}

const SECTION_HEAD = `## Rotation (issue #6)

The daily rotation sweep — rests that end, the sales period, missing terms, the head's list of dead clients — over 1,000,000 companies and holdings (~600,000 open) with 10,000,000 timeline entries, on PostgreSQL. The aim is **the sweep under 10 s**. What is measured and how to rerun: [README.md](README.md#rotation-the-daily-sweep). The figures between the markers are written by \`npm run bench:rotation\`; the reading below them is by hand.
`;

const runStarted = performance.now();
const loadBefore = os.loadavg();
try {
  const { name } = adminUrl(args.url);
  log(`database ${name} on ${new URL(args.url).host} (dropped and created again)`);
  let loaded = await prepareDatabase();
  const database = await openDatabase({ url: args.url });
  try {
    if (!loaded) {
      log(`loading ${sizes.companies} companies, ~${sizes.activities} activities, ${sizes.rests} rests (${JSON.stringify(rangesOf(sizes))})`);
      const loader = await connectLoader(args.url);
      try {
        loaded = { times: await generateRotation(loader, sizes, log), loadedAt: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC" };
      } finally {
        await loader.end();
      }
      if (args.seed) {
        await database.close();
        await keepSeed(loaded);
      }
    }
  } finally {
    await database.close().catch(() => undefined);
  }
  if (!args["load-only"]) {
    const db = await openDatabase({ url: args.url });
    try {
      const facts = await dataFacts(db);
      log(`data: ${JSON.stringify(facts)}`);
      const [server] = await db.rows<{ version: string; settings: string }>(
        sql`select version() as version, (select string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings
                                          where name in ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'autovacuum')) as settings`,
      );
      const result = await bench(db);
      const markdown = report(result, facts, loaded, {
        version: server!.version.split(" ").slice(0, 2).join(" "),
        settings: server!.settings,
        loadBefore,
        loadAfter: os.loadavg(),
        totalMs: performance.now() - runStarted,
      });
      console.log(`\n${markdown}\n`);
      if (writeResults) writeSection("rotation", markdown, SECTION_HEAD);
    } finally {
      await db.close();
    }
  }
} finally {
  clearTimeout(deadline);
}
