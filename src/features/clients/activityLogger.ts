import { eq, sql } from "drizzle-orm";
import { isTouch } from "../../domain/cadence.js";
import type { Db } from "../../db/connect.js";
import { companies } from "../../db/schema.js";
import type { Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { authorizeCompany } from "./companyAccess.js";
import { findActivity } from "./queries.js";
import type { ActivityDto, LogActivityInput } from "./schemas.js";
import { appendActivities } from "./timeline.js";
import { recordTouch } from "./touchRecorder.js";

/** Logs an interaction (call, meeting, email, note) on a company's timeline. */
export async function logActivity(db: Db, actor: Actor, companyId: number, input: LogActivityInput, timeZone: string): Promise<ActivityDto> {
  return db.transaction(async (tx) => {
    const { stage } = await authorizeCompany(tx, actor, companyId, "work");
    // A resting client is left alone: nobody calls, meets or writes to it until the rest ends.
    if (stage === "resting" && isTouch(input.kind)) throw appError("company_resting");
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    const [id] = await appendActivities(tx, [
      { companyId, actorId: actor.id, kind: input.kind, text: input.text, data: input.outcome ? { outcome: input.outcome } : {}, occurredAt },
    ]);
    // A note is not a touch: only calls, meetings and emails move the weekly contact dates.
    if (isTouch(input.kind)) await recordTouch(tx, companyId, occurredAt, timeZone);
    else await tx.update(companies).set({ updatedAt: new Date() }).where(eq(companies.id, companyId));
    // A sales manager's first call, meeting or email with a new lead meets its first-contact deadline.
    if (isTouch(input.kind)) {
      await tx.execute(sql`update holdings set first_contact_at = ${occurredAt.toISOString()}::timestamptz
                           where company_id = ${companyId} and ended_at is null and tier = 2 and user_id = ${actor.id} and first_contact_at is null`);
    }
    return (await findActivity(tx, id!))!;
  });
}
