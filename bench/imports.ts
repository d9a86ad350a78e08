import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/connect.js";
import { guessMapping } from "../src/domain/imports/headers.js";
import { DEFAULT_BATCH_SIZE } from "../src/features/imports/importOptions.js";
import { EXPECTED_MAPPING, HEADER, rowKinds, writeImportFile, type RowKinds } from "./importsData.js";
import { machineLine, seconds, writeSection } from "./report.js";
import { root } from "./serverProcess.js";
import { postgresProcesses, TICK_MS } from "./procStats.js";

/**
 * `npm run bench:imports [-- options]`: issue #8's benchmark. A CSV of 1,000,000 generated rows
 * (company, tax id, two phones, email, industry, region — importsData.ts) is imported by
 * `conveyor import FILE`, the command line a person runs, on PostgreSQL and on PGlite; in the same
 * run the same file is copied raw by PostgreSQL's `COPY` into a bare table (seven text columns, no
 * index) before and after the import.
 *
 * The import runs as its own process — the built `dist`-style JavaScript (compiled by tsc into
 * .bench-data/imports-build, so no TypeScript loader sits in its memory) — under /usr/bin/time,
 * which gives its peak RSS and CPU; its RSS is also sampled every 250 ms. With PGlite the
 * database lives in that process, so its memory counts; PostgreSQL's own processes are not
 * counted (their CPU during the import is, from /proc: the server must run on this machine).
 *
 * After each import, untimed: the base is checked against what the file must do (companies,
 * contacts, phones, merged emails, timeline entries, rejected rows), and the floor is measured:
 * the same final rows written by one `insert … select` per table into copies of companies,
 * contacts, contact_phones and activities with the same indexes and foreign keys — what any
 * importer must pay for this schema, whatever it does in JavaScript.
 *
 * Options: --rows=1000000 --engines=postgres,pglite --batch-size=N (default: the import's own)
 * --runner=build|tsx --cli=path/to/cli.js (another build, e.g. of an older commit, to compare) --quick (20,000 rows, prints only) --write --no-write --keep (keep the file,
 * the database and the data dir) --minutes=60
 * --url=postgres://… (default postgres://postgres@127.0.0.1:5432/bench_imports; dropped and created again).
 */
const { values: args } = parseArgs({
  options: {
    rows: { type: "string" },
    engines: { type: "string", default: "postgres,pglite" },
    "batch-size": { type: "string" },
    runner: { type: "string", default: "build" },
    cli: { type: "string" },
    quick: { type: "boolean", default: false },
    write: { type: "boolean" },
    "no-write": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    url: { type: "string", default: process.env.BENCH_IMPORTS_URL ?? "postgres://postgres@127.0.0.1:5432/bench_imports" },
    minutes: { type: "string", default: "60" },
  },
});
const ROWS = Number(args.rows ?? (args.quick ? 20_000 : 1_000_000));
const BATCH = Number(args["batch-size"] ?? DEFAULT_BATCH_SIZE);
const ENGINES = args.engines.split(",").map((e) => e.trim()) as ("postgres" | "pglite")[];
const writeResults = !args["no-write"] && (args.write ?? !args.quick);
const AIM_RATIO = 0.5;
const AIM_RSS_MB = 300;
const work = path.join(root, ".bench-data");
const log = (line: string) => console.log(line);
const deadline = setTimeout(() => {
  console.error(`bench: time limit of ${args.minutes} minutes reached, stopping`);
  for (const child of children) child.kill("SIGKILL");
  process.exit(2);
}, Number(args.minutes) * 60_000);
deadline.unref();

// ---- child processes, measured

const children = new Set<ReturnType<typeof spawn>>();
const HAS_TIME = existsSync("/usr/bin/time");

/**
 * CPU ticks of the PostgreSQL processes working for `database`: its backends (their title names
 * the database) and the shared writers (checkpointer, background writer, WAL writer). Other
 * databases' backends on the same server are left out.
 */
function postgresTicks(database: string): Map<number, number> {
  const working = postgresProcesses().filter((p) => !p.postmaster && (p.title.includes(` ${database} `) || /: (checkpointer|background writer|walwriter)/.test(p.title)));
  return new Map(working.map((p) => [p.pid, p.ticks]));
}

interface ChildRun {
  code: number | null;
  wallMs: number;
  peakRssMb: number;
  /** RSS samples every 250 ms, in MB. */
  rss: number[];
  cpuMs: number;
  /** CPU of PostgreSQL's processes for the database named in `runChild` (NaN without one). */
  postgresCpuMs: number;
  /** The most the V8 heap held right after a full collection (`--trace-gc`): the live working set, MB. */
  liveHeapMb: number;
  /** Standard output lines with the time they arrived (ms since start). */
  lines: { at: number; text: string }[];
}

/** The process /usr/bin/time started (its only child), for RSS samples. */
function measuredPid(pid: number): number {
  if (!HAS_TIME) return pid;
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(" ")[0]) || pid;
  } catch {
    return pid;
  }
}

function rssMbOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

const TRACE_GC = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/;

async function runChild(argv: string[], env: NodeJS.ProcessEnv, cwd: string, options: { echo?: boolean; database?: string } = {}): Promise<ChildRun> {
  const timeFile = path.join(work, `imports-time-${process.pid}.txt`);
  const command = HAS_TIME ? ["/usr/bin/time", "-f", "%M %U %S", "-o", timeFile, ...argv] : argv;
  const pgBefore = options.database ? postgresTicks(options.database) : new Map<number, number>();
  const pgLast = new Map(pgBefore);
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  const lines: ChildRun["lines"] = [];
  let liveHeapMb = 0;
  createInterface({ input: child.stdout! }).on("line", (text) => {
    if (text.startsWith("[")) {
      const live = TRACE_GC.exec(text);
      if (live) liveHeapMb = Math.max(liveHeapMb, Number(live[1]));
      return;
    }
    lines.push({ at: performance.now() - started, text });
    if (options.echo !== false && !/^batch \d+:/.test(text)) log(`    | ${text}`);
  });
  createInterface({ input: child.stderr! }).on("line", (text) => log(`    ! ${text}`));
  const rss: number[] = [];
  let polledPeak = 0;
  const poll = setInterval(() => {
    const m = rssMbOf(measuredPid(child.pid!));
    if (m) {
      rss.push(m.rss);
      polledPeak = Math.max(polledPeak, m.hwm);
    }
    if (options.database) for (const [pid, ticks] of postgresTicks(options.database)) pgLast.set(pid, ticks);
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearInterval(poll);
  children.delete(child);
  const wallMs = performance.now() - started;
  let pgTicks = 0;
  for (const [pid, ticks] of pgLast) pgTicks += ticks - (pgBefore.get(pid) ?? 0);
  const postgresCpuMs = options.database ? pgTicks * TICK_MS : NaN;
  const run: ChildRun = { code, wallMs, peakRssMb: polledPeak, rss, cpuMs: NaN, postgresCpuMs, liveHeapMb, lines };
  if (HAS_TIME && existsSync(timeFile)) {
    // The last line: a failing command makes time write "Command exited with non-zero status N" first.
    const [maxKb, user, system] = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
    run.peakRssMb = maxKb! / 1024;
    run.cpuMs = (user! + system!) * 1000;
    rmSync(timeFile, { force: true });
  }
  return run;
}

// ---- the import command under test

/** How to start `conveyor`: the compiled JavaScript (default) or the TypeScript sources through tsx. */
function conveyorCommand(): string[] {
  if (args.cli) return [process.execPath, path.resolve(args.cli)];
  if (args.runner === "tsx") return [process.execPath, "--import", "tsx", path.join(root, "src", "cli.ts")];
  const outDir = path.join(work, "imports-build");
  log(`compiling the server into ${path.relative(root, outDir)} (tsc -p tsconfig.build.json)`);
  rmSync(outDir, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", outDir, "--sourceMap", "false"], {
    cwd: root,
    encoding: "utf8",
  });
  // Type errors elsewhere in a working tree still emit JavaScript; the run needs only the CLI.
  if (tsc.status !== 0) log(`  tsc reported errors (JavaScript emitted anyway):\n${tsc.stdout.split("\n").slice(0, 5).join("\n")}`);
  const cli = path.join(outDir, "cli.js");
  if (!existsSync(cli)) throw new Error(`bench: ${cli} was not built`);
  cpSync(path.join(root, "src/db/migrations"), path.join(outDir, "db/migrations"), { recursive: true });
  return [process.execPath, cli];
}

interface ImportRun extends ChildRun {
  /** Data rows read / s over the whole process (start to exit). */
  rowsPerSecond: number;
  /** Rows / s over the first and the last tenth of the batches: does the rate hold as the base grows? */
  firstTenth: number;
  lastTenth: number;
  batches: number;
  summary: string;
}

function importRun(run: ChildRun): ImportRun {
  const batches = run.lines.flatMap(({ at, text }) => {
    const m = /^batch (\d+): through line \d+ — read (\d+)/.exec(text);
    return m ? [{ at, read: Number(m[2]) }] : [];
  });
  const tenth = Math.max(1, Math.floor(batches.length / 10));
  const rate = (from: { at: number; read: number }, to: { at: number; read: number }) => ((to.read - from.read) / (to.at - from.at)) * 1000;
  const start = { at: run.lines.find((l) => /^Import #\d+:/.test(l.text))?.at ?? 0, read: 0 };
  const last = batches[batches.length - 1];
  return {
    ...run,
    rowsPerSecond: (ROWS / run.wallMs) * 1000,
    firstTenth: batches.length ? rate(start, batches[tenth - 1]!) : NaN,
    lastTenth: last && batches.length > tenth ? rate(batches[batches.length - 1 - tenth]!, last) : NaN,
    batches: batches.length,
    summary: run.lines.find((l) => /^Import #\d+ done:/.test(l.text))?.text ?? "(no summary: the import did not finish)",
  };
}

// ---- checks and the floor, on either engine

interface Checked {
  ok: boolean;
  line: string;
}

async function checkBase(database: Database, kinds: RowKinds): Promise<Checked> {
  const [n] = await database.rows<Record<string, number>>(
    sql`select (select count(*)::int from companies) as companies,
               (select count(*)::int from contacts) as contacts,
               (select count(*)::int from contact_phones) as phones,
               (select count(*)::int from contacts where cardinality(emails) = 2) as merged_emails,
               (select count(*)::int from activities where kind = 'imported') as entries,
               (select count(*)::int from import_rejects) as rejects`,
  );
  const [i] = await database.rows<{ status: string; rows_read: number; rows_created: number; rows_merged: number; rows_skipped: number; rows_rejected: number }>(
    sql`select status, rows_read, rows_created, rows_merged, rows_skipped, rows_rejected from imports order by id desc limit 1`,
  );
  const expected: Record<string, number> = {
    companies: kinds.created,
    contacts: kinds.created,
    phones: 2 * kinds.created,
    merged_emails: kinds.merged,
    entries: kinds.entries,
    rejects: kinds.rejected,
  };
  const wrong = Object.entries(expected).filter(([k, v]) => n![k] !== v);
  const counts = i && i.status === "done" && i.rows_read === kinds.rows && i.rows_created === kinds.created && i.rows_merged === kinds.merged && i.rows_skipped === 0 && i.rows_rejected === kinds.rejected;
  const ok = wrong.length === 0 && Boolean(counts);
  const line = `${ok ? "ok" : "**FAILED**"}: ${n!.companies} companies, ${n!.contacts} contacts, ${n!.phones} phones, ${n!.merged_emails} contacts with a merged email, ${n!.entries} "imported" timeline entries, ${n!.rejects} rejected rows${wrong.length ? ` — expected ${wrong.map(([k]) => `${k} ${expected[k]}`).join(", ")}` : ""}${counts ? "" : ` — import ${JSON.stringify(i)}`}`;
  log(`  check ${line}`);
  if (!ok) process.exitCode = 1;
  return { ok, line };
}

const FLOOR_TABLES = ["companies", "contacts", "contact_phones", "activities"] as const;

/** The same final rows into copies of the four tables (same indexes, foreign keys between the copies), one insert each. */
async function measureFloor(database: Database): Promise<{ ms: number; byTable: Record<string, number> }> {
  const run = (text: string) => database.rows(sql.raw(text));
  await run("drop table if exists floor_activities, floor_contact_phones, floor_contacts, floor_companies");
  await run("create table floor_companies (like companies including all)");
  await run("create table floor_contacts (like contacts including all, foreign key (company_id) references floor_companies (id))");
  await run(
    "create table floor_contact_phones (like contact_phones including all, foreign key (contact_id) references floor_contacts (id) on delete cascade, foreign key (company_id) references floor_companies (id))",
  );
  await run("create table floor_activities (like activities including all, foreign key (company_id) references floor_companies (id), foreign key (actor_id) references users (id))");
  await run("checkpoint");
  const byTable: Record<string, number> = {};
  const started = performance.now();
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    for (const table of FLOOR_TABLES) {
      const t = performance.now();
      await tx.execute(sql.raw(`insert into floor_${table} overriding system value select * from ${table}`));
      byTable[table] = performance.now() - t;
    }
  });
  const ms = performance.now() - started;
  await run("drop table floor_activities, floor_contact_phones, floor_contacts, floor_companies");
  log(`  floor (the same rows into copies of the tables): ${seconds(ms)} s — ${FLOOR_TABLES.map((t) => `${t} ${seconds(byTable[t])}`).join(", ")}`);
  return { ms, byTable };
}

async function baseSizeMb(database: Database): Promise<number> {
  const [r] = await database.rows<{ bytes: string }>(
    sql`select sum(pg_total_relation_size(c.oid))::bigint as bytes from pg_class c where c.relname in ('companies', 'contacts', 'contact_phones', 'activities')`,
  );
  return Number(r!.bytes) / 2 ** 20;
}

// ---- the engines

interface CopyRun {
  ms: number;
  rows: number;
  peakRssMb?: number;
}

interface EngineResult {
  engine: string;
  copies: CopyRun[];
  importRun: ImportRun;
  floor: { ms: number; byTable: Record<string, number> };
  check: Checked;
  baseMb: number;
  notes: string;
}

const BARE = "create table bare_rows (company text, legal_id text, phone text, phone2 text, email text, industry text, region text)";
const COPY_OPTIONS = "(format csv, header true, delimiter ';')";

function adminUrl(url: string): { admin: string; name: string } {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench: unexpected database name "${name}"`);
  target.pathname = "/postgres";
  return { admin: target.toString(), name };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(args.url).admin });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NODE_OPTIONS: "" };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  return env;
};

async function copyOnPostgres(file: string): Promise<CopyRun> {
  const database = await openDatabase({ url: args.url });
  try {
    await database.rows(sql.raw("drop table if exists bare_rows"));
    await database.rows(sql.raw(BARE));
    await database.rows(sql.raw("checkpoint"));
    // psql's \copy: COPY … FROM STDIN with the file streamed by the client, as an application would send it.
    const started = performance.now();
    const psql = spawnSync("psql", [args.url, "-v", "ON_ERROR_STOP=1", "-qc", `\\copy bare_rows from '${file}' with ${COPY_OPTIONS}`], { encoding: "utf8" });
    const ms = performance.now() - started;
    if (psql.status !== 0) throw new Error(`bench: psql \\copy failed: ${psql.stderr || psql.error?.message}`);
    const [r] = await database.rows<{ n: number }>(sql`select count(*)::int as n from bare_rows`);
    await database.rows(sql.raw("drop table bare_rows"));
    log(`  raw COPY into a bare table: ${r!.n} rows in ${seconds(ms)} s (${Math.round((r!.n / ms) * 1000)} rows/s)`);
    return { ms, rows: r!.n };
  } finally {
    await database.close();
  }
}

/** PGlite copies from a Blob it mounts as /dev/blob; run as its own process, like the import. */
async function copyOnPglite(file: string, dataDir: string): Promise<CopyRun> {
  const script = `
    import { openAsBlob } from "node:fs";
    import { PGlite } from "@electric-sql/pglite";
    const db = new PGlite(${JSON.stringify(dataDir)});
    await db.waitReady;
    await db.exec("drop table if exists bare_rows; ${BARE}; checkpoint");
    const blob = await openAsBlob(${JSON.stringify(file)});
    const started = performance.now();
    await db.query("copy bare_rows from '/dev/blob' with ${COPY_OPTIONS}", [], { blob });
    const ms = performance.now() - started;
    const rows = (await db.query("select count(*)::int as n from bare_rows")).rows[0].n;
    await db.exec("drop table bare_rows");
    await db.close();
    console.log(JSON.stringify({ ms, rows }));`;
  const run = await runChild([process.execPath, "--input-type=module", "-e", script], baseEnv(), root, { echo: false });
  const out = JSON.parse(run.lines.at(-1)?.text ?? "{}") as { ms?: number; rows?: number };
  if (run.code !== 0 || out.ms === undefined) throw new Error(`bench: the PGlite COPY failed (exit ${run.code})`);
  log(`  raw COPY into a bare table: ${out.rows} rows in ${seconds(out.ms)} s (${Math.round((out.rows! / out.ms) * 1000)} rows/s), peak RSS ${run.peakRssMb.toFixed(0)} MB`);
  return { ms: out.ms, rows: out.rows!, peakRssMb: run.peakRssMb };
}

async function runImport(conveyor: string[], file: string, env: NodeJS.ProcessEnv, database?: string): Promise<ImportRun> {
  const cwd = path.join(work, "imports-cwd");
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  // Always named: the expected timeline entries depend on it, and another build (--cli) may have another default.
  const batchArgs = ["--batch-size", String(BATCH)];
  // --trace-gc: each full collection's heap after it, the working set the import keeps (V8 collects lazily above it).
  const [node, ...rest] = conveyor;
  const run = importRun(await runChild([node!, "--trace-gc", ...rest, "import", file, ...batchArgs], env, cwd, { database }));
  rmSync(cwd, { recursive: true, force: true });
  log(
    `  import: ${seconds(run.wallMs)} s (${Math.round(run.rowsPerSecond)} rows/s; first tenth ${Math.round(run.firstTenth)}, last tenth ${Math.round(run.lastTenth)} rows/s), peak RSS ${run.peakRssMb.toFixed(0)} MB (live heap at most ${run.liveHeapMb.toFixed(0)} MB), CPU ${seconds(run.cpuMs)} s, PostgreSQL CPU ${seconds(run.postgresCpuMs)} s, exit ${run.code}`,
  );
  return run;
}

async function onPostgres(conveyor: string[], file: string, kinds: RowKinds): Promise<EngineResult> {
  const { name } = adminUrl(args.url);
  log(`PostgreSQL: database ${name} on ${new URL(args.url).host} (dropped and created again)`);
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const env = { ...baseEnv(), DATABASE_URL: args.url };
  const migrate = await runChild([...conveyor, "migrate"], env, root, { echo: false });
  if (migrate.code !== 0) throw new Error("bench: migrate failed");
  const before = await copyOnPostgres(file);
  const database = await openDatabase({ url: args.url });
  try {
    await database.rows(sql.raw("checkpoint"));
    const run = await runImport(conveyor, file, env, name);
    const after = await copyOnPostgres(file);
    const check = await checkBase(database, kinds);
    const baseMb = await baseSizeMb(database);
    const floor = await measureFloor(database);
    const [s] = await database.rows<{ version: string; settings: string }>(
      sql`select version() as version, (select string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings
                                        where name in ('shared_buffers', 'work_mem', 'max_wal_size', 'synchronous_commit', 'jit', 'autovacuum')) as settings`,
    );
    return { engine: "PostgreSQL", copies: [before, after], importRun: run, floor, check, baseMb, notes: `${s!.version.split(" ").slice(0, 2).join(" ")} (${s!.settings}; as installed)` };
  } finally {
    await database.close();
    if (!args.keep) await adminQuery(`drop database if exists ${name} with (force)`);
  }
}

async function onPglite(conveyor: string[], file: string, kinds: RowKinds): Promise<EngineResult> {
  const dataDir = path.join(work, "imports-pglite");
  log(`PGlite: data dir ${path.relative(root, dataDir)} (removed and created again)`);
  rmSync(dataDir, { recursive: true, force: true });
  const env = { ...baseEnv(), DATA_DIR: dataDir };
  const migrate = await runChild([...conveyor, "migrate"], env, root, { echo: false });
  if (migrate.code !== 0) throw new Error("bench: migrate failed");
  const before = await copyOnPglite(file, dataDir);
  const run = await runImport(conveyor, file, env);
  const after = await copyOnPglite(file, dataDir);
  const database = await openDatabase({ dataDir });
  try {
    const check = await checkBase(database, kinds);
    const baseMb = await baseSizeMb(database);
    const floor = await measureFloor(database);
    return { engine: "PGlite", copies: [before, after], importRun: run, floor, check, baseMb, notes: "in the import's process" };
  } finally {
    await database.close();
    if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- the report

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN;
}

function report(results: EngineResult[], env: { kinds: RowKinds; fileMb: number; generateMs: number; loadBefore: number[]; loadAfter: number[]; totalMs: number }): string {
  const k = env.kinds;
  const avg = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(" / ");
  const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000).toLocaleString("en-US");
  const row = (r: EngineResult) => {
    const copyMs = r.copies.reduce((s, c) => s + c.ms, 0) / r.copies.length;
    const i = r.importRun;
    const ratio = copyMs / i.wallMs;
    const steady = median(i.rss.slice(Math.floor(i.rss.length / 2)));
    return `| ${r.engine} | ${r.copies.map((c) => seconds(c.ms)).join(" · ")} s (${rate(ROWS, copyMs)} rows/s) | **${seconds(i.wallMs)} s (${rate(ROWS, i.wallMs)} rows/s)** | **${ratio.toFixed(3)}** (aim ≥ ${AIM_RATIO}: ${ratio >= AIM_RATIO ? "yes" : "**no**"}) | **${i.peakRssMb.toFixed(0)} MB** (aim < ${AIM_RSS_MB}: ${i.peakRssMb < AIM_RSS_MB ? "yes" : "**no**"}) · median ${steady.toFixed(0)} · live heap ≤ ${i.liveHeapMb.toFixed(0)} | ${seconds(i.cpuMs)} · ${r.engine === "PostgreSQL" ? seconds(i.postgresCpuMs) : "(inside)"} | ${Math.round(i.firstTenth).toLocaleString("en-US")} → ${Math.round(i.lastTenth).toLocaleString("en-US")} | ${seconds(r.floor.ms)} s (${FLOOR_TABLES.map((t) => seconds(r.floor.byTable[t])).join(" + ")}) | ${(r.floor.ms / i.wallMs).toFixed(2)} | ${r.baseMb.toFixed(0)} MB |`;
  };
  return [
    `${machineLine()} · load average (1 / 5 / 15 min) ${avg(env.loadBefore)} at the start, ${avg(env.loadAfter)} at the end · whole run ${seconds(env.totalMs)} s · import run by ${args.cli ? `\`${path.relative(root, path.resolve(args.cli))}\`` : args.runner === "tsx" ? "tsx from the sources" : "the compiled JavaScript"}, batches of ${BATCH.toLocaleString("en-US")} rows.`,
    ...results.filter((r) => r.engine === "PostgreSQL").map((r) => `PostgreSQL: ${r.notes}; its own processes' memory is not counted. PGlite: the database runs in the import's process, so its memory is counted.`),
    "",
    `File: **${ROWS.toLocaleString("en-US")} rows**, ${env.fileMb.toFixed(0)} MB, UTF-8 with a byte-order mark, \`;\`, CR LF (columns ${HEADER.map((h) => `"${h}"`).join(", ")}; the mapping guessed from the headers; ${env.generateMs ? `generated in ${seconds(env.generateMs)} s` : "kept from an earlier run"}). It creates ${k.created.toLocaleString("en-US")} companies (with one contact and two phones each), merges ${k.merged.toLocaleString("en-US")} rows into companies of earlier rows (a new email) and rejects ${k.rejected.toLocaleString("en-US")} (a phone too short).`,
    "",
    "| engine | raw COPY into a bare table (before · after) | `conveyor import` (process start to exit) | import ÷ COPY | import process: peak RSS · median RSS (second half) · V8 heap after a full GC, at most (MB) | CPU s: import process · PostgreSQL (this database) | rows/s, first → last tenth of the batches | floor: the same rows into copies of the tables (companies + contacts + phones + timeline) | floor ÷ import | the four tables after |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...results.map(row),
    "",
    ...results
      .filter((r) => r.engine === "PGlite")
      .map((r) => `PGlite's raw COPY runs in a process of its own, the whole file read as a Blob: peak RSS ${r.copies.map((c) => `${c.peakRssMb?.toFixed(0)} MB`).join(" · ")}.\n`),
    `Checked after each import (not timed): ${results.map((r) => `${r.engine} ${r.check.line}`).join(" · ")}.`,
    "",
    `Import output: ${results.map((r) => `${r.engine}: \`${r.importRun.summary}\` (${r.importRun.batches} batches, exit ${r.importRun.code}: 3 = done with rejected rows)`).join(" · ")}.`,
  ].join("\n");
}

const SECTION_HEAD = `## Import (issue #8)

\`conveyor import FILE\` with 1,000,000 generated rows (company, tax id, two phones, email, industry, region) on PostgreSQL and PGlite, against a raw \`COPY\` of the same file into a bare table in the same run. The aim: **at least half the speed of raw COPY on PostgreSQL, memory under 300 MB**. What is measured and how to rerun: [README.md](README.md#import-a-million-rows). The figures between the markers are written by \`npm run bench:imports\`; the reading below them is by hand.
`;

const runStarted = performance.now();
const loadBefore = os.loadavg();
try {
  const guessed = guessMapping(HEADER);
  if (JSON.stringify(guessed) !== JSON.stringify(EXPECTED_MAPPING)) throw new Error(`bench: the headers are guessed as ${JSON.stringify(guessed)}`);
  mkdirSync(work, { recursive: true });
  const file = path.join(work, `imports-${ROWS}.csv`);
  const kinds = rowKinds(ROWS, BATCH);
  let generateMs = 0;
  if (!existsSync(file)) {
    log(`writing ${ROWS} rows to ${path.relative(root, file)}`);
    const started = performance.now();
    await writeImportFile(file, ROWS);
    generateMs = performance.now() - started;
  }
  const fileMb = statSync(file).size / 2 ** 20;
  log(`file ${path.relative(root, file)}: ${fileMb.toFixed(0)} MB, expected ${JSON.stringify(kinds)}`);
  const conveyor = conveyorCommand();
  const results: EngineResult[] = [];
  for (const engine of ENGINES) results.push(engine === "postgres" ? await onPostgres(conveyor, file, kinds) : await onPglite(conveyor, file, kinds));
  if (!args.keep) rmSync(file, { force: true });
  const markdown = report(results, { kinds, fileMb, generateMs, loadBefore, loadAfter: os.loadavg(), totalMs: performance.now() - runStarted });
  console.log(`\n${markdown}\n`);
  if (writeResults) writeSection("imports", markdown, SECTION_HEAD);
} finally {
  clearTimeout(deadline);
}
