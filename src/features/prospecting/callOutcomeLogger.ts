import { eq, sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/connect.js";
import { calls, companies } from "../../db/schema.js";
import { CONNECTED_OUTCOMES, consequenceOfCall, type CallConsequence } from "../../domain/calling.js";
import { followScript } from "../../domain/scripts.js";
import { mayWorkCallLists, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { openHoldingOf } from "../clients/queries.js";
import { appendActivities } from "../clients/timeline.js";
import { placeLeads } from "../conversion/leadDistributor.js";
import { recordTouch } from "../clients/touchRecorder.js";
import { readSettings } from "../settings/teamSettings.js";
import { replaceHolding } from "../holdings/holdingWriter.js";
import { takeNextCall, type CallingItem } from "./callingQueue.js";
import { removeFromCallLists } from "./listMembership.js";
import { findScriptVersion } from "./queries.js";
import type { OutcomeInput } from "./schemas.js";

export type LoggedConsequence = CallConsequence & { toUserId?: number; toName?: string };

/**
 * Logs the outcome of the call in front of the caller, in one transaction: the call goes on
 * the timeline with the script version and answers, the company's place on the list moves
 * (retry, call back, drop), or the company is handed to a sales manager as a lead and leaves
 * every call list. Then, if asked, the next company is taken in the same request.
 */
export async function logCallOutcome(
  db: Db,
  actor: Actor,
  companyId: number,
  input: OutcomeInput,
  timeZone: string,
): Promise<{ consequence: LoggedConsequence; next: CallingItem | null }> {
  if (!mayWorkCallLists(actor)) throw appError("forbidden");
  return db.transaction(async (tx) => {
    const now = new Date();
    await tx.execute(sql`select id from companies where id = ${companyId} for update`);
    const [claim] = await selectRows<{ call_list_id: number; unanswered_calls: number | null }>(
      tx,
      sql`select k.call_list_id, e.unanswered_calls from call_claims k
          left join call_list_entries e on e.call_list_id = k.call_list_id and e.company_id = k.company_id
          where k.company_id = ${companyId} and k.user_id = ${actor.id} and k.expires_at > now()
          for update of k`,
    );
    if (!claim) throw appError("not_in_front_of_you");

    const decided = consequenceOfCall({
      outcome: input.outcome,
      now,
      unansweredCalls: claim.unanswered_calls ?? 0,
      callbackAt: input.callbackAt ? new Date(input.callbackAt) : undefined,
      reason: input.reason,
      note: input.note,
    });
    if (!decided.ok) throw appError(decided.problem);
    const qualification = input.qualification;
    if (input.outcome === "interested" && (!qualification?.need.trim() || !qualification.timing.trim())) throw appError("qualification_required");
    if (input.appointmentAt && new Date(input.appointmentAt).getTime() <= now.getTime()) throw appError("appointment_in_past");
    if (input.answers?.length) {
      const version = input.scriptVersionId ? await findScriptVersion(tx, input.scriptVersionId) : undefined;
      const walk = version ? followScript(version.body, input.answers) : undefined;
      // The answers must follow the script, and where they end the call, end it the way the caller says.
      if (!walk?.ok || (walk.outcome !== null && walk.outcome !== input.outcome)) throw appError("invalid_script_answers");
    }

    // A company's place is the same on every list it is on: a "no" on one list is a "no" for the
    // company, and an unanswered call is not retried five minutes later from another list.
    let consequence: LoggedConsequence = decided.consequence;
    const listId = claim.call_list_id;
    switch (consequence.kind) {
      case "retry":
        await tx.execute(sql`update call_list_entries set due_at = ${consequence.at.toISOString()}::timestamptz, unanswered_calls = ${consequence.unansweredCalls}
                             where company_id = ${companyId}`);
        break;
      case "callback":
        await tx.execute(sql`update call_list_entries set due_at = ${consequence.at.toISOString()}::timestamptz, unanswered_calls = 0
                             where company_id = ${companyId}`);
        break;
      case "drop":
        await tx.execute(sql`update call_list_entries set status = 'dropped', dropped_reason = ${consequence.reason}
                             where company_id = ${companyId}`);
        break;
      case "hand_over": {
        const settings = await readSettings(tx, timeZone);
        const [placed] = await placeLeads(tx, 1, now, settings, consequence.escalated);
        const manager = { id: placed!.managerId, fullName: placed!.fullName };
        await replaceHolding(
          tx,
          companyId,
          await openHoldingOf(tx, companyId),
          { userId: manager.id, tier: 2, endReason: "handed_over", queueDay: placed!.queueDay, firstContactDueAt: placed!.firstContactDueAt },
          now,
        );
        await tx.update(companies).set({ stage: "lead", updatedAt: now }).where(eq(companies.id, companyId));
        await removeFromCallLists(tx, companyId);
        consequence = { ...consequence, toUserId: manager.id, toName: manager.fullName };
        break;
      }
    }

    await tx.insert(calls).values({
      companyId,
      callerId: actor.id,
      callListId: listId,
      outcome: input.outcome,
      connected: CONNECTED_OUTCOMES.includes(input.outcome),
      handedOver: consequence.kind === "hand_over",
      scriptVersionId: input.scriptVersionId ?? null,
      occurredAt: now,
    });
    await recordTouch(tx, companyId, now, timeZone);
    await tx.execute(sql`delete from call_claims where company_id = ${companyId}`);
    await appendActivities(tx, [
      {
        companyId,
        actorId: actor.id,
        kind: "call",
        text: input.note?.trim() || null,
        occurredAt: now,
        data: {
          outcome: input.outcome,
          callListId: listId,
          scriptVersionId: input.scriptVersionId ?? null,
          answers: input.answers ?? [],
          ...(input.reason ? { reason: input.reason } : {}),
          ...(input.callbackAt ? { callbackAt: input.callbackAt } : {}),
        },
      },
      ...(consequence.kind === "hand_over"
        ? [
            {
              companyId,
              actorId: actor.id,
              kind: "handed_over" as const,
              text: input.note?.trim() || null,
              occurredAt: new Date(now.getTime() + 1),
              data: {
                fromUserId: null,
                toUserId: consequence.toUserId,
                toName: consequence.toName,
                fromStage: "cold",
                toStage: "lead",
                tier: 2,
                escalated: consequence.escalated,
                qualification: qualification ?? null,
                appointmentAt: input.appointmentAt ?? null,
              },
            },
          ]
        : []),
    ]);
    const next = input.takeNext ? await takeNextCall(tx, actor) : null;
    return { consequence, next };
  });
}
