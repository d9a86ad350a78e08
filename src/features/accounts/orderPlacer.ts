import { inArray, sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/connect.js";
import { orderLines, orders, products } from "../../db/schema.js";
import { dayOf, startOfDay } from "../../domain/workingTime.js";
import { addDays } from "../../domain/reorder.js";
import { mayPlaceOrder, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { openHoldingOf } from "../clients/queries.js";
import { appendActivities } from "../clients/timeline.js";
import { readSettings } from "../settings/teamSettings.js";
import { refreshCustomerInsight } from "./insights.js";
import { findOrders, type OrderDto } from "./queries.js";
import type { PlaceOrderInput } from "./schemas.js";

/**
 * A repeat purchase by a customer: the order with its lines goes on the timeline, and the
 * customer's reorder prediction moves at once (the manager sees the next expected date).
 */
export async function placeOrder(db: Db, actor: Actor, companyId: number, input: PlaceOrderInput, timeZone: string): Promise<OrderDto> {
  return db.transaction(async (tx) => {
    const [company] = await selectRows<{ stage: string }>(tx, sql`select stage from companies where id = ${companyId} for update`);
    if (!company) throw appError("company_not_found");
    if (!mayPlaceOrder(actor, await openHoldingOf(tx, companyId))) throw appError("forbidden");
    if (company.stage !== "customer") throw appError("not_a_customer");
    const settings = await readSettings(tx, timeZone);
    const now = new Date();
    const today = dayOf(now, settings.workingHours);
    if (input.orderedOn && input.orderedOn > today) throw appError("order_date_in_future");
    // An order entered late is dated at noon of its day (team time), so the day never shifts.
    const orderedAt = input.orderedOn && input.orderedOn < today ? new Date(startOfDay(input.orderedOn, settings.workingHours).getTime() + 12 * 3_600_000) : now;
    if (input.orderedOn && addDays(input.orderedOn, 3660) < today) throw appError("validation_failed", { fields: [{ field: "body.orderedOn", rule: "tooOld" }] });

    const productIds = [...new Set(input.lines.map((l) => l.productId))];
    const found = await tx.select({ id: products.id }).from(products).where(inArray(products.id, productIds));
    const missing = productIds.find((id) => !found.some((p) => p.id === id));
    if (missing) throw appError("product_not_found", { productId: missing });

    const total = input.lines.reduce((sum, l) => sum + l.amountMinor, 0);
    const [order] = await tx.insert(orders).values({ companyId, orderedAt, currency: input.currency, totalMinor: total, createdBy: actor.id }).returning({ id: orders.id });
    await tx.insert(orderLines).values(input.lines.map((l) => ({ orderId: order!.id, productId: l.productId, quantity: l.quantity, amountMinor: l.amountMinor })));
    await appendActivities(tx, [
      { companyId, actorId: actor.id, kind: "order_created", text: input.note?.trim() || null, occurredAt: orderedAt, data: { orderId: order!.id, totalMinor: total, currency: input.currency, lines: input.lines } },
    ]);
    await refreshCustomerInsight(tx, companyId, timeZone, now);
    const [dto] = await findOrders(tx, { scope: { kind: "all" }, orderId: order!.id, today, limit: 1, offset: 0 });
    return dto!;
  });
}
