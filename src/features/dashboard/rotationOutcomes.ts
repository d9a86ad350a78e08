import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { qualitySignal } from "../rotation/queries.js";
import type { RotationSettings } from "../settings/teamSettings.js";
import { inScope, personInScope, type DashboardScope } from "./scope.js";

export interface RotationOutcomes {
  /** Holdings the daily sweep put on the head's dead list. */
  listed: number;
  extended: number;
  transferredNow: number;
  transferredAfterRest: number;
  archived: number;
  /** Rests that ended with the client going to its next holder. */
  restEnded: number;
  /** Of the clients transferred (now or after a rest) in the period, how many someone else has sold to since. */
  soldLater: number;
}

/** The timeline kinds of rotation, and the outcome each one counts as. */
const KINDS = {
  rotation_listed: "listed",
  rotation_extended: "extended",
  rotation_transferred: "transferredNow",
  rotation_rested: "transferredAfterRest",
  rotation_archived: "archived",
  rest_ended: "restEnded",
} as const satisfies Record<string, keyof RotationOutcomes>;

/**
 * What rotation did in the period, from the timeline entries it wrote, and the quality signal
 * (rotation's own: a later sale by somebody else to the same card or legal entity, within its
 * window) for the clients rotated away in the period. With a team: the clients its people held
 * (for an ended rest, the person it rested away from).
 */
export async function rotationOutcomes(db: DbOrTx, scope: DashboardScope, rotation: RotationSettings): Promise<RotationOutcomes> {
  const holder = sql`coalesce((a.data->>'fromUserId')::int, (a.data->>'holderId')::int,
                              (select r.from_user_id from rests r where r.id = (a.data->>'restId')::int))`;
  const rows = await selectRows<{ kind: keyof typeof KINDS; n: number }>(
    db,
    sql`select a.kind, count(*)::int as n from activities a
        where a.kind in ('rotation_listed', 'rotation_extended', 'rotation_transferred', 'rotation_rested', 'rotation_archived', 'rest_ended')
          and a.occurred_at >= ${scope.start.toISOString()}::timestamptz and a.occurred_at < ${scope.end.toISOString()}::timestamptz
          and ${personInScope(holder, scope)}
        group by a.kind`,
  );
  const out: RotationOutcomes = { listed: 0, extended: 0, transferredNow: 0, transferredAfterRest: 0, archived: 0, restEnded: 0, soldLater: 0 };
  for (const r of rows) out[KINDS[r.kind]] = r.n;
  const signal = await qualitySignal(db, rotation);
  out.soldLater = signal
    .filter((line) => inScope(scope, line.holder.id))
    .flatMap((line) => line.cases)
    .filter((c) => c.how === "rotated" && new Date(c.lostAt) >= scope.start && new Date(c.lostAt) < scope.end).length;
  return out;
}
