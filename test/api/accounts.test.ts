import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, predictNextPurchase, reorderStatus } from "../../src/domain/reorder.js";
import { DEFAULT_WORKING_HOURS, dayOf } from "../../src/domain/workingTime.js";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * Tier 3 over HTTP: repeat orders, the back office's invoices, the nightly insights sweep (RFM
 * segments, reorder dates), the customer's instruction with cross-sell, and who may do what.
 */
let server: TestServer;
let head: ApiClient & { user: TestUser };
let am: ApiClient & { user: TestUser };
let otherAm: ApiClient & { user: TestUser };
let office: ApiClient & { user: TestUser };
let manager: ApiClient & { user: TestUser };
let caller: ApiClient & { user: TestUser };
const product: Record<"paper" | "toner" | "ink", number> = { paper: 0, toner: 0, ink: 0 };
const today = dayOf(new Date(), DEFAULT_WORKING_HOURS);
const insights = SWEEPS.find((s) => s.name === "account-insights")!;
const sweep = () => runSweep(server.database, insights, { timeZone: "Europe/Kyiv" });

/** A customer held by `holder` (head → manager → account manager, as the conveyor does). */
async function customer(name: string, holder: TestUser): Promise<number> {
  const id = (await head.post("/api/companies", { legalName: name, industry: "Printing", size: "small" })).body.company.id as number;
  expect((await head.post(`/api/companies/${id}/handoff`, { toUserId: manager.user.id })).status).toBe(200);
  expect((await head.post(`/api/companies/${id}/handoff`, { toUserId: holder.id })).status).toBe(200);
  return id;
}

const order = (client: ApiClient, companyId: number, orderedOn: string, lines: { productId: number; quantity: number; amountMinor: number }[]) =>
  client.post(`/api/companies/${companyId}/orders`, { orderedOn, currency: "UAH", lines });

beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  am = await server.signedIn("account_manager");
  otherAm = await server.signedIn("account_manager");
  office = await server.signedIn("back_office");
  manager = await server.signedIn("manager");
  caller = await server.signedIn("caller");
  for (const name of ["paper", "toner", "ink"] as const) product[name] = (await head.post("/api/products", { name: `Acct ${name}` })).body.product.id;
});
afterAll(() => server.close());

describe("repeat orders", () => {
  let steady: number;

  beforeAll(async () => {
    steady = await customer("Steady Buyer", am.user);
  });

  it("records an order by the account manager, on the timeline, and moves the reorder date at once", async () => {
    for (const back of [60, 30]) expect((await order(am, steady, addDays(today, -back), [{ productId: product.paper, quantity: 10, amountMinor: 50_000 }])).status).toBe(201);
    const res = await order(am, steady, today, [
      { productId: product.paper, quantity: 12, amountMinor: 60_000 },
      { productId: product.toner, quantity: 1, amountMinor: 9_000 },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ companyId: steady, currency: "UAH", totalMinor: 69_000, invoice: null });
    expect(res.body.order.lines).toEqual([
      { productId: product.paper, productName: "Acct paper", quantity: 12, amountMinor: 60_000 },
      { productId: product.toner, productName: "Acct toner", quantity: 1, amountMinor: 9_000 },
    ]);
    const timeline = (await am.get(`/api/companies/${steady}/timeline`)).body.items;
    expect(timeline.find((e: { kind: string }) => e.kind === "order_created")).toMatchObject({ data: { orderId: res.body.order.id, totalMinor: 69_000 } });

    const brief = (await am.get(`/api/companies/${steady}/account`)).body.account;
    expect(brief).toMatchObject({ purchaseDays: 3, lastPurchaseOn: today, daysSinceLastPurchase: 0, firstPurchaseOn: addDays(today, -60) });
    expect(brief.overall).toMatchObject({ expectedDay: addDays(today, 30), intervalDays: 30, status: "scheduled" });
    const paper = brief.products.find((p: { productId: number }) => p.productId === product.paper);
    expect(paper).toMatchObject({ purchaseDays: 3, quantity: 32, amountMinor: 160_000, lastOn: today });
    expect(paper.prediction).toMatchObject({ expectedDay: addDays(today, 30), typicalQuantity: 10 });
    // Toner was bought once: no rhythm yet.
    expect(brief.products.find((p: { productId: number }) => p.productId === product.toner).prediction).toBeNull();
    expect(brief.totals).toEqual([{ currency: "UAH", amountMinor: 169_000 }]);

    // The list shows the new expected date before any nightly sweep; a first-time segment waits for it.
    const row = (await am.get("/api/accounts")).body.items.find((r: { companyId: number }) => r.companyId === steady);
    expect(row).toMatchObject({ expectedOn: addDays(today, 30), reorderStatus: "scheduled", lastPurchaseOn: today });
  });

  it("refuses bad orders with a clear code and keeps nothing", async () => {
    const before = (await am.get(`/api/orders?companyId=${steady}`)).body.total;
    const future = await order(am, steady, addDays(today, 2), [{ productId: product.paper, quantity: 1, amountMinor: 1 }]);
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe("order_date_in_future");
    const unknown = await order(am, steady, today, [{ productId: 999_999, quantity: 1, amountMinor: 1 }]);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("product_not_found");
    expect((await order(am, steady, today, [])).status).toBe(400);
    expect((await order(am, steady, today, [{ productId: product.paper, quantity: 0, amountMinor: 1 }])).status).toBe(400);
    expect((await am.post(`/api/companies/${steady}/orders`, { currency: "hryvnia", lines: [{ productId: product.paper, quantity: 1, amountMinor: 1 }] })).status).toBe(400);
    const lead = (await head.post("/api/companies", { legalName: "Only A Lead" })).body.company.id;
    await head.post(`/api/companies/${lead}/handoff`, { toUserId: manager.user.id });
    const notCustomer = await order(head, lead, today, [{ productId: product.paper, quantity: 1, amountMinor: 1 }]);
    expect(notCustomer.status).toBe(409);
    expect(notCustomer.body.error.code).toBe("not_a_customer");
    expect((await am.get(`/api/orders?companyId=${steady}`)).body.total).toBe(before);
  });

  it("lets only the holding account manager, the back office and the head record orders", async () => {
    const line = [{ productId: product.paper, quantity: 1, amountMinor: 100 }];
    expect((await order(otherAm, steady, today, line)).status).toBe(403);
    expect((await order(manager, steady, today, line)).status).toBe(403);
    expect((await order(caller, steady, today, line)).status).toBe(403);
    expect((await order(office, steady, today, line)).status).toBe(201);
    expect((await order(head, steady, today, line)).status).toBe(201);
  });

  it("shows a customer's orders and account only to those who work it", async () => {
    expect((await otherAm.get(`/api/orders?companyId=${steady}`)).status).toBe(403);
    expect((await otherAm.get(`/api/companies/${steady}/account`)).status).toBe(403);
    expect((await manager.get(`/api/companies/${steady}/account`)).status).toBe(403);
    expect((await manager.get("/api/accounts")).status).toBe(403);
    expect((await caller.get("/api/accounts")).status).toBe(403);
    expect((await caller.get("/api/orders")).status).toBe(403);
    expect((await office.get(`/api/companies/${steady}/account`)).status).toBe(200);
    // Another account manager's list does not contain this customer.
    expect((await otherAm.get("/api/accounts")).body.items.some((r: { companyId: number }) => r.companyId === steady)).toBe(false);
  });
});

describe("invoices", () => {
  let billed: number;
  let orderIds: number[];

  beforeAll(async () => {
    billed = await customer("Billed Customer", am.user);
    orderIds = [];
    for (const back of [20, 10, 0]) orderIds.push((await order(am, billed, addDays(today, -back), [{ productId: product.ink, quantity: 2, amountMinor: 12_345 }])).body.order.id);
  });

  it("the back office bills an order from its queue, numbers it, and marks it paid", async () => {
    const queue = (await office.get("/api/orders?invoiced=false&limit=200")).body.items.map((o: { id: number }) => o.id);
    expect(queue).toEqual(expect.arrayContaining(orderIds));
    const issued = await office.post(`/api/orders/${orderIds[0]}/invoice`, { dueOn: addDays(today, 14) });
    expect(issued.status).toBe(201);
    expect(issued.body.invoice).toMatchObject({ orderId: orderIds[0], companyId: billed, amountMinor: 12_345, currency: "UAH", status: "issued", issuedOn: today, overdue: false });
    expect(issued.body.invoice.number).toMatch(new RegExp(`^${today.slice(0, 4)}-\\d{6}$`));
    expect((await office.get("/api/orders?invoiced=false&limit=200")).body.items.map((o: { id: number }) => o.id)).not.toContain(orderIds[0]);
    const seen = (await am.get(`/api/orders?companyId=${billed}`)).body.items.find((o: { id: number }) => o.id === orderIds[0]);
    expect(seen.invoice).toMatchObject({ id: issued.body.invoice.id, status: "issued" });

    const paid = await office.post(`/api/invoices/${issued.body.invoice.id}/pay`, {});
    expect(paid.status).toBe(200);
    expect(paid.body.invoice).toMatchObject({ status: "paid", paidOn: today });
    const again = await office.post(`/api/invoices/${issued.body.invoice.id}/pay`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invoice_closed");
    const kinds = (await head.get(`/api/companies/${billed}/timeline`)).body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["invoice_issued", "invoice_paid"]));
  });

  it("bills an order once; a cancelled invoice frees the order; numbers are unique", async () => {
    const first = await office.post(`/api/orders/${orderIds[1]}/invoice`, { number: "INV-77", dueOn: addDays(today, 5) });
    expect(first.status).toBe(201);
    const twice = await office.post(`/api/orders/${orderIds[1]}/invoice`, { dueOn: addDays(today, 5) });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("order_already_invoiced");
    const sameNumber = await office.post(`/api/orders/${orderIds[2]}/invoice`, { number: "inv-77", dueOn: addDays(today, 5) });
    expect(sameNumber.status).toBe(409);
    expect(sameNumber.body.error.code).toBe("invoice_number_taken");
    const noReason = await office.post(`/api/invoices/${first.body.invoice.id}/cancel`, { reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe("reason_required");
    const cancelled = await office.post(`/api/invoices/${first.body.invoice.id}/cancel`, { reason: "Wrong legal entity" });
    expect(cancelled.body.invoice).toMatchObject({ status: "cancelled", cancelReason: "Wrong legal entity" });
    expect((await office.post(`/api/orders/${orderIds[1]}/invoice`, { number: "INV-78", dueOn: addDays(today, 5) })).status).toBe(201);
  });

  it("refuses impossible dates, and lists overdue invoices", async () => {
    const backwards = await office.post(`/api/orders/${orderIds[2]}/invoice`, { issuedOn: today, dueOn: addDays(today, -1) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe("invoice_dates_invalid");
    const late = await office.post(`/api/orders/${orderIds[2]}/invoice`, { issuedOn: addDays(today, -20), dueOn: addDays(today, -6) });
    expect(late.status).toBe(201);
    expect(late.body.invoice.overdue).toBe(true);
    const beforeIssue = await office.post(`/api/invoices/${late.body.invoice.id}/pay`, { paidOn: addDays(today, -30) });
    expect(beforeIssue.status).toBe(400);
    const overdue = (await office.get("/api/invoices?status=overdue")).body.items.map((i: { id: number }) => i.id);
    expect(overdue).toContain(late.body.invoice.id);
    const row = (await am.get("/api/accounts?limit=200")).body.items.find((r: { companyId: number }) => r.companyId === billed);
    expect(row.overdueInvoices).toBe(1);
  });

  it("keeps invoicing to the back office; account managers see only their customers' invoices", async () => {
    expect((await am.post(`/api/orders/${orderIds[0]}/invoice`, { dueOn: addDays(today, 5) })).status).toBe(403);
    expect((await head.post(`/api/orders/${orderIds[0]}/invoice`, { dueOn: addDays(today, 5) })).status).toBe(403);
    const mine = (await am.get("/api/invoices?limit=200")).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i: { companyId: number }) => i.companyId === billed)).toBe(true);
    expect((await otherAm.get("/api/invoices?limit=200")).body.total).toBe(0);
    expect((await manager.get("/api/invoices")).status).toBe(403);
    expect((await office.post("/api/orders/999999/invoice", { dueOn: today })).status).toBe(404);
  });
});

describe("segments, reorder reminders and cross-sell", () => {
  it("the nightly sweep scores every customer, and the list filters by segment and reorder status", async () => {
    // A champion: frequent, recent, big. A lapsed buyer: bought on a 30-day rhythm, last 80 days ago.
    const champion = await customer("Champion Ltd", am.user);
    for (let back = 0; back <= 330; back += 15) await order(am, champion, addDays(today, -back), [{ productId: product.paper, quantity: 50, amountMinor: 900_000 }]);
    const lapsed = await customer("Lapsed Ltd", otherAm.user);
    for (const back of [140, 110, 80]) await order(otherAm, lapsed, addDays(today, -back), [{ productId: product.toner, quantity: 1, amountMinor: 5_000 }]);
    const never = await customer("Never Bought", am.user);

    const run = await sweep();
    expect(run.ran).toBe(true);
    expect((run as { result: { customers: number } }).result.customers).toBeGreaterThanOrEqual(5);

    const all = (await head.get("/api/accounts?limit=200")).body;
    const byId = new Map(all.items.map((r: { companyId: number }) => [r.companyId, r]));
    expect(byId.get(champion)).toMatchObject({ segment: "champions", reorderStatus: "scheduled", expectedOn: addDays(today, 15) });
    expect(byId.get(never)).toMatchObject({ segment: "no_purchases", reorderStatus: "none", scores: null });
    const lapsedRow = byId.get(lapsed) as { segment: string; reorderStatus: string; expectedOn: string };
    expect(["at_risk", "hibernating", "lost", "cant_lose"]).toContain(lapsedRow.segment);
    expect(lapsedRow).toMatchObject({ reorderStatus: "overdue", expectedOn: addDays(today, -50) });
    // The SQL status is the domain rule.
    const expected = reorderStatus(predictNextPurchase([addDays(today, -140), addDays(today, -110), addDays(today, -80)]), today, 3);
    expect(lapsedRow.reorderStatus).toBe(expected);
    expect(Object.values(all.segments as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(all.total);

    const champions = (await head.get("/api/accounts?segment=champions&limit=200")).body.items.map((r: { companyId: number }) => r.companyId);
    expect(champions).toContain(champion);
    expect(champions).not.toContain(lapsed);
    const overdue = (await head.get("/api/accounts?reorder=overdue&limit=200")).body.items.map((r: { companyId: number }) => r.companyId);
    expect(overdue).toContain(lapsed);
    expect(overdue).not.toContain(champion);
    // The account manager's own list: the other manager's lapsed customer is not in it.
    expect((await am.get("/api/accounts?reorder=overdue&limit=200")).body.items.map((r: { companyId: number }) => r.companyId)).not.toContain(lapsed);
    expect((await head.get("/api/accounts?segment=nonsense")).status).toBe(400);

    // Idempotent: a second run changes nothing.
    await sweep();
    expect((await head.get("/api/accounts?limit=200")).body.items).toEqual(all.items);
  });

  it("reminds the account manager the configured number of days before the expected purchase", async () => {
    const soon = await customer("Buys Soon", am.user);
    for (const back of [30, 2]) await order(am, soon, addDays(today, -back), [{ productId: product.ink, quantity: 1, amountMinor: 1_000 }]);
    // Expected in 26 days: not yet with a 3-day reminder, due with a 30-day one.
    const status = async () => (await am.get("/api/accounts?limit=200")).body.items.find((r: { companyId: number }) => r.companyId === soon).reorderStatus;
    expect(await status()).toBe("scheduled");
    const settings = (await head.get("/api/settings")).body.settings;
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, reorderReminderDays: 30 } })).status).toBe(200);
    expect(await status()).toBe("due");
    expect((await am.get("/api/accounts?reorder=due&limit=200")).body.items.map((r: { companyId: number }) => r.companyId)).toContain(soon);
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, reorderReminderDays: 61 } })).status).toBe(400);
    await head.request("PUT", "/api/settings", { settings });
  });

  it("suggests what similar customers buy and this one has not", async () => {
    const target = await customer("Paper Only", am.user);
    await order(am, target, today, [{ productId: product.paper, quantity: 1, amountMinor: 100 }]);
    for (const name of ["Peer A", "Peer B", "Peer C"]) {
      const peer = await customer(name, otherAm.user);
      await order(otherAm, peer, today, [
        { productId: product.paper, quantity: 1, amountMinor: 100 },
        { productId: product.ink, quantity: 1, amountMinor: 100 },
      ]);
    }
    const brief = (await am.get(`/api/companies/${target}/account`)).body.account;
    const ink = brief.crossSell.find((s: { productId: number }) => s.productId === product.ink);
    expect(ink).toMatchObject({ name: "Acct ink" });
    expect(ink.peers).toBeGreaterThanOrEqual(3);
    expect(brief.crossSell.some((s: { productId: number }) => s.productId === product.paper)).toBe(false);
    expect(brief.peers).toBeGreaterThanOrEqual(3);
  });
});
