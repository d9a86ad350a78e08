import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { mayWorkDeal, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { openHoldingOf } from "../clients/queries.js";

export interface LockedDeal {
  id: number;
  companyId: number;
  managerId: number;
  stage: string;
  closed: boolean;
}

/** Locks a deal and its company for a change, refusing (404/403) who may not work it. */
export async function lockDeal(db: DbOrTx, actor: Actor, dealId: number): Promise<LockedDeal> {
  const [deal] = await selectRows<{ id: number; company_id: number; manager_id: number; stage: string; closed: boolean }>(
    db,
    sql`select id, company_id, manager_id, stage, closed_at is not null as closed from deals where id = ${dealId} for update`,
  );
  if (!deal) throw appError("deal_not_found");
  await db.execute(sql`select id from companies where id = ${deal.company_id} for update`);
  const holding = await openHoldingOf(db, deal.company_id);
  if (!mayWorkDeal(actor, holding)) throw appError("forbidden");
  return { id: deal.id, companyId: deal.company_id, managerId: deal.manager_id, stage: deal.stage, closed: deal.closed };
}
