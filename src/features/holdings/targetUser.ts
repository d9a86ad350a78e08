import type { DbOrTx } from "../../db/connect.js";
import type { Role } from "../../domain/conveyor.js";
import { appError } from "../../server/errors.js";
import { findUser } from "../users/queries.js";

/** The person work is being given to: must exist and be active. */
export async function activeTarget(db: DbOrTx, userId: number): Promise<{ id: number; role: Role; fullName: string }> {
  const user = await findUser(db, userId);
  if (!user) throw appError("user_not_found", { userId });
  if (!user.active) throw appError("user_inactive", { userId });
  return user;
}
