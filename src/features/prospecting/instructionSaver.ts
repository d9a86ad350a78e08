import { eq } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import { instructions } from "../../db/schema.js";
import { mayEditInstructions, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import type { SaveInstructionInput } from "./schemas.js";

export interface InstructionDto {
  id: number;
  title: string;
  body: string;
  updatedAt: string;
}

const columns = { id: instructions.id, title: instructions.title, body: instructions.body, updatedAt: instructions.updatedAt };
const toDto = (r: { id: number; title: string; body: string; updatedAt: Date }): InstructionDto => ({ ...r, updatedAt: r.updatedAt.toISOString() });

export async function listInstructions(db: Db): Promise<InstructionDto[]> {
  return (await db.select(columns).from(instructions).orderBy(instructions.title)).map(toDto);
}

/** Creates an instruction page, or changes one when `id` is given. */
export async function saveInstruction(db: Db, actor: Actor, input: SaveInstructionInput, id?: number): Promise<InstructionDto> {
  if (!mayEditInstructions(actor)) throw appError("forbidden");
  const values = { title: input.title.trim(), body: input.body, updatedBy: actor.id, updatedAt: new Date() };
  const [row] = id
    ? await db.update(instructions).set(values).where(eq(instructions.id, id)).returning(columns)
    : await db.insert(instructions).values(values).returning(columns);
  if (!row) throw appError("instruction_not_found");
  return toDto(row);
}
