import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/connect.js";
import { generate, pickTargets, type LoadTimes, type Sizes, type Targets } from "./generate.js";
import { Client, runScenario, type Scenario, type Stats } from "./load.js";
import { machineLine, ms, seconds as s, writeSection } from "./report.js";
import { memoryOf, root, runningServer, startServer, stopServer, timeLimit } from "./serverProcess.js";
import { BenchStorage } from "./storage.js";

/**
 * `npm run bench [-- options]`: loads a generated client base into each engine, starts the
 * server as a child process and measures search, company card and timeline over HTTP.
 * Options: --engines=pglite,postgres --companies=200000 --activities=2000000 --requests=2000
 * --concurrency=1,8 --quick (small sizes, prints only) --keep (keep and reuse loaded data)
 * --pg=postgres://postgres@127.0.0.1:5432 --minutes=40 (hard time limit).
 */
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

const deadline = timeLimit(Number(args.minutes));

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

const storage = new BenchStorage({ pgUrl: args.pg, pgDatabase: PG_DB, pgliteDir, tag: sizeTag });
const targetOf = (engine: "pglite" | "postgres") => storage.target(engine);

async function prepare(engine: "pglite" | "postgres") {
  const fresh = !(args.keep && (await storage.isLoaded(engine)));
  if (fresh) await storage.reset(engine);
  log(`${engine}: ${fresh ? `loading ${sizes.companies} companies, ${sizes.activities} activities` : "reusing loaded data"}`);
  const database = await openDatabase(targetOf(engine));
  try {
    const loadTimes = fresh ? await generate(database, sizes, log) : undefined;
    if (fresh) await storage.markLoaded(engine);
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
  const server = await startServer(targetOf(engine), USER);
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
    if (!args.keep) await storage.drop(engine);
  }
}

// ---- report

function report(results: EngineResult[]): string {
  const lines = [
    machineLine(),
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

const results: EngineResult[] = [];
try {
  for (const engine of engines) results.push(await benchEngine(engine));
  const markdown = report(results);
  console.log(`\n${markdown}\n`);
  if (writeResults) writeSection("figures", markdown);
} finally {
  const child = runningServer();
  if (child) await stopServer(child);
  clearTimeout(deadline);
}
