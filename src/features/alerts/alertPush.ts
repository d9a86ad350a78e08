import { sql } from "drizzle-orm";
import { selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { hearsOfNewAlert } from "../../server/access/index.js";
import type { EventHub } from "../telephony/eventHub.js";
import type { RaisedAlert } from "./sourceWatchSweep.js";
import type { Role } from "../../domain/conveyor.js";

/**
 * Tells the open browsers of the head(s), the admins and the source's owner that an alert was
 * raised (an `alert` event; they refetch the list). Called after the sweep committed, so the
 * list they fetch has it. Recorded nowhere else: the alert itself is the record.
 */
export async function pushNewAlerts(db: DbOrTx, hub: EventHub, raised: readonly RaisedAlert[]): Promise<number> {
  if (raised.length === 0) return 0;
  const sources = await selectRows<{ id: number; name: string; owner_id: number | null }>(
    db,
    sql`select id, name, owner_id from lead_sources where id in (${sqlList([...new Set(raised.map((a) => a.sourceId))])})`,
  );
  const users = await selectRows<{ id: number; role: Role }>(
    db,
    sql`select id, role from users where active and (role in ('head', 'admin') or id in (select owner_id from lead_sources where owner_id is not null))`,
  );
  let pushed = 0;
  for (const alert of raised) {
    const source = sources.find((s) => s.id === alert.sourceId);
    if (!source) continue;
    const data = { id: alert.id, kind: alert.kind, metric: alert.metric, sourceId: source.id, sourceName: source.name };
    for (const user of users) {
      if (!hearsOfNewAlert(user, { ownerId: source.owner_id })) continue;
      hub.publish(user.id, { type: "alert", data });
      pushed++;
    }
  }
  return pushed;
}
