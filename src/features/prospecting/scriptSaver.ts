import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import { scripts, scriptVersions } from "../../db/schema.js";
import { validateScript, type ScriptBody } from "../../domain/scripts.js";
import { mayEditScripts, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { findScript, type ScriptDto } from "./queries.js";
import type { SaveScriptInput } from "./schemas.js";

function assertSound(body: ScriptBody) {
  const problems = validateScript(body);
  if (problems.length) throw appError("invalid_script", { problems });
}

/** Creates a script at version 1. */
export async function createScript(db: Db, actor: Actor, input: SaveScriptInput): Promise<ScriptDto> {
  if (!mayEditScripts(actor)) throw appError("forbidden");
  const body = input.body as ScriptBody;
  assertSound(body);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(scripts).values({ name: input.name.trim(), currentVersion: 1 }).returning({ id: scripts.id });
    await tx.insert(scriptVersions).values({ scriptId: row!.id, version: 1, body, createdBy: actor.id });
    return (await findScript(tx, row!.id))!;
  });
}

/** Saves a new version; calls already made keep pointing at the version they followed. */
export async function updateScript(db: Db, actor: Actor, id: number, input: SaveScriptInput): Promise<ScriptDto> {
  if (!mayEditScripts(actor)) throw appError("forbidden");
  const body = input.body as ScriptBody;
  assertSound(body);
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ version: scripts.currentVersion }).from(scripts).where(eq(scripts.id, id)).for("update");
    if (!current) throw appError("script_not_found");
    const version = current.version + 1;
    await tx.insert(scriptVersions).values({ scriptId: id, version, body, createdBy: actor.id });
    await tx.update(scripts).set({ name: input.name.trim(), currentVersion: version, updatedAt: sql`now()` }).where(eq(scripts.id, id));
    return (await findScript(tx, id))!;
  });
}
