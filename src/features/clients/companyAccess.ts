import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { mayReadCompany, mayWorkOnCompany, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { openHoldingOf } from "./queries.js";

/**
 * Loads what access decisions need about a company (locking its row inside a transaction, so
 * concurrent changes to one company queue up) and refuses with 404 or 403.
 */
export async function lockCompanyFor(
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
  // A tier worker asking for someone else's company learns nothing about it: same answer as a missing one would be a leak, so 403 is explicit but bare.
  if (!allowed) throw appError("forbidden");
  return { stage: company.stage, holding };
}
