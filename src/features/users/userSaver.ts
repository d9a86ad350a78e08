import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import { PG_UNIQUE_VIOLATION, pgErrorCode } from "../../db/connect.js";
import { users } from "../../db/schema.js";
import { mayEditUser, mayGrantRole, mayManageUsers, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { hashPassword } from "../auth/passwords.js";
import { endAllSessionsOf } from "../auth/sessions.js";
import { findUser, toUserDto, userColumns } from "./queries.js";
import type { CreateUserInput, UpdateUserInput, UserDto } from "./schemas.js";

/** A team name as stored: trimmed, and blank means none. */
const teamName = (team: string | null | undefined): string | null | undefined => (team === undefined ? undefined : team?.trim() || null);

/** Creates a team member. Admin and head only; only an admin creates admins. */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserDto> {
  if (!mayManageUsers(actor) || !mayGrantRole(actor, input.role)) throw appError("forbidden");
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await db
      .insert(users)
      .values({ username: input.username, fullName: input.fullName, role: input.role, language: input.language ?? actor.language, passwordHash, team: teamName(input.team) ?? null })
      .returning(userColumns);
    return toUserDto(row!);
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw appError("username_taken");
    throw error;
  }
}

/**
 * Changes a team member: name, role, language, password, active flag, lead cap or team. Deactivating or
 * changing the password ends the person's sessions at once; the last admin stays an admin.
 */
export async function updateUser(db: Db, actor: Actor, id: number, input: UpdateUserInput): Promise<UserDto> {
  const isSelfLanguageOnly = id === actor.id && Object.keys(input).every((k) => k === "language" || k === "fullName");
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const [target] = await tx.select(userColumns).from(users).where(eq(users.id, id)).for("update").limit(1);
    if (!target) throw appError("user_not_found");
    const targetDto = toUserDto(target);
    if (!isSelfLanguageOnly) {
      if (!mayManageUsers(actor) || !mayEditUser(actor, targetDto)) throw appError("forbidden");
      if (input.role && !mayGrantRole(actor, input.role)) throw appError("forbidden");
    }
    const losesAdmin = targetDto.role === "admin" && ((input.role && input.role !== "admin") || input.active === false);
    if (losesAdmin) {
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, id)));
      if ((others?.n ?? 0) === 0) throw appError("last_admin");
    }
    await tx
      .update(users)
      .set({
        fullName: input.fullName,
        role: input.role,
        language: input.language,
        active: input.active,
        passwordHash,
        dailyLeadCap: input.dailyLeadCap,
        team: teamName(input.team),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    if (input.active === false || (passwordHash && id !== actor.id)) await endAllSessionsOf(tx, id);
    return (await findUser(tx, id))!;
  });
}
