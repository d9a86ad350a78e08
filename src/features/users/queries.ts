import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/connect.js";
import { users } from "../../db/schema.js";
import type { Role } from "../../domain/conveyor.js";
import type { UserDto } from "./schemas.js";

export const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  role: users.role,
  language: users.language,
  active: users.active,
  dailyLeadCap: users.dailyLeadCap,
  team: users.team,
};

export const toUserDto = (row: { role: string; language: string } & Omit<UserDto, "role" | "language">): UserDto =>
  ({ ...row, role: row.role as UserDto["role"], language: row.language as UserDto["language"] });

export async function findUser(db: DbOrTx, id: number): Promise<UserDto | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  return row && toUserDto(row);
}

export async function listUsers(db: DbOrTx, filter: { role?: Role; includeInactive?: boolean }): Promise<UserDto[]> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(and(filter.role ? eq(users.role, filter.role) : undefined, filter.includeInactive ? undefined : eq(users.active, true)))
    .orderBy(asc(users.fullName));
  return rows.map(toUserDto);
}

/** The team names in use (active people only), for pickers and the dashboard's filter. */
export async function listTeams(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ team: users.team })
    .from(users)
    .where(and(isNotNull(users.team), eq(users.active, true)))
    .orderBy(asc(users.team));
  return rows.map((r) => r.team!);
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row;
}
