import { sql } from "drizzle-orm";
import { selectRows, type Database, type DbOrTx } from "../db/connect.js";
import { recomputeInsights } from "../features/accounts/insights.js";
import { pushNewAlerts } from "../features/alerts/alertPush.js";
import { runSourceWatch, type SourceWatchResult } from "../features/alerts/sourceWatchSweep.js";
import { refreshAllCallLists } from "../features/prospecting/callListSaver.js";
import { runRotationSweep } from "../features/rotation/rotationSweep.js";
import type { EventHub } from "../features/telephony/eventHub.js";
import { scheduleTouches } from "../features/touches/touchSchedule.js";

/**
 * Periodic sweeps. Each runs in one transaction under a PostgreSQL advisory lock named after
 * it, so with N app instances on one database each sweep runs once per tick; each is
 * idempotent, so a tick that runs twice changes nothing more.
 */
export interface SweepContext {
  /** The team's time zone from the configuration (the settings may name another). */
  timeZone: string;
  /** Run a once-a-day sweep again the same day (the CLI, tests); the schedule never forces. */
  force?: boolean;
  /** Open browsers to tell of what a sweep raised (the serving process passes its hub; the CLI has none). */
  events?: EventHub;
}

export interface Sweep {
  name: string;
  /** Cron pattern (croner syntax). */
  schedule: string;
  run(db: DbOrTx, context: SweepContext): Promise<unknown>;
  /** After the sweep's transaction committed: tell people what it did (never changes data). */
  afterCommit?(db: DbOrTx, result: unknown, context: SweepContext): Promise<unknown>;
}

export const SWEEPS: Sweep[] = [
  { name: "call-lists-refresh", schedule: "*/10 * * * *", run: (db) => refreshAllCallLists(db) },
  // New live companies get a date within minutes; a changed cadence is applied within the hour.
  { name: "touch-schedule", schedule: "*/15 * * * *", run: (db, { timeZone }) => scheduleTouches(db, timeZone) },
  // Nightly, after the day's orders: RFM is relative to every customer, so it is computed for all at once.
  { name: "account-insights", schedule: "30 1 * * *", run: (db, { timeZone }) => recomputeInsights(db, timeZone) },
  // Daily, before the working day: rests end, the sales period is recomputed, the dead list is updated.
  { name: "rotation", schedule: "0 5 * * *", run: (db, { timeZone, force }) => runRotationSweep(db, timeZone, new Date(), force) },
  // The same day, not at month end: a source whose leads stopped converting, or that sends junk, is flagged within the quarter hour.
  {
    name: "source-watch",
    schedule: "*/15 * * * *",
    run: (db, { timeZone }) => runSourceWatch(db, timeZone),
    afterCommit: async (db, result, { events }) => (events ? pushNewAlerts(db, events, (result as SourceWatchResult).raised) : 0),
  },
];

export type SweepResult = { ran: true; result: unknown } | { ran: false };

export async function runSweep(database: Database, sweep: Sweep, context: SweepContext): Promise<SweepResult> {
  const outcome: SweepResult = await database.db.transaction(async (tx) => {
    const [lock] = await selectRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${`conveyor:${sweep.name}`})) as locked`);
    if (!lock?.locked) return { ran: false };
    return { ran: true, result: await sweep.run(tx, context) };
  });
  if (outcome.ran && sweep.afterCommit) await sweep.afterCommit(database.db, outcome.result, context);
  return outcome;
}
