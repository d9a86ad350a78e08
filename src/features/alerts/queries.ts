import { sql, type SQL } from "drizzle-orm";
import { isoOrNull, selectRows, type DbOrTx } from "../../db/connect.js";
import type { AlertScope } from "../../server/access/index.js";

export type AlertResolution = "recovered" | "dismissed" | "source_inactive";

export interface AlertDto {
  id: number;
  kind: string;
  metric: string;
  source: { id: number; name: string; kind: string; owner: { id: number; fullName: string } | null } | null;
  raisedAt: string;
  figures: Record<string, unknown>;
  acknowledged: { by: { id: number; fullName: string } | null; at: string } | null;
  resolved: { at: string; resolution: AlertResolution; note: string | null } | null;
}

export interface AlertFilter {
  scope: AlertScope;
  status: "live" | "resolved" | "all";
  sourceId?: number;
  limit: number;
}

/** A dismissal keeps the head's note in the resolution: `dismissed: <note>`. */
export const DISMISSED_PREFIX = "dismissed: ";

export function parseResolution(resolution: string): { resolution: AlertResolution; note: string | null } {
  if (resolution.startsWith(DISMISSED_PREFIX)) return { resolution: "dismissed", note: resolution.slice(DISMISSED_PREFIX.length) };
  return { resolution: resolution === "source_inactive" ? "source_inactive" : "recovered", note: null };
}

interface AlertRow {
  id: number;
  kind: string;
  metric: string;
  source_id: number | null;
  source_name: string | null;
  source_kind: string | null;
  owner_id: number | null;
  owner_name: string | null;
  raised_at: Date | string;
  figures: Record<string, unknown>;
  acknowledged_by: number | null;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | string | null;
  resolved_at: Date | string | null;
  resolution: string | null;
}

const SELECT = sql`select a.id, a.kind, a.metric, a.source_id, s.name as source_name, s.kind as source_kind, s.owner_id, o.full_name as owner_name,
                          a.raised_at, a.figures, a.acknowledged_by, k.full_name as acknowledged_by_name, a.acknowledged_at, a.resolved_at, a.resolution
                   from alerts a
                   left join lead_sources s on s.id = a.source_id
                   left join users o on o.id = s.owner_id
                   left join users k on k.id = a.acknowledged_by`;

const toDto = (r: AlertRow): AlertDto => ({
  id: r.id,
  kind: r.kind,
  metric: r.metric,
  source:
    r.source_id === null
      ? null
      : { id: r.source_id, name: r.source_name ?? "", kind: r.source_kind ?? "other", owner: r.owner_id === null ? null : { id: r.owner_id, fullName: r.owner_name ?? "" } },
  raisedAt: isoOrNull(r.raised_at)!,
  figures: r.figures,
  acknowledged: r.acknowledged_at === null ? null : { by: r.acknowledged_by === null ? null : { id: r.acknowledged_by, fullName: r.acknowledged_by_name ?? "" }, at: isoOrNull(r.acknowledged_at)! },
  resolved: r.resolved_at === null ? null : { at: isoOrNull(r.resolved_at)!, ...parseResolution(r.resolution ?? "recovered") },
});

/** Alerts in the actor's scope, newest first: the head's all, an owner's those of the sources they own. */
export async function listAlerts(db: DbOrTx, filter: AlertFilter): Promise<AlertDto[]> {
  const where: SQL[] = [filter.scope.kind === "owned_by" ? sql`s.owner_id = ${filter.scope.userId}` : sql`true`];
  if (filter.status === "live") where.push(sql`a.resolved_at is null`);
  if (filter.status === "resolved") where.push(sql`a.resolved_at is not null`);
  if (filter.sourceId !== undefined) where.push(sql`a.source_id = ${filter.sourceId}`);
  const rows = await selectRows<AlertRow>(db, sql`${SELECT} where ${sql.join(where, sql` and `)} order by a.raised_at desc, a.id desc limit ${filter.limit}`);
  return rows.map(toDto);
}

export async function findAlert(db: DbOrTx, id: number): Promise<AlertDto | undefined> {
  const [row] = await selectRows<AlertRow>(db, sql`${SELECT} where a.id = ${id}`);
  return row ? toDto(row) : undefined;
}
