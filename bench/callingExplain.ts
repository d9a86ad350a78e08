import path from "node:path";
import { parseArgs } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, selectRows, type Db } from "../src/db/connect.js";
import { CALLER_PREFIX } from "./callingData.js";
import { root } from "./serverProcess.js";
import { BenchStorage, type Engine } from "./storage.js";

/**
 * `npx tsx bench/callingExplain.ts --engine=postgres` after `npm run bench:calling -- --keep`:
 * EXPLAIN (ANALYZE, BUFFERS) of the statements of one call on the kept database, as the calling
 * code sends them (src/features/prospecting/callingQueue.ts, holdings/dutyManager.ts), inside a
 * transaction that is rolled back. Options: --engine, --companies/--callers/--lists (which kept
 * base), --caller=1 (bench-caller-NN), --pg.
 */
const { values: args } = parseArgs({
  options: {
    engine: { type: "string", default: "postgres" },
    companies: { type: "string", default: "1000000" },
    callers: { type: "string", default: "50" },
    lists: { type: "string", default: "10" },
    caller: { type: "string", default: "1" },
    pg: { type: "string", default: process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432" },
  },
});
const engine = args.engine as Engine;
const storage = new BenchStorage({
  pgUrl: args.pg,
  pgDatabase: "conveyor_bench_calling",
  pgliteDir: path.join(root, ".bench-data", `pglite-calling-${args.companies}-${args.callers}-${args.lists}`),
  tag: `calling/${args.companies}/${args.callers}/${args.lists}`,
});
if (!(await storage.isLoaded(engine))) throw new Error(`no kept calling base for ${engine}: run npm run bench:calling -- --keep first`);

const database = await openDatabase(storage.target(engine));
const db = database.db;
const [caller] = await database.rows<{ id: number }>(sql`select id from users where username = ${CALLER_PREFIX + args.caller.padStart(2, "0")}`);
const userId = caller!.id;
const myLists = sql`(select x.call_list_id from call_list_callers x join call_lists l on l.id = x.call_list_id where x.user_id = ${userId} and l.active)`;

const statements: Array<[string, SQL]> = [
  [
    "takeNextCall: candidate (select part, as sent)",
    sql`select e.company_id, e.call_list_id from call_list_entries e
        join companies c on c.id = e.company_id
        where e.call_list_id in ${myLists} and e.status = 'ready' and e.due_at <= now()
          and c.stage = 'cold' and not c.do_not_call
          and not exists (select 1 from holdings h where h.company_id = e.company_id and h.ended_at is null)
          and not exists (select 1 from call_claims k where k.company_id = e.company_id and k.expires_at > now())
        order by e.due_at, e.id
        limit 1
        for update of e skip locked`,
  ],
  [
    "takeNextCall: anyDue (after a lost race)",
    sql`select 1 as ok from call_list_entries e where e.call_list_id in ${myLists} and e.status = 'ready' and e.due_at <= now()
          and not exists (select 1 from call_claims k where k.company_id = e.company_id and k.expires_at > now()) limit 1`,
  ],
  [
    "pickDutyManager (every hand-over)",
    sql`select u.id, u.full_name from users u
        left join holdings h on h.user_id = u.id and h.ended_at is null and h.tier = 2
        where u.role = 'manager' and u.active
        group by u.id, u.full_name order by count(h.id), u.id limit 1`,
  ],
];

class Rollback extends Error {}

async function explain(tx: Db, title: string, query: SQL): Promise<void> {
  const rows = await selectRows<Record<string, string>>(tx, sql`explain (analyze, buffers) ${query}`);
  console.log(`\n-- ${title}\n${rows.map((r) => Object.values(r)[0]).join("\n")}`);
}

try {
  for (const [title, query] of statements) {
    await db
      .transaction(async (tx) => {
        await explain(tx as unknown as Db, title, query);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  }
} finally {
  await database.close();
}

