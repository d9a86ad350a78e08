import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/connect.js";
import { sessions, users } from "../../db/schema.js";
import type { Actor } from "../../server/access/index.js";
import type { Role } from "../../domain/conveyor.js";
import type { Language } from "../../server/errors.js";
import { hashToken } from "./tokenHash.js";


export interface OpenSession {
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
}

export async function startSession(db: Db, userId: number, days: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.transaction(async (tx) => {
    // Sweeping this user's expired sessions here keeps the table small without a job.
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
    await tx.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  });
  return { token, csrfToken };
}

export async function findSession(db: Db, token: string): Promise<OpenSession | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      language: users.language,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  const { csrfToken, ...user } = row;
  return { actor: { ...user, role: user.role as Role, language: user.language as Language }, csrfToken, tokenHash };
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function endAllSessionsOf(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
