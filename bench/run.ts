import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, type DatabaseTarget } from "../src/db/connect.js";
import { generate, pickTargets, type LoadTimes, type Sizes, type Targets } from "./generate.js";
import { Client, runScenario, type Scenario, type Stats } from "./load.js";

/**
 * `npm run bench [-- options]`: loads a generated client base into each engine, starts the
 * server as a child process and measures search, company card and timeline over HTTP.
 * Options: --engines=pglite,postgres --companies=200000 --activities=2000000 --requests=2000
 * --concurrency=1,8 --quick (small sizes, prints only) --keep (keep and reuse loaded data)
 * --pg=postgres://postgres@127.0.0.1:5432 --minutes=40 (hard time limit).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    engines: { type: "string", default: process.env.BENCH_ENGINES ?? "pglite,postgres" },
    companies: { type: "string" },
    activities: { type: "string" },
    requests: { type: "string" },
    concurrency: { type: "string", default: "1,8" },
    quick: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    write: { type: "boolean" },
    pg: { type: "string", default: process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432" },
    minutes: { type: "string", default: "40" },
  },
});
const sizes: Sizes = {
  companies: Number(args.companies ?? (args.quick ? 2_000 : 200_000)),
  activities: Number(args.activities ?? (args.quick ? 20_000 : 2_000_000)),
};
const requests = Number(args.requests ?? (args.quick ? 200 : 2_000));
const concurrencies = args.concurrency.split(",").map(Number);
const engines = args.engines.split(",") as Array<"pglite" | "postgres">;
const writeResults = args.write ?? !args.quick;
const PG_DB = "conveyor_bench";
const USER = { username: "bench-head", password: "bench password" };
const log = (line: string) => console.log(line);

let child: ChildProcess | undefined;
const deadline = setTimeout(() => {
  console.error(`bench: time limit of ${args.minutes} minutes reached, stopping`);
  child?.kill("SIGKILL");
  process.exit(2);
}, Number(args.minutes) * 60_000);
deadline.unref();

interface EngineResult {
  engine: string;
  version: string;
  loadTimes?: LoadTimes;
  rows: Record<string, number>;
  databaseMb: number;
  memory: { startedMb: number; afterMb: number; peakMb: number };
  stats: Stats[];
}

// ---- storage: a PGlite data dir or a PostgreSQL database, fresh unless --keep finds one of the same sizes

const sizeTag = `${sizes.companies}/${sizes.activities}`;
const pgliteDir = path.join(root, ".bench-data", `pglite-${sizes.companies}-${sizes.activities}`);

async function adminQuery<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: `${args.pg}/test` });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function targetOf(engine: string): DatabaseTarget {
  return engine === "pglite" ? { dataDir: pgliteDir } : { url: `${args.pg}/${PG_DB}` };
}

async function isLoaded(engine: string): Promise<boolean> {
  if (engine === "pglite") return existsSync(`${pgliteDir}.ready`);
  const [row] = await adminQuery<{ tag: string | null }>(`select shobj_description(oid, 'pg_database') as tag from pg_database where datname = '${PG_DB}'`);
  return row?.tag === sizeTag;
}

async function drop(engine: string): Promise<void> {
  if (engine === "pglite") {
    rmSync(pgliteDir, { recursive: true, force: true });
    rmSync(`${pgliteDir}.ready`, { force: true });
  } else {
    await adminQuery(`drop database if exists ${PG_DB}`);
  }
}

async function reset(engine: string): Promise<void> {
  await drop(engine);
  if (engine === "postgres") await adminQuery(`create database ${PG_DB}`);
}

async function markLoaded(engine: string): Promise<void> {
  if (engine === "pglite") writeFileSync(`${pgliteDir}.ready`, sizeTag);
  else await adminQuery(`comment on database ${PG_DB} is '${sizeTag}'`);
}

async function prepare(engine: string) {
  const fresh = !(args.keep && (await isLoaded(engine)));
  if (fresh) await reset(engine);
  log(`${engine}: ${fresh ? `loading ${sizes.companies} companies, ${sizes.activities} activities` : "reusing loaded data"}`);
  const database = await openDatabase(targetOf(engine));
  try {
    const loadTimes = fresh ? await generate(database, sizes, log) : undefined;
    if (fresh) await markLoaded(engine);
    const targets = await pickTargets(database, 1_000);
    const [counts] = await database.rows<Record<string, string>>(sql`select
      (select count(*) from companies) as companies, (select count(*) from contacts) as contacts,
      (select count(*) from contact_phones) as phones, (select count(*) from holdings) as holdings,
      (select count(*) from activities) as activities, pg_database_size(current_database()) as bytes,
      version() as version`);
    const { bytes, version, ...rows } = counts!;
    return {
      loadTimes,
      targets,
      databaseMb: Number(bytes) / 2 ** 20,
      version: String(version).split(" ").slice(0, 2).join(" "),
      rows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Number(v)])),
    };
  } finally {
    await database.close();
  }
}

// ---- the server under test, in its own process

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

async function startServer(target: DatabaseTarget): Promise<{ process: ChildProcess; port: number }> {
  const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench", "server.ts")], {
    cwd: root,
    env: { ...process.env, BENCH_TARGET: JSON.stringify(target), BENCH_USER: USER.username, BENCH_PASSWORD: USER.password, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child = server;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 180 s")), 180_000);
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: server.stdout! }).on("line", (line) => {
      const port = (JSON.parse(line) as { port?: number }).port;
      if (port) {
        clearTimeout(timer);
        resolve(port);
      }
    });
  });
  return { process: server, port };
}

async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.exitCode === null) server.kill("SIGKILL");
  child = undefined;
}

// ---- scenarios

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const hasItems = (body: string) => (JSON.parse(body) as { items: unknown[] }).items.length > 0;
const search = (name: string, queries: string[]): Scenario => ({
  name,
  path: () => `/api/companies?q=${encodeURIComponent(pick(queries))}`,
  found: hasItems,
});

function scenarios(t: Targets): Scenario[] {
  return [
    search("search: phone, full", t.phonesFull),
    search("search: phone, partial", t.phonesPartial),
    search("search: legal id prefix", t.legalIdPrefixes),
    search("search: name prefix", t.namePrefixes),
    { name: "company card", path: () => `/api/companies/${pick(t.companyIds)}`, found: () => true },
    {
      name: "timeline, first page",
      // Half at random, half among the busiest companies (hundreds to thousands of entries).
      path: () => `/api/companies/${Math.random() < 0.5 ? pick(t.companyIds) : pick(t.busyCompanyIds)}/timeline`,
      found: hasItems,
    },
  ];
}

async function benchEngine(engine: "pglite" | "postgres"): Promise<EngineResult> {
  const prepared = await prepare(engine);
  const server = await startServer(targetOf(engine));
  try {
    const started = memoryOf(server.process.pid!);
    const client = new Client(server.port, Math.max(...concurrencies));
    await client.signIn(USER.username, USER.password);
    const stats: Stats[] = [];
    for (const concurrency of concurrencies) {
      for (const scenario of scenarios(prepared.targets)) {
        await runScenario(client, scenario, Math.max(50, Math.round(requests / 10)), concurrency); // warm-up
        const s = await runScenario(client, scenario, requests, concurrency);
        log(`  c=${concurrency} ${s.scenario.padEnd(26)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  ${s.perSecond.toFixed(0)}/s${s.errors ? `  ${s.errors} errors` : ""}${s.empty ? `  ${s.empty} empty` : ""}`);
        stats.push(s);
      }
    }
    client.close();
    const after = memoryOf(server.process.pid!);
    return {
      engine,
      version: prepared.version,
      loadTimes: prepared.loadTimes,
      rows: prepared.rows,
      databaseMb: prepared.databaseMb,
      memory: { startedMb: started.rssMb, afterMb: after.rssMb, peakMb: after.peakMb },
      stats,
    };
  } finally {
    await stopServer(server.process);
    if (!args.keep) await drop(engine);
  }
}

// ---- report

const ms = (v: number) => v.toFixed(1);
const s = (v: number | undefined) => (v === undefined ? "—" : (v / 1000).toFixed(1));

function report(results: EngineResult[]): string {
  const cpu = os.cpus()[0]?.model ?? "unknown";
  const pglite = JSON.parse(readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string };
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${os.cpus().length} × ${cpu} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM · Node ${process.version} · PGlite ${pglite.version}`,
    `Sizes: ${sizes.companies} companies, ${sizes.activities} activities · ${requests} requests per scenario after ${Math.max(50, Math.round(requests / 10))} warm-up · load generator in the same machine, keep-alive.`,
    "",
    "| engine | companies | contacts | phones | holdings | activities | database | load: companies · contacts · holdings · activities · analyze (s) | server RSS: started → after (peak) |",
    "|---|---|---|---|---|---|---|---|---|",
    ...results.map((r) => {
      const t = r.loadTimes;
      return `| ${r.engine} (${r.version}) | ${r.rows.companies} | ${r.rows.contacts} | ${r.rows.phones} | ${r.rows.holdings} | ${r.rows.activities} | ${r.databaseMb.toFixed(0)} MB | ${t ? [t.companiesMs, t.contactsMs, t.holdingsMs, t.activitiesMs, t.analyzeMs].map(s).join(" · ") : "reused"} | ${r.memory.startedMb.toFixed(0)} → ${r.memory.afterMb.toFixed(0)} MB (${r.memory.peakMb.toFixed(0)} MB) |`;
    }),
  ];
  for (const r of results) {
    lines.push("", `### ${r.engine}`, "", "| scenario | concurrency | requests | errors | empty | p50 ms | p95 ms | p99 ms | max ms | req/s | p95 < 20 ms |", "|---|---|---|---|---|---|---|---|---|---|---|");
    for (const x of r.stats) {
      lines.push(`| ${x.scenario} | ${x.concurrency} | ${x.requests} | ${x.errors} | ${x.empty} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${ms(x.max)} | ${x.perSecond.toFixed(0)} | ${x.p95 < 20 ? "yes" : "**no**"} |`);
    }
  }
  return lines.join("\n");
}

/** Replaces the figures between the markers in bench/RESULTS.md, keeping the written reading around them. */
function writeReport(markdown: string): void {
  const file = path.join(root, "bench", "RESULTS.md");
  const [start, end] = ["<!-- figures:start -->", "<!-- figures:end -->"];
  const current = existsSync(file) ? readFileSync(file, "utf8") : `# Benchmark results\n\n${start}\n${end}\n`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from < 0 || to < 0) throw new Error("bench/RESULTS.md lost its figures markers");
  writeFileSync(file, `${current.slice(0, from + start.length)}\n${markdown}\n${current.slice(to)}`);
  log(`figures written to ${path.relative(root, file)}`);
}

const results: EngineResult[] = [];
try {
  for (const engine of engines) results.push(await benchEngine(engine));
  const markdown = report(results);
  console.log(`\n${markdown}\n`);
  if (writeResults) writeReport(markdown);
} finally {
  if (child) await stopServer(child);
  clearTimeout(deadline);
}
