import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { leadIntakes } from "../../db/schema.js";
import type { IntakeOutcome } from "./schemas.js";

/**
 * Every post to a source's intake is written under the source's transaction-level advisory
 * lock, so the count the hourly limit reads is exact across app instances: two posts at the
 * same moment are counted one after the other.
 */
export async function lockSourceIntake(tx: DbOrTx, sourceId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('conveyor:lead-intake'), ${sourceId}::int)`);
}

/** Posts that count against the hourly limit: everything the intake processed (a refused-for-rate post does not extend the lock-out). */
export async function postsInLastHour(tx: DbOrTx, sourceId: number, now: Date): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from lead_intakes
        where source_id = ${sourceId} and received_at > ${now.toISOString()}::timestamptz - interval '1 hour' and outcome <> 'rate_limited'`,
  );
  return row!.n;
}

export interface IntakeRecord {
  sourceId: number;
  outcome: IntakeOutcome;
  companyId?: number | null;
  errorCode?: string | null;
  payload: Record<string, unknown>;
  receivedAt: Date;
}

export async function recordIntake(tx: DbOrTx, r: IntakeRecord): Promise<void> {
  await tx.insert(leadIntakes).values({
    sourceId: r.sourceId,
    outcome: r.outcome,
    companyId: r.companyId ?? null,
    errorCode: r.errorCode ?? null,
    payload: r.payload,
    receivedAt: r.receivedAt,
  });
}
