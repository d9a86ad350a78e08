import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { appError } from "../../server/errors.js";

/**
 * A company names its lead source by id: the id must exist, and a switched-off source takes no
 * new companies. A company that already carries a switched-off source keeps it when edited.
 * Answers the source's name (null for none), which the timeline records so that the entry reads
 * the same after a rename.
 */
export async function assertSourceChoosable(db: DbOrTx, sourceId: number | null | undefined, keptSourceId?: number | null): Promise<string | null> {
  if (sourceId === null || sourceId === undefined) return null;
  const [row] = await selectRows<{ active: boolean; name: string }>(db, sql`select active, name from lead_sources where id = ${sourceId}`);
  if (!row) throw appError("unknown_source", { sourceId });
  if (!row.active && sourceId !== keptSourceId) throw appError("source_inactive", { sourceId });
  return row.name;
}
