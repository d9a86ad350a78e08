import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/connect.js";
import { mayAcceptCustomer, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { findCompany, openHoldingOf } from "../clients/queries.js";
import type { CompanyDto } from "../clients/schemas.js";
import { appendActivities } from "../clients/timeline.js";

/** The account manager accepts a new customer and the promises that came with it. */
export async function acceptCustomer(db: Db, actor: Actor, companyId: number): Promise<CompanyDto> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from companies where id = ${companyId} for update`);
    const holding = await openHoldingOf(tx, companyId);
    if (!holding) throw appError("nothing_to_accept");
    if (!mayAcceptCustomer(actor, holding)) throw appError("forbidden");
    const accepted = await selectRows<{ id: number }>(
      tx,
      sql`update holdings set accepted_at = now() where id = ${holding.id} and accepted_at is null returning id`,
    );
    if (accepted.length === 0) throw appError("nothing_to_accept");
    await appendActivities(tx, [{ companyId, actorId: actor.id, kind: "handover_accepted", data: { holdingId: holding.id } }]);
    return (await findCompany(tx, companyId))!;
  });
}
