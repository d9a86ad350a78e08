import { and, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import { loginFailures } from "../../db/schema.js";

/**
 * Slows password guessing: after `max` failed sign-ins within a minute against one username,
 * or `max` × IP_FACTOR from one IP, further attempts are refused (429) until the minute
 * passes. Successful sign-ins are never counted, and the IP allowance is wider because a whole
 * office may sign in from one address.
 */
const WINDOW_MS = 60_000;
const IP_FACTOR = 5;

const keysFor = (ip: string, username: string) => [`ip:${ip}`, `user:${username.toLowerCase()}`];

export async function isThrottled(db: Db, ip: string, username: string, max: number): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MS);
  const rows = await db
    .select({ key: loginFailures.key, n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keysFor(ip, username)), gte(loginFailures.at, since)))
    .groupBy(loginFailures.key);
  return rows.some((r) => r.n >= (r.key.startsWith("ip:") ? max * IP_FACTOR : max));
}

export async function recordFailure(db: Db, ip: string, username: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - WINDOW_MS)));
    await tx.insert(loginFailures).values(keysFor(ip, username).map((key) => ({ key })));
  });
}
