import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/connect.js";
import { mayResolvePromise, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { openHoldingOf } from "../clients/queries.js";
import { appendActivities } from "../clients/timeline.js";
import { listPromises, type PromiseDto } from "./queries.js";

/** Account management reports a promise kept or broken; once marked, it stays marked. */
export async function resolvePromise(db: Db, actor: Actor, promiseId: number, status: "kept" | "broken", note?: string): Promise<PromiseDto> {
  return db.transaction(async (tx) => {
    const [promise] = await selectRows<{ company_id: number; status: string; made_by: number }>(
      tx,
      sql`select company_id, status, made_by from promises where id = ${promiseId} for update`,
    );
    if (!promise) throw appError("promise_not_found");
    if (!mayResolvePromise(actor, await openHoldingOf(tx, promise.company_id))) throw appError("forbidden");
    if (promise.status !== "open") throw appError("promise_resolved");
    await tx.execute(sql`update promises set status = ${status}, resolved_by = ${actor.id}, resolved_at = now(), resolution_note = ${note?.trim() || null} where id = ${promiseId}`);
    await appendActivities(tx, [
      { companyId: promise.company_id, actorId: actor.id, kind: "promise_resolved", text: note?.trim() || null, data: { promiseId, status, madeBy: promise.made_by } },
    ]);
    return (await listPromises(tx, { id: promiseId }))[0]!;
  });
}
