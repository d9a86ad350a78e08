import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/connect.js";
import { CALLER_PREFIX, generateCalling, PASSWORD, HEAD, type CallingLoadTimes, type CallingSizes } from "./callingData.js";
import { Client, percentile } from "./load.js";
import { machineLine, ms, seconds, writeSection } from "./report.js";
import { memoryOf, root, runningServer, startServer, stopServer, timeLimit } from "./serverProcess.js";
import { BenchStorage, type Engine } from "./storage.js";

/**
 * `npm run bench:calling [-- options]`: "log outcome + get next company" with a cold base of
 * 1,000,000 companies and 50 callers working at once, on PGlite and on PostgreSQL.
 * Each caller signs in over HTTP, takes a company (POST /api/calling/next), then loops: log an
 * outcome with takeNext (POST /api/calling/:id/outcome) — one request per call. Two phases
 * after a warm-up: saturation (no pause between calls) and paced (a pause of ~1 s between
 * calls). Checks as it goes that no company is ever in front of two callers, and at the end in
 * SQL that no company has two open holdings or a caller two live claims.
 * Options: --engines=pglite,postgres --companies=1000000 --callers=50 --lists=10 --calls=10000
 * --warmup=1000 --paced-calls=3000 --think-ms=1000 --phase-seconds=180 --paced-seconds=120 --quick --keep --write
 * --pg=postgres://postgres@127.0.0.1:5432 --minutes=35 (hard limit).
 */
const { values: args } = parseArgs({
  options: {
    engines: { type: "string", default: process.env.BENCH_ENGINES ?? "pglite,postgres" },
    companies: { type: "string" },
    callers: { type: "string", default: "50" },
    lists: { type: "string", default: "10" },
    calls: { type: "string" },
    warmup: { type: "string" },
    "paced-calls": { type: "string" },
    "think-ms": { type: "string", default: "1000" },
    "phase-seconds": { type: "string", default: "180" },
    "paced-seconds": { type: "string", default: "120" },
    quick: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    write: { type: "boolean" },
    pg: { type: "string", default: process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432" },
    minutes: { type: "string", default: "35" },
  },
});
const sizes: CallingSizes = {
  companies: Number(args.companies ?? (args.quick ? 5_000 : 1_000_000)),
  callers: Number(args.callers),
  lists: Number(args.lists),
};
const CALLS = Number(args.calls ?? (args.quick ? 500 : 10_000));
const WARMUP = Number(args.warmup ?? Math.max(100, Math.round(CALLS / 10)));
const PACED_CALLS = Number(args["paced-calls"] ?? (args.quick ? 200 : 3_000));
const THINK_MS = Number(args["think-ms"]);
const PHASE_MS = Number(args["phase-seconds"]) * 1000;
const PACED_MS = Number(args["paced-seconds"]) * 1000;
const WARMUP_MS = 60_000;
const AIM_MS = 30;
const engines = args.engines.split(",") as Engine[];
const writeResults = args.write ?? !args.quick;
const POOL = process.env.DATABASE_POOL_SIZE ?? "10";
const log = (line: string) => console.log(line);
const deadline = timeLimit(Number(args.minutes));

const tag = `calling/${sizes.companies}/${sizes.callers}/${sizes.lists}`;
const storage = new BenchStorage({
  pgUrl: args.pg,
  pgDatabase: "conveyor_bench_calling",
  pgliteDir: path.join(root, ".bench-data", `pglite-calling-${sizes.companies}-${sizes.callers}-${sizes.lists}`),
  tag,
});

// ---- the outcome mix: what a caller's hour looks like

type Outcome = "no_answer" | "secretary" | "callback" | "not_interested" | "wrong_number" | "interested" | "hard_question";
const MIX: Array<[Outcome, number]> = [
  ["no_answer", 55], ["secretary", 15], ["callback", 10], ["not_interested", 8], ["wrong_number", 5], ["interested", 5], ["hard_question", 2],
];
/** What the list does with the company after the call (callingQueue / consequenceOfCall). */
const KIND: Record<Outcome, string> = {
  no_answer: "retry", secretary: "retry", callback: "callback", not_interested: "drop", wrong_number: "drop", interested: "hand-over", hard_question: "hand-over",
};
const KINDS = ["retry", "callback", "drop", "hand-over"];
/** The path through the bench script (callingData.SCRIPT) that ends with the outcome. */
const ANSWERS: Partial<Record<Outcome, string[]>> = {
  secretary: ["secretary"], wrong_number: ["wrong"], not_interested: ["dm", "no"], callback: ["dm", "later"], interested: ["dm", "yes", "ok"], hard_question: ["dm", "yes", "hard"],
};

function pickOutcome(): Outcome {
  let r = Math.random() * 100;
  for (const [outcome, weight] of MIX) if ((r -= weight) < 0) return outcome;
  return "no_answer";
}

function outcomeBody(outcome: Outcome, scriptVersionId: number | null): Record<string, unknown> {
  const body: Record<string, unknown> = { outcome, takeNext: true };
  const answers = ANSWERS[outcome];
  if (answers && scriptVersionId) Object.assign(body, { scriptVersionId, answers });
  switch (outcome) {
    case "secretary":
      body.note = "Секретарь: ЛПР будет после обеда";
      break;
    case "callback":
      body.callbackAt = new Date(Date.now() + (1 + Math.floor(Math.random() * 7)) * 86_400_000).toISOString();
      body.note = "Просили перезвонить";
      break;
    case "not_interested":
      body.reason = "Работают с другим поставщиком";
      break;
    case "interested":
      body.qualification = { need: "Поставки для двух складов", timing: "Следующий квартал", budget: "до 500 тыс." };
      body.appointmentAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
      break;
    case "hard_question":
      body.note = "Спросили про условия отсрочки для сети";
      break;
  }
  return body;
}

// ---- callers and the live check: no company in front of two callers at once

interface Item {
  company: { id: number };
  script: { versionId: number } | null;
}

interface Caller {
  index: number;
  client: Client;
  current: { companyId: number; versionId: number | null } | null;
  exhausted: boolean;
}

interface Latencies {
  all: number[];
  byKind: Record<string, number[]>;
}

const newLatencies = (): Latencies => ({ all: [], byKind: Object.fromEntries(KINDS.map((k) => [k, []])) });

class Checker {
  /** company id → the caller it is in front of, as far as the answers seen so far say. */
  private readonly held = new Map<number, number>();
  private readonly served = new Set<number>();
  violations = 0;
  servedAgain = 0;

  /** The server put `item` in front of `caller`: it must not be in front of anyone else. */
  take(caller: Caller, item: Item | null): void {
    if (!item) {
      caller.current = null;
      return;
    }
    const id = item.company.id;
    const holder = this.held.get(id);
    if (holder !== undefined && holder !== caller.index) {
      if (this.violations++ < 3) console.warn(`    VIOLATION: company ${id} given to caller ${caller.index} while in front of caller ${holder}`);
    }
    if (this.served.has(id) && holder !== caller.index) this.servedAgain++;
    this.held.set(id, caller.index);
    this.served.add(id);
    caller.current = { companyId: id, versionId: item.script?.versionId ?? null };
  }

  /** The caller logged the outcome of `companyId`: it is no longer in front of them. */
  done(caller: Caller, companyId: number): void {
    if (this.held.get(companyId) === caller.index) this.held.delete(companyId);
  }
}

interface PhaseStats {
  phase: string;
  calls: number;
  errors: number;
  noNext: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  p95ByKind: Record<string, number>;
}

interface Counters {
  ok: number;
  handedOver: number;
  errors: number;
  noNext: number;
  firstNext: number[];
  errorSamples: Set<string>;
}

function summarize(phase: string, latencies: Latencies, errors: number, noNext: number, ms: number): PhaseStats {
  const sorted = [...latencies.all].sort((a, b) => a - b);
  const p95ByKind = Object.fromEntries(KINDS.map((k) => [k, percentile([...latencies.byKind[k]!].sort((a, b) => a - b), 0.95)]));
  return {
    phase,
    calls: sorted.length,
    errors,
    noNext,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    perSecond: sorted.length / (ms / 1000),
    p95ByKind,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Exponential think time with the given mean, capped at 5× the mean. */
const think = (mean: number) => (mean > 0 ? sleep(Math.min(5 * mean, -Math.log(1 - Math.random()) * mean)) : Promise.resolve());

function noteError(counters: Counters, sample: string): void {
  counters.errors++;
  if (counters.errorSamples.size < 5 && !counters.errorSamples.has(sample)) {
    counters.errorSamples.add(sample);
    console.warn(`    error: ${sample}`);
  }
}

/** POST /api/calling/next: the first company, or a reload after an error. Errors are counted, not thrown. */
async function takeNext(caller: Caller, checker: Checker, counters: Counters): Promise<void> {
  const started = performance.now();
  try {
    const res = await caller.client.request("POST", "/api/calling/next", {});
    counters.firstNext.push(performance.now() - started);
    if (res.status !== 200) return noteError(counters, `next: ${res.status} ${res.body.slice(0, 160)}`);
    checker.take(caller, (JSON.parse(res.body) as { item: Item | null }).item);
    if (!caller.current) caller.exhausted = true;
  } catch (error) {
    counters.firstNext.push(performance.now() - started);
    noteError(counters, `next: ${String(error)}`);
  }
}

/** Runs `total` calls spread over the callers (each with its own session and socket); latencies only when `record`. */
async function runPhase(callers: Caller[], checker: Checker, counters: Counters, total: number, thinkMs: number, limitMs: number, latencies?: Latencies): Promise<{ ms: number; errors: number; noNext: number }> {
  let issued = 0;
  let errors = 0;
  let noNext = 0;
  const started = performance.now();
  const loop = async (caller: Caller) => {
    while (issued < total && performance.now() - started < limitMs && !caller.exhausted) {
      if (!caller.current) {
        await takeNext(caller, checker, counters);
        continue;
      }
      await think(thinkMs); // the call itself; pausing first also spreads the callers' starts
      if (issued >= total || performance.now() - started >= limitMs) break;
      issued++;
      const outcome = pickOutcome();
      const { companyId, versionId } = caller.current;
      const t0 = performance.now();
      let status = 0;
      let body = "";
      try {
        const res = await caller.client.request("POST", `/api/calling/${companyId}/outcome`, outcomeBody(outcome, versionId));
        status = res.status;
        body = res.body;
      } catch (error) {
        body = String(error);
      }
      const elapsed = performance.now() - t0;
      latencies?.all.push(elapsed);
      latencies?.byKind[KIND[outcome]]!.push(elapsed);
      if (status === 200) {
        counters.ok++;
        if (KIND[outcome] === "hand-over") counters.handedOver++;
        checker.done(caller, companyId);
        const next = (JSON.parse(body) as { next: Item | null }).next;
        if (!next) {
          noNext++;
          counters.noNext++;
        }
        checker.take(caller, next);
      } else {
        errors++;
        noteError(counters, `${status} ${outcome}: ${body.slice(0, 160)}`);
        await takeNext(caller, checker, counters); // what the screen does: reload the company in front of the caller
      }
    }
  };
  await Promise.all(callers.map(loop));
  return { ms: performance.now() - started, errors, noNext };
}

// ---- one engine

interface EngineResult {
  engine: Engine;
  version: string;
  loadTimes?: CallingLoadTimes;
  rows: Record<string, number>;
  databaseMb: number;
  memory: { startedMb: number; afterMb: number; peakMb: number };
  phases: PhaseStats[];
  firstNext: { count: number; p50: number; p95: number; max: number };
  checks: Record<string, number>;
  counters: Counters;
  callsBefore: number;
  holdingsBefore: number;
  liveViolations: number;
  servedAgain: number;
}

async function counts(engine: Engine) {
  const database = await openDatabase(storage.target(engine));
  try {
    const [row] = await database.rows<Record<string, string>>(sql`select
      (select count(*) from companies) as companies, (select count(*) from contacts) as contacts,
      (select count(*) from activities) as activities, (select count(*) from call_list_entries where status = 'ready') as entries,
      (select count(*) from call_lists) as lists, (select count(*) from calls) as calls,
      (select count(*) from holdings where ended_at is null) as holdings,
      pg_database_size(current_database()) as bytes, version() as version`);
    return row!;
  } finally {
    await database.close();
  }
}

async function prepare(engine: Engine) {
  const fresh = !(args.keep && (await storage.isLoaded(engine)));
  if (fresh) await storage.reset(engine);
  log(`${engine}: ${fresh ? `loading ${sizes.companies} companies, ${sizes.callers} callers, ${sizes.lists} call lists` : "reusing loaded data (already called)"}`);
  let loadTimes: CallingLoadTimes | undefined;
  if (fresh) {
    const database = await openDatabase(storage.target(engine));
    try {
      loadTimes = await generateCalling(database, sizes, log);
    } finally {
      await database.close();
    }
    await storage.markLoaded(engine);
  }
  const { bytes, version, calls, holdings, ...rows } = await counts(engine);
  return {
    loadTimes,
    callsBefore: Number(calls),
    holdingsBefore: Number(holdings),
    databaseMb: Number(bytes) / 2 ** 20,
    version: String(version).split(" ").slice(0, 2).join(" "),
    rows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Number(v)])),
  };
}

/** After the load, in SQL: the invariants the live check can only sample. */
async function finalChecks(engine: Engine): Promise<Record<string, number>> {
  const database = await openDatabase(storage.target(engine));
  try {
    const [row] = await database.rows<Record<string, string>>(sql`select
      (select count(*) from (select company_id from holdings where ended_at is null group by company_id having count(*) > 1) x) as "companies with 2+ open holdings",
      (select count(*) from (select user_id from call_claims where expires_at > now() group by user_id having count(*) > 1) x) as "callers with 2+ live claims",
      (select count(*) from call_claims k join holdings h on h.company_id = k.company_id and h.ended_at is null) as "claimed while held",
      (select count(*) from call_list_entries e join holdings h on h.company_id = e.company_id and h.ended_at is null) as "listed while held",
      (select count(*) from calls) as calls,
      (select count(*) from holdings where ended_at is null) as holdings`);
    return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
  } finally {
    await database.close();
  }
}

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const prepared = await prepare(engine);
  const server = await startServer(storage.target(engine), { username: HEAD, password: PASSWORD });
  const counters: Counters = { ok: 0, handedOver: 0, errors: 0, noNext: 0, firstNext: [], errorSamples: new Set() };
  const checker = new Checker();
  const phases: PhaseStats[] = [];
  let memory = { startedMb: NaN, afterMb: NaN, peakMb: NaN };
  try {
    const started = memoryOf(server.process.pid!);
    const callers: Caller[] = Array.from({ length: sizes.callers }, (_, index) => ({ index, client: new Client(server.port, 1, 120_000), current: null, exhausted: false }));
    for (let i = 0; i < callers.length; i += 10) {
      await Promise.all(callers.slice(i, i + 10).map((c) => c.client.signIn(`${CALLER_PREFIX}${String(c.index + 1).padStart(2, "0")}`, PASSWORD)));
    }
    log(`  ${callers.length} callers signed in; warm-up: ${WARMUP} calls`);
    await Promise.all(callers.map((c) => takeNext(c, checker, counters)));
    await runPhase(callers, checker, counters, WARMUP, 0, WARMUP_MS);

    const saturation = newLatencies();
    const s = await runPhase(callers, checker, counters, CALLS, 0, PHASE_MS, saturation);
    phases.push(summarize(`saturation: ${sizes.callers} callers, no pause`, saturation, s.errors, s.noNext, s.ms));
    const paced = newLatencies();
    const p = await runPhase(callers, checker, counters, PACED_CALLS, THINK_MS, PACED_MS, paced);
    phases.push(summarize(`paced: ${sizes.callers} callers, ~${(THINK_MS / 1000).toFixed(1)} s pause`, paced, p.errors, p.noNext, p.ms));
    for (const x of phases) {
      log(`  ${x.phase.padEnd(36)} ${x.calls} calls  p50 ${ms(x.p50)} ms  p95 ${ms(x.p95)} ms  p99 ${ms(x.p99)} ms  max ${ms(x.max)} ms  ${x.perSecond.toFixed(0)} calls/s${x.errors ? `  ${x.errors} errors` : ""}${x.noNext ? `  ${x.noNext} without next` : ""}`);
      log(`    p95 by consequence: ${KINDS.map((k) => `${k} ${ms(x.p95ByKind[k]!)}`).join(", ")}`);
    }
    for (const c of callers) c.client.close();
    const after = memoryOf(server.process.pid!);
    memory = { startedMb: started.rssMb, afterMb: after.rssMb, peakMb: after.peakMb };
  } finally {
    await stopServer(server.process);
  }
  const checks = await finalChecks(engine);
  const firstNext = [...counters.firstNext].sort((a, b) => a - b);
  const result: EngineResult = {
    engine,
    version: prepared.version,
    loadTimes: prepared.loadTimes,
    rows: prepared.rows,
    databaseMb: prepared.databaseMb,
    memory,
    phases,
    firstNext: { count: firstNext.length, p50: percentile(firstNext, 0.5), p95: percentile(firstNext, 0.95), max: firstNext[firstNext.length - 1] ?? NaN },
    checks,
    counters,
    callsBefore: prepared.callsBefore,
    holdingsBefore: prepared.holdingsBefore,
    liveViolations: checker.violations,
    servedAgain: checker.servedAgain,
  };
  log(`  checks: ${correctness(result)}`);
  if (!args.keep) await storage.drop(engine);
  return result;
}

// ---- report

function correctness(r: EngineResult): string {
  const logged = r.checks.calls! - r.callsBefore;
  const handed = r.checks.holdings! - r.holdingsBefore;
  return [
    `${r.liveViolations} companies given to a 2nd caller while in front of another`,
    `${r.servedAgain} companies served twice`,
    `${r.checks["companies with 2+ open holdings"]} companies with 2+ open holdings`,
    `${r.checks["callers with 2+ live claims"]} callers with 2+ live claims`,
    `${r.checks["claimed while held"]! + r.checks["listed while held"]!} held companies still claimed or listed`,
    `calls logged ${logged} / answered 200 ${r.counters.ok}`,
    `hand-overs: new holdings ${handed} / answered ${r.counters.handedOver}`,
  ].join(" · ");
}

const passed = (r: EngineResult) =>
  r.liveViolations === 0 && r.servedAgain === 0 && r.checks["companies with 2+ open holdings"] === 0 && r.checks["callers with 2+ live claims"] === 0 &&
  r.checks["claimed while held"] === 0 && r.checks["listed while held"] === 0 &&
  r.checks.calls! - r.callsBefore === r.counters.ok && r.checks.holdings! - r.holdingsBefore === r.counters.handedOver;

function report(results: EngineResult[]): string {
  const lines = [
    machineLine(),
    `Sizes: ${sizes.companies} cold companies · ${sizes.callers} callers on ${sizes.lists} call lists · one call = \`POST /api/calling/:id/outcome\` with \`takeNext\` · ${WARMUP} warm-up calls, then **saturation**: ${CALLS} calls, every caller logs and takes the next at once; then **paced**: ${PACED_CALLS} calls (warm-up, saturation and paced phases stop after ${WARMUP_MS / 1000}, ${PHASE_MS / 1000} and ${PACED_MS / 1000} s at most), each caller pauses ~${(THINK_MS / 1000).toFixed(1)} s (exponential) between calls · PostgreSQL pool ${POOL} connections · load generator on the same machine.`,
    "",
    "| engine | companies | contacts | activities | on lists | database | load: companies · contacts · activities · lists · analyze (s) | server RSS: started → after (peak) |",
    "|---|---|---|---|---|---|---|---|",
    ...results.map((r) => {
      const t = r.loadTimes;
      return `| ${r.engine} (${r.version}) | ${r.rows.companies} | ${r.rows.contacts} | ${r.rows.activities} | ${r.rows.entries} | ${r.databaseMb.toFixed(0)} MB | ${t ? [t.companiesMs, t.contactsMs, t.activitiesMs, t.listsMs, t.analyzeMs].map(seconds).join(" · ") : "reused"} | ${r.memory.startedMb.toFixed(0)} → ${r.memory.afterMb.toFixed(0)} MB (${r.memory.peakMb.toFixed(0)} MB) |`;
    }),
    "",
    `| engine | phase | calls | errors | no next | p50 ms | p95 ms | p99 ms | max ms | calls/s | p95 < ${AIM_MS} ms | p95 by consequence: retry · callback · drop · hand-over (ms) |`,
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...results.flatMap((r) =>
      r.phases.map(
        (x) =>
          `| ${r.engine} | ${x.phase} | ${x.calls} | ${x.errors} | ${x.noNext} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${ms(x.max)} | ${x.perSecond.toFixed(0)} | ${x.p95 < AIM_MS ? "yes" : "**no**"} | ${KINDS.map((k) => ms(x.p95ByKind[k]!)).join(" · ")} |`,
      ),
    ),
    "",
    "| engine | `POST /api/calling/next` (first company, reloads): n · p50 · p95 · max (ms) | correctness | |",
    "|---|---|---|---|",
    ...results.map((r) => `| ${r.engine} | ${r.firstNext.count} · ${ms(r.firstNext.p50)} · ${ms(r.firstNext.p95)} · ${ms(r.firstNext.max)} | ${correctness(r)} | ${passed(r) ? "ok" : "**FAILED**"} |`),
  ];
  return lines.join("\n");
}

const SECTION_HEAD = `## Calling: log outcome + get next company (issue 3)

1,000,000 cold companies, 50 callers working at once on 10 call lists, PGlite and PostgreSQL, on a 2-core machine. The aim is **p95 under 30 ms** per call. What is measured and how to rerun: [README.md](README.md#calling-log-outcome--get-next-company). The figures between the markers are written by \`npm run bench:calling\`; the reading below them is by hand.
`;

const results: EngineResult[] = [];
try {
  for (const engine of engines) results.push(await benchEngine(engine));
  const markdown = report(results);
  console.log(`\n${markdown}\n`);
  if (writeResults) writeSection("calling", markdown, SECTION_HEAD);
  if (!results.every(passed)) process.exitCode = 1;
} finally {
  const child = runningServer();
  if (child) await stopServer(child);
  clearTimeout(deadline);
}
