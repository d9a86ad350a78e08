import { sql } from "drizzle-orm";
import { isoOrNull, selectRows, type DbOrTx } from "../../db/connect.js";
import type { CallListCriteria } from "../../domain/callLists.js";
import type { ScriptBody } from "../../domain/scripts.js";
import { eligibleCompanySql } from "./listMembership.js";


export interface ScriptDto {
  id: number;
  name: string;
  version: number;
  versionId: number;
  body: ScriptBody;
  updatedAt: string;
}

type ScriptRow = { id: number; name: string; version: number; version_id: number; body: ScriptBody; updated_at: Date };

const SCRIPT_SELECT = sql`select s.id, s.name, v.version, v.id as version_id, v.body, v.created_at as updated_at from scripts s join script_versions v on v.script_id = s.id`;

const toScriptDto = (row: ScriptRow): ScriptDto => ({
  id: row.id,
  name: row.name,
  version: row.version,
  versionId: row.version_id,
  body: row.body,
  updatedAt: isoOrNull(row.updated_at)!,
});

/** A script at its current version, or at the given one. */
export async function findScript(db: DbOrTx, id: number, version?: number): Promise<ScriptDto | undefined> {
  const [row] = await selectRows<ScriptRow>(db, sql`${SCRIPT_SELECT} and v.version = ${version ?? sql`s.current_version`} where s.id = ${id}`);
  return row && toScriptDto(row);
}

/** Every script at its current version, in one query. */
export async function listScripts(db: DbOrTx): Promise<ScriptDto[]> {
  return (await selectRows<ScriptRow>(db, sql`${SCRIPT_SELECT} and v.version = s.current_version order by s.name, s.id`)).map(toScriptDto);
}

export async function listScriptVersions(db: DbOrTx, scriptId: number) {
  const rows = await selectRows<{ version: number; id: number; created_at: Date }>(
    db,
    sql`select version, id, created_at from script_versions where script_id = ${scriptId} order by version desc`,
  );
  return rows.map((r) => ({ version: r.version, versionId: r.id, createdAt: isoOrNull(r.created_at)! }));
}

/** The script version a call followed, for checking the answers given against it. */
export async function findScriptVersion(db: DbOrTx, versionId: number): Promise<{ scriptId: number; body: ScriptBody } | undefined> {
  const [row] = await selectRows<{ script_id: number; body: ScriptBody }>(db, sql`select script_id, body from script_versions where id = ${versionId}`);
  return row && { scriptId: row.script_id, body: row.body };
}

export interface CallListDto {
  id: number;
  name: string;
  criteria: CallListCriteria;
  scriptId: number | null;
  callerIds: number[];
  active: boolean;
  ready: number;
  due: number;
  refreshedAt: string | null;
}

export async function listCallLists(db: DbOrTx, filter: { callerId?: number; id?: number } = {}): Promise<CallListDto[]> {
  const rows = await selectRows<{
    id: number;
    name: string;
    criteria: CallListCriteria;
    script_id: number | null;
    active: boolean;
    refreshed_at: Date | null;
    caller_ids: number[] | null;
    ready: number;
    due: number;
  }>(
    db,
    sql`select l.id, l.name, l.criteria, l.script_id, l.active, l.refreshed_at,
               array(select user_id from call_list_callers where call_list_id = l.id order by user_id) as caller_ids,
               (select count(*)::int from call_list_entries e where e.call_list_id = l.id and e.status = 'ready') as ready,
               (select count(*)::int from call_list_entries e where e.call_list_id = l.id and e.status = 'ready' and e.due_at <= now()) as due
        from call_lists l
        where true
          ${filter.id ? sql`and l.id = ${filter.id}` : sql``}
          ${filter.callerId ? sql`and l.active and exists (select 1 from call_list_callers x where x.call_list_id = l.id and x.user_id = ${filter.callerId})` : sql``}
        order by l.name, l.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    criteria: r.criteria,
    scriptId: r.script_id,
    callerIds: r.caller_ids ?? [],
    active: r.active,
    ready: r.ready,
    due: r.due,
    refreshedAt: isoOrNull(r.refreshed_at),
  }));
}

export async function countMatching(db: DbOrTx, criteria: CallListCriteria): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from companies c where ${eligibleCompanySql(criteria)}`);
  return row?.n ?? 0;
}
