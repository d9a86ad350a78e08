import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { mayReadCompany, mayWorkOnCompany, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { openHoldingOf } from "./queries.js";

/**
 * Loads what access decisions need about a company and refuses with 404 or 403. Inside a
 * transaction it also locks the company row (`lock`), so concurrent changes to one company
 * queue up instead of interleaving.
 */
export async function authorizeCompany(
  db: DbOrTx,
  actor: Actor,
  companyId: number,
  need: "read" | "work",
  lock = true,
): Promise<{ stage: string; holding: Awaited<ReturnType<typeof openHoldingOf>> }> {
  const [company] = await selectRows<{ stage: string }>(
    db,
    lock ? sql`select stage from companies where id = ${companyId} for update` : sql`select stage from companies where id = ${companyId}`,
  );
  if (!company) throw appError("company_not_found");
  const holding = await openHoldingOf(db, companyId);
  const allowed = need === "read" ? mayReadCompany(actor, holding) : mayWorkOnCompany(actor, holding);
  // The 403 carries no details: a tier worker learns nothing about a company they do not hold.
  if (!allowed) throw appError("forbidden");
  return { stage: company.stage, holding };
}
