import { eq, sql } from "drizzle-orm";
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode, selectRows, type Db, type DbOrTx } from "../../db/connect.js";
import { leadSources } from "../../db/schema.js";
import { mayManageSources, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { listSources } from "./queries.js";
import type { CreateSourceInput, LeadSourceDto, UpdateSourceInput } from "./schemas.js";

/** The head sets up a source: its name (unique in any case), kind, price per lead, owner and intake limit. */

const invalid = (field: string, rule: string) => appError("validation_failed", { fields: [{ field: `body.${field}`, rule }] });

/** A price is an amount in a currency: both or neither. */
function assertCostWhole(cost: number | null, currency: string | null) {
  if ((cost === null) !== (currency === null)) throw invalid(cost === null ? "costPerLeadMinor" : "currency", "cost_and_currency_together");
}

async function assertOwnerActive(db: DbOrTx, ownerId: number | null | undefined) {
  if (ownerId === null || ownerId === undefined) return;
  const [row] = await selectRows<{ active: boolean }>(db, sql`select active from users where id = ${ownerId}`);
  if (!row?.active) throw invalid("ownerId", "active_user");
}

async function assertNameFree(db: DbOrTx, name: string, exceptId?: number) {
  const [row] = await selectRows<{ id: number }>(db, sql`select id from lead_sources where lower(name) = lower(${name})`);
  if (row && row.id !== exceptId) throw appError("source_name_taken", { sourceId: row.id });
}

/** Two heads naming sources alike at once: the unique index decides. */
function translateConflict(error: unknown): never {
  if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && pgConstraint(error) === "lead_sources_name_key") throw appError("source_name_taken");
  throw error;
}

async function readBack(db: DbOrTx, id: number): Promise<LeadSourceDto> {
  return (await listSources(db, { kind: "all" }, id))[0]!;
}

export async function createSource(db: Db, actor: Actor, input: CreateSourceInput): Promise<LeadSourceDto> {
  if (!mayManageSources(actor)) throw appError("forbidden");
  const name = input.name.trim();
  if (!name) throw invalid("name", "minLength");
  const cost = input.costPerLeadMinor ?? null;
  const currency = input.currency ?? null;
  assertCostWhole(cost, currency);
  try {
    return await db.transaction(async (tx) => {
      await assertNameFree(tx, name);
      await assertOwnerActive(tx, input.ownerId);
      const [row] = await tx
        .insert(leadSources)
        .values({
          name,
          kind: input.kind,
          costPerLeadMinor: cost,
          currency,
          ownerId: input.ownerId ?? null,
          active: input.active ?? true,
          intakeHourlyLimit: input.intakeHourlyLimit,
        })
        .returning({ id: leadSources.id });
      return readBack(tx, row!.id);
    });
  } catch (error) {
    translateConflict(error);
  }
}

export async function updateSource(db: Db, actor: Actor, id: number, input: UpdateSourceInput): Promise<LeadSourceDto> {
  if (!mayManageSources(actor)) throw appError("forbidden");
  const name = input.name?.trim();
  if (name === "") throw invalid("name", "minLength");
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ cost: leadSources.costPerLeadMinor, currency: leadSources.currency })
        .from(leadSources)
        .where(eq(leadSources.id, id))
        .for("update");
      if (!before) throw appError("source_not_found");
      const cost = input.costPerLeadMinor === undefined ? before.cost : input.costPerLeadMinor;
      const currency = input.currency === undefined ? before.currency : input.currency;
      assertCostWhole(cost, currency);
      if (name) await assertNameFree(tx, name, id);
      await assertOwnerActive(tx, input.ownerId);
      await tx
        .update(leadSources)
        .set({
          name,
          kind: input.kind,
          costPerLeadMinor: cost,
          currency,
          ownerId: input.ownerId,
          active: input.active,
          intakeHourlyLimit: input.intakeHourlyLimit,
          updatedAt: new Date(),
        })
        .where(eq(leadSources.id, id));
      return readBack(tx, id);
    });
  } catch (error) {
    translateConflict(error);
  }
}
