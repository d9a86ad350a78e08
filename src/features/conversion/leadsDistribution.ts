import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/connect.js";
import { mayDistributeLeads, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { appendActivities } from "../clients/timeline.js";
import { replaceHolding } from "../holdings/holdingWriter.js";
import { readSettings } from "../settings/teamSettings.js";
import { placeLeads } from "./leadDistributor.js";

/**
 * Gives every lead nobody holds (a partner's burst, an import) to a sales manager by the
 * distribution rule, oldest first, in one transaction. Returns how many went to whom.
 */
export async function distributeWaitingLeads(db: Db, actor: Actor, timeZone: string): Promise<{ assigned: number; byManager: Record<string, number> }> {
  if (!mayDistributeLeads(actor)) throw appError("forbidden");
  return db.transaction(async (tx) => {
    const waiting = await selectRows<{ id: number }>(
      tx,
      sql`select c.id from companies c where c.stage = 'lead'
            and not exists (select 1 from holdings h where h.company_id = c.id and h.ended_at is null)
          order by c.created_at, c.id for update of c skip locked`,
    );
    if (waiting.length === 0) return { assigned: 0, byManager: {} };
    const now = new Date();
    const placements = await placeLeads(tx, waiting.length, now, await readSettings(tx, timeZone));
    const byManager: Record<string, number> = {};
    for (const [i, lead] of waiting.entries()) {
      const place = placements[i]!;
      await replaceHolding(tx, lead.id, null, { userId: place.managerId, tier: 2, endReason: "handed_over", queueDay: place.queueDay, firstContactDueAt: place.firstContactDueAt }, now);
      byManager[place.managerId] = (byManager[place.managerId] ?? 0) + 1;
    }
    await appendActivities(
      tx,
      waiting.map((lead, i) => ({
        companyId: lead.id,
        actorId: actor.id,
        kind: "holder_assigned" as const,
        occurredAt: now,
        data: { fromUserId: null, userId: placements[i]!.managerId, toName: placements[i]!.fullName, tier: 2, queueDay: placements[i]!.queueDay, via: "distribution" },
      })),
    );
    return { assigned: waiting.length, byManager };
  });
}
