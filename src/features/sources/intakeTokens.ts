import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/connect.js";
import { leadSources } from "../../db/schema.js";
import { mayManageSources, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { hashToken } from "../auth/tokenHash.js";

/*
 * A source's intake token: shown to the head once, stored only as its hash (like session
 * tokens), so a leaked table does not let anyone post leads. Rotating replaces it at once.
 */

export async function rotateIntakeToken(db: Db, actor: Actor, sourceId: number): Promise<{ token: string }> {
  if (!mayManageSources(actor)) throw appError("forbidden");
  const token = `cvi_${randomBytes(32).toString("base64url")}`;
  await setTokenHash(db, sourceId, hashToken(token));
  return { token };
}

export async function disableIntake(db: Db, actor: Actor, sourceId: number): Promise<void> {
  if (!mayManageSources(actor)) throw appError("forbidden");
  await setTokenHash(db, sourceId, null);
}

async function setTokenHash(db: Db, sourceId: number, hash: string | null) {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(leadSources)
      .set({ intakeTokenHash: hash, updatedAt: new Date() })
      .where(eq(leadSources.id, sourceId))
      .returning({ id: leadSources.id });
    if (changed.length === 0) throw appError("source_not_found");
  });
}

/** The source a bearer token opens, or null (a missing or wrong token is never logged against a source). */
export async function sourceOfToken(db: DbOrTx, token: string): Promise<number | null> {
  if (!token) return null;
  const [row] = await db.select({ id: leadSources.id }).from(leadSources).where(eq(leadSources.intakeTokenHash, hashToken(token))).limit(1);
  return row?.id ?? null;
}
