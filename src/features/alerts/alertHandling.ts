import { sql } from "drizzle-orm";
import { selectRows, type Db, type Tx } from "../../db/connect.js";
import { mayAcknowledgeAlert, mayDismissAlert, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { DISMISSED_PREFIX, findAlert, type AlertDto } from "./queries.js";

/** The alert, locked for the change, refused when missing, resolved, or not the actor's to handle. */
async function liveAlertFor(tx: Tx, actor: Actor, id: number, allowed: (ownerId: number | null) => boolean) {
  const [row] = await selectRows<{ id: number; owner_id: number | null; resolved_at: Date | string | null }>(
    tx,
    sql`select a.id, s.owner_id, a.resolved_at from alerts a left join lead_sources s on s.id = a.source_id where a.id = ${id} for update of a`,
  );
  if (!row) throw appError("alert_not_found");
  if (!allowed(row.owner_id)) throw appError("forbidden");
  if (row.resolved_at !== null) throw appError("alert_resolved");
  return row;
}

/** The head or the source's owner has seen the alert and is on it; the first acknowledgement stands. */
export async function acknowledgeAlert(db: Db, actor: Actor, id: number): Promise<AlertDto> {
  return db.transaction(async (tx) => {
    await liveAlertFor(tx, actor, id, (ownerId) => mayAcknowledgeAlert(actor, { ownerId }));
    await tx.execute(sql`update alerts set acknowledged_by = ${actor.id}, acknowledged_at = now() where id = ${id} and acknowledged_at is null`);
    return (await findAlert(tx, id))!;
  });
}

/** The head decides an alert needs no action, and says why; the same condition stays quiet for a while (see evidenceWindowMs). */
export async function dismissAlert(db: Db, actor: Actor, id: number, note: string): Promise<AlertDto> {
  const text = note.trim();
  if (!text) throw appError("validation_failed", { fields: [{ field: "body.note", rule: "required" }] });
  return db.transaction(async (tx) => {
    await liveAlertFor(tx, actor, id, () => mayDismissAlert(actor));
    await tx.execute(sql`update alerts set resolved_at = now(), resolution = ${DISMISSED_PREFIX + text},
                                          acknowledged_by = coalesce(acknowledged_by, ${actor.id}), acknowledged_at = coalesce(acknowledged_at, now())
                         where id = ${id}`);
    return (await findAlert(tx, id))!;
  });
}
