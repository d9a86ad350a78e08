import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import { companies, deals, orderLines, orders, products, promises } from "../../db/schema.js";
import type { Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { findCompany } from "../clients/queries.js";
import type { CompanyDto } from "../clients/schemas.js";
import { appendActivities } from "../clients/timeline.js";
import { replaceHolding } from "../holdings/holdingWriter.js";
import { activeTarget } from "../holdings/targetUser.js";
import { lockDeal } from "./dealAccess.js";
import { findDeal, type DealDto } from "./queries.js";
import type { WinDealInput } from "./schemas.js";
import { qualifiedSince } from "./dealQualification.js";

/**
 * The first sale: one transaction records the order with its lines, closes the deal as won,
 * writes down every promise made to the customer, and hands the customer to an account manager
 * (tier 3), who accepts the hand-over before working it.
 */
export async function winDeal(db: Db, actor: Actor, dealId: number, input: WinDealInput): Promise<{ deal: DealDto; company: CompanyDto }> {
  return db.transaction(async (tx) => {
    const deal = await lockDeal(tx, actor, dealId);
    if (deal.closed) throw appError("deal_closed");
    const accountManager = await activeTarget(tx, input.accountManagerId);
    if (accountManager.role !== "account_manager") throw appError("handoff_not_allowed", { reason: "wrong_role", targetRole: accountManager.role });
    const productIds = [...new Set(input.lines.map((l) => l.productId))];
    const found = await tx.select({ id: products.id }).from(products).where(inArray(products.id, productIds));
    const missing = productIds.find((id) => !found.some((p) => p.id === id));
    if (missing) throw appError("product_not_found", { productId: missing });

    const now = new Date();
    const total = input.lines.reduce((sum, l) => sum + l.amountMinor, 0);
    const [order] = await tx
      .insert(orders)
      .values({ companyId: deal.companyId, dealId, orderedAt: now, currency: input.currency, totalMinor: total, createdBy: actor.id })
      .returning({ id: orders.id });
    await tx.insert(orderLines).values(input.lines.map((l) => ({ orderId: order!.id, productId: l.productId, quantity: l.quantity, amountMinor: l.amountMinor })));
    await tx
      .update(deals)
      .set({ stage: "won", qualifiedAt: qualifiedSince(now), closedAt: now, amountMinor: total, currency: input.currency, postponedUntil: null, updatedAt: now })
      .where(eq(deals.id, dealId));
    if (input.promises.length) {
      await tx.insert(promises).values(input.promises.map((p) => ({ companyId: deal.companyId, dealId, madeBy: deal.managerId, kind: p.kind, text: p.text.trim(), dueOn: p.dueOn ?? null })));
    }
    const [holding] = await tx.execute(sql`select id from holdings where company_id = ${deal.companyId} and ended_at is null`).then((r) => (r as unknown as { rows: { id: number }[] }).rows);
    await replaceHolding(tx, deal.companyId, holding ?? null, { userId: accountManager.id, tier: 3, endReason: "sold", note: input.note }, now);
    await tx.update(companies).set({ stage: "customer", updatedAt: now }).where(eq(companies.id, deal.companyId));
    const at = (ms: number) => new Date(now.getTime() + ms);
    await appendActivities(tx, [
      { companyId: deal.companyId, actorId: actor.id, kind: "deal_won", occurredAt: now, data: { dealId, totalMinor: total, currency: input.currency } },
      { companyId: deal.companyId, actorId: actor.id, kind: "order_created", occurredAt: at(1), data: { orderId: order!.id, dealId, totalMinor: total, currency: input.currency, lines: input.lines } },
      {
        companyId: deal.companyId,
        actorId: actor.id,
        kind: "handed_over",
        text: input.note ?? null,
        occurredAt: at(2),
        data: { fromUserId: deal.managerId, toUserId: accountManager.id, toName: accountManager.fullName, fromStage: "lead", toStage: "customer", tier: 3, promises: input.promises },
      },
    ]);
    return { deal: (await findDeal(tx, dealId))!, company: (await findCompany(tx, deal.companyId))! };
  });
}
