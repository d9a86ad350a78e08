import { eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/connect.js";
import { callListCallers, callLists, scripts, users } from "../../db/schema.js";
import { tidyCriteria, type CallListCriteria } from "../../domain/callLists.js";
import { mayManageCallLists, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { refreshCallList } from "./listMembership.js";
import { listCallLists, type CallListDto } from "./queries.js";
import type { SaveCallListInput } from "./schemas.js";

async function assertCallers(tx: DbOrTx, callerIds: number[]) {
  if (callerIds.length === 0) return;
  const found = await tx.select({ id: users.id, role: users.role, active: users.active }).from(users).where(inArray(users.id, callerIds));
  for (const id of callerIds) {
    const user = found.find((u) => u.id === id);
    if (!user) throw appError("user_not_found", { userId: id });
    if (user.role !== "caller") throw appError("not_a_caller", { userId: id });
    if (!user.active) throw appError("user_inactive", { userId: id });
  }
}

/**
 * Creates a call list (or changes it when `id` is given), assigns its callers and fills it
 * from the base at once, so the head sees its size and callers can start.
 */
export async function saveCallList(db: Db, actor: Actor, input: SaveCallListInput, id?: number): Promise<CallListDto> {
  if (!mayManageCallLists(actor)) throw appError("forbidden");
  const criteria: CallListCriteria = tidyCriteria(input.criteria as CallListCriteria);
  const callerIds = [...new Set(input.callerIds)];
  return db.transaction(async (tx) => {
    if (input.scriptId) {
      const [script] = await tx.select({ id: scripts.id }).from(scripts).where(eq(scripts.id, input.scriptId));
      if (!script) throw appError("script_not_found");
    }
    await assertCallers(tx, callerIds);
    const values = { name: input.name.trim(), criteria, scriptId: input.scriptId ?? null, active: input.active ?? true, updatedAt: new Date() };
    let listId = id;
    if (listId) {
      const updated = await tx.update(callLists).set(values).where(eq(callLists.id, listId)).returning({ id: callLists.id });
      if (updated.length === 0) throw appError("call_list_not_found");
      await tx.delete(callListCallers).where(eq(callListCallers.callListId, listId));
    } else {
      const [row] = await tx.insert(callLists).values({ ...values, createdBy: actor.id }).returning({ id: callLists.id });
      listId = row!.id;
    }
    if (callerIds.length) await tx.insert(callListCallers).values(callerIds.map((userId) => ({ callListId: listId!, userId })));
    await refreshCallList(tx, listId, criteria);
    return (await listCallLists(tx, { id: listId }))[0]!;
  });
}

export async function refreshOneCallList(db: Db, actor: Actor, id: number): Promise<CallListDto> {
  if (!mayManageCallLists(actor)) throw appError("forbidden");
  return db.transaction(async (tx) => {
    const [list] = await tx.select({ criteria: callLists.criteria }).from(callLists).where(eq(callLists.id, id)).for("update");
    if (!list) throw appError("call_list_not_found");
    await refreshCallList(tx, id, list.criteria as CallListCriteria);
    return (await listCallLists(tx, { id }))[0]!;
  });
}

/** The periodic sweep: every active list catches up with the base; returns how many lists. */
export async function refreshAllCallLists(db: DbOrTx): Promise<number> {
  const lists = await db.select({ id: callLists.id, criteria: callLists.criteria }).from(callLists).where(eq(callLists.active, true));
  for (const list of lists) await refreshCallList(db, list.id, list.criteria as CallListCriteria);
  return lists.length;
}
