import type { Db } from "../../db/connect.js";
import { exportLog } from "../../db/schema.js";
import type { Actor } from "../../server/access/index.js";

/** Every export leaves a trace: who took which data out, in what format, how many rows. */
export async function logExport(db: Db, actor: Actor, entry: { what: string; format: "csv" | "xlsx"; params: Record<string, unknown>; rowCount: number }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(exportLog).values({ userId: actor.id, what: entry.what, format: entry.format, params: entry.params, rowCount: entry.rowCount });
  });
}
