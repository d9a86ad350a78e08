import { sql } from "drizzle-orm";
import { selectRows, type Database, type DbOrTx } from "../db/connect.js";
import { refreshAllCallLists } from "../features/prospecting/callListSaver.js";

/**
 * Periodic sweeps. Each runs in one transaction under a PostgreSQL advisory lock named after
 * it, so with N app instances on one database each sweep runs once per tick; each is
 * idempotent, so a tick that runs twice changes nothing more.
 */
export interface Sweep {
  name: string;
  /** Cron pattern (croner syntax). */
  schedule: string;
  run(db: DbOrTx): Promise<unknown>;
}

export const SWEEPS: Sweep[] = [{ name: "call-lists-refresh", schedule: "*/10 * * * *", run: refreshAllCallLists }];

export type SweepResult = { ran: true; result: unknown } | { ran: false };

export async function runSweep(database: Database, sweep: Sweep): Promise<SweepResult> {
  return database.db.transaction(async (tx) => {
    const [lock] = await selectRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${`conveyor:${sweep.name}`})) as locked`);
    if (!lock?.locked) return { ran: false };
    return { ran: true, result: await sweep.run(tx) };
  });
}
