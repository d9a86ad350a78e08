import type { Db } from "../db/connect.js";
import { users } from "../db/schema.js";
import { generatePassword, hashPassword } from "../features/auth/passwords.js";
import { countUsers } from "../features/users/queries.js";

/**
 * On first start with an empty base there is nobody to sign in as: create `admin` with a
 * one-time password (or the one given in CONVEYOR_ADMIN_PASSWORD) and say so once.
 */
export async function ensureFirstAdmin(db: Db, presetPassword?: string): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = presetPassword || generatePassword();
  await db.insert(users).values({ username: "admin", fullName: "Administrator", role: "admin", language: "en", passwordHash: await hashPassword(password) });
  return { username: "admin", password };
}
