import { sql, type SQL } from "drizzle-orm";
import { deals } from "../../db/schema.js";

/** `deals.qualified_at` keeps the first moment the deal qualified: later moves leave it be. */
export const qualifiedSince = (now: Date): SQL => sql`coalesce(${deals.qualifiedAt}, ${now.toISOString()}::timestamptz)`;
