import { and, eq, isNull } from "drizzle-orm";
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode, type DbOrTx } from "../../db/connect.js";
import { holdings } from "../../db/schema.js";
import type { Tier } from "../../domain/conveyor.js";
import { appError } from "../../server/errors.js";
import { termForHolding } from "../rotation/terms.js";

export type HoldingEndReason = "handed_over" | "reassigned" | "sold" | "lost" | "transferred" | "rotated" | "archived";

/** Tier 2 lead facts carried by a new holding (see leadDistributor). */
export interface LeadQueueFacts {
  queueDay?: string;
  firstContactDueAt?: Date;
}

/**
 * Closes the company's open holding (if any) and opens a new one, inside the caller's
 * transaction. The partial unique index is the last word: if another transaction opened a
 * holding first, this one fails with holding_conflict instead of creating a second holder.
 */
export async function replaceHolding(
  tx: DbOrTx,
  companyId: number,
  open: { id: number } | null,
  next: { userId: number; tier: Tier; endReason: HoldingEndReason; note?: string } & LeadQueueFacts,
  now = new Date(),
): Promise<void> {
  if (open) {
    const closed = await tx
      .update(holdings)
      .set({ endedAt: now, endReason: next.endReason, endNote: next.note ?? null })
      .where(and(eq(holdings.id, open.id), isNull(holdings.endedAt)))
      .returning({ id: holdings.id });
    if (closed.length !== 1) throw appError("holding_conflict");
  }
  try {
    await tx.insert(holdings).values({
      companyId,
      userId: next.userId,
      tier: next.tier,
      startedAt: now,
      termUntil: await termForHolding(tx, companyId, next.tier, now),
      queueDay: next.queueDay ?? null,
      firstContactDueAt: next.firstContactDueAt ?? null,
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && pgConstraint(error) === "holdings_one_open_per_company") {
      throw appError("holding_conflict");
    }
    if (pgConstraint(error) === "company_resting") throw appError("company_resting");
    throw error;
  }
}

/** Ends the company's open holding without a successor (a lost lead goes back to the cold base). */
export async function endHolding(tx: DbOrTx, companyId: number, endReason: HoldingEndReason, note: string | null, now = new Date()): Promise<void> {
  await tx
    .update(holdings)
    .set({ endedAt: now, endReason, endNote: note })
    .where(and(eq(holdings.companyId, companyId), isNull(holdings.endedAt)));
}
