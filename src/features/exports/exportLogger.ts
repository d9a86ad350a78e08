import { sql } from "drizzle-orm";
import { isoOrNull, selectRows, type Db } from "../../db/connect.js";
import { exportLog } from "../../db/schema.js";
import type { Role } from "../../domain/conveyor.js";
import type { ExportFormat } from "./formats.js";

export interface ExportLogEntry {
  userId: number;
  /** Which list: companies, accounts, invoices, caller_results, commissions. */
  what: string;
  format: ExportFormat;
  /** The list's filters as asked (an export cut short also carries `incomplete: true`). */
  params: Record<string, unknown>;
  rowCount: number;
}

/** Every export leaves a trace: who took which data out, with which filters, in what format, how many rows. */
export async function logExport(db: Db, entry: ExportLogEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(exportLog).values(entry);
  });
}

export interface ExportLogItem {
  id: number;
  user: { id: number; fullName: string; role: Role };
  what: string;
  format: ExportFormat;
  params: Record<string, unknown>;
  rowCount: number;
  createdAt: string;
}

/** The log newest first, a page at a time, optionally one person's exports or one list's. */
export async function readExportLog(
  db: Db,
  filter: { userId?: number; what?: string; limit: number; offset: number },
): Promise<{ total: number; items: ExportLogItem[] }> {
  const where = sql.join(
    [sql`true`, ...(filter.userId !== undefined ? [sql`l.user_id = ${filter.userId}`] : []), ...(filter.what ? [sql`l.what = ${filter.what}`] : [])],
    sql` and `,
  );
  const rows = await selectRows<{ id: number | string; user_id: number; full_name: string; role: Role; what: string; format: ExportFormat; params: Record<string, unknown>; row_count: number; created_at: Date | string }>(
    db,
    sql`select l.id, l.user_id, u.full_name, u.role, l.what, l.format, l.params, l.row_count, l.created_at
        from export_log l join users u on u.id = l.user_id
        where ${where} order by l.created_at desc, l.id desc limit ${filter.limit} offset ${filter.offset}`,
  );
  const [count] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from export_log l where ${where}`);
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: Number(r.id),
      user: { id: r.user_id, fullName: r.full_name, role: r.role },
      what: r.what,
      format: r.format,
      params: r.params ?? {},
      rowCount: r.row_count,
      createdAt: isoOrNull(r.created_at)!,
    })),
  };
}
