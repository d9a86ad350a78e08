import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { nextMonth, previousMonth } from "../../src/domain/commission.js";
import { DEFAULT_WORKING_HOURS, dayOf, startOfDay } from "../../src/domain/workingTime.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * Commissions over HTTP on a real history: a caller hands leads over (by an interested call, and
 * from a holding), the manager wins them with first orders, the account manager takes a repeat
 * order; the history is then moved into past months with SQL so the rules' months matter.
 */
type Client = ApiClient & { user: TestUser };
let server: TestServer;
let head: Client;
let caller: Client;
let otherCaller: Client;
let manager: Client;
let am: Client;
let office: Client;
let officeRu: Client;
let productId: number;

const wh = DEFAULT_WORKING_HOURS;
const thisMonth = dayOf(new Date(), wh).slice(0, 7);
const m1 = previousMonth(thisMonth);
const m2 = previousMonth(m1);
const m3 = previousMonth(m2);
const db = () => server.database.db;
/** Noon of a day of a month in the team's time zone. */
const noonOf = (month: string, day: number) => new Date(startOfDay(`${month}-${String(day).padStart(2, "0")}`, wh).getTime() + 12 * 3_600_000);

/** Moves a company's whole history (calls, holdings, deals, orders) so that it starts at `to`, keeping its order. */
async function moveHistory(companyId: number, to: Date) {
  const [row] = await selectRows<{ earliest: Date | string }>(
    db(),
    sql`select least((select min(occurred_at) from calls where company_id = ${companyId}), (select min(started_at) from holdings where company_id = ${companyId})) as earliest`,
  );
  const ms = to.getTime() - new Date(row!.earliest).getTime();
  const by = sql`(${ms} * interval '1 millisecond')`;
  await db().execute(sql`update calls set occurred_at = occurred_at + ${by} where company_id = ${companyId}`);
  await db().execute(sql`update holdings set started_at = started_at + ${by}, ended_at = ended_at + ${by} where company_id = ${companyId}`);
  await db().execute(sql`update deals set opened_at = opened_at + ${by}, closed_at = closed_at + ${by} where company_id = ${companyId}`);
  await db().execute(sql`update orders set ordered_at = ordered_at + ${by} where company_id = ${companyId}`);
}

/** A company the caller takes from a call list and hands over as interested: the lead goes to the (only) manager. */
async function handedOverByCall(legalName: string): Promise<number> {
  const industry = `Commission ${legalName}`;
  const id = (await head.post("/api/companies", { legalName, industry })).body.company.id as number;
  expect((await head.post("/api/call-lists", { name: industry, criteria: { industries: [industry] }, callerIds: [caller.user.id] })).status).toBe(201);
  expect((await caller.post("/api/calling/next", {})).body.item.company.id).toBe(id);
  const done = await caller.post(`/api/calling/${id}/outcome`, { outcome: "interested", qualification: { need: "Упаковка", timing: "этот месяц" } });
  expect(done.body.consequence).toMatchObject({ kind: "hand_over", toUserId: manager.user.id });
  return id;
}

/** A company the caller held in tier 1 and handed to the manager by hand (no call logged). */
async function handedOverFromHolding(legalName: string): Promise<number> {
  const id = (await head.post("/api/companies", { legalName })).body.company.id as number;
  expect((await head.post(`/api/companies/${id}/holder`, { userId: caller.user.id })).status).toBe(200);
  expect((await caller.post(`/api/companies/${id}/handoff`, { toUserId: manager.user.id })).status).toBe(200);
  return id;
}

/** The manager opens a deal and wins it: the first order, and the customer goes to the account manager. */
async function won(companyId: number, amountMinor: number, currency = "UAH"): Promise<number> {
  const deal = (await manager.post(`/api/companies/${companyId}/deals`, {})).body.deal;
  const res = await manager.post(`/api/deals/${deal.id}/win`, { accountManagerId: am.user.id, currency, lines: [{ productId, quantity: 1, amountMinor }], promises: [] });
  expect(res.status).toBe(200);
  const [order] = await selectRows<{ id: number }>(db(), sql`select id from orders where deal_id = ${deal.id}`);
  return order!.id;
}

/** Downloads an export: status, headers and the raw bytes. */
async function download(client: ApiClient, query: string) {
  const res = await fetch(`${server.url}/api/commissions/export?${query}`, { headers: { cookie: client.cookie } });
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), bytes: Buffer.from(await res.arrayBuffer()) };
}

const ids: Record<"alpha" | "beta" | "gamma" | "delta", number> = { alpha: 0, beta: 0, gamma: 0, delta: 0 };
const orders: Record<"alphaFirst" | "alphaRepeat" | "beta" | "gamma" | "delta", number> = { alphaFirst: 0, alphaRepeat: 0, beta: 0, gamma: 0, delta: 0 };

beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  caller = await server.signedIn("caller");
  otherCaller = await server.signedIn("caller");
  manager = await server.signedIn("manager");
  am = await server.signedIn("account_manager");
  office = await server.signedIn("back_office");
  officeRu = await server.signedIn(await server.createUser("back_office", "buhgalteria", { language: "ru" }));
  productId = (await head.post("/api/products", { name: "Гофрокороб" })).body.product.id;

  // Alpha: handed over by a call and won in m2 (10 000.00 UAH); a repeat order in m1 (4 000.00 UAH).
  ids.alpha = await handedOverByCall("Альфа Пак");
  orders.alphaFirst = await won(ids.alpha, 1_000_000);
  const repeat = await am.post(`/api/companies/${ids.alpha}/orders`, { currency: "UAH", lines: [{ productId, quantity: 2, amountMinor: 400_000 }] });
  expect(repeat.status).toBe(201);
  orders.alphaRepeat = repeat.body.order.id;
  await moveHistory(ids.alpha, noonOf(m2, 15));
  await db().execute(sql`update orders set ordered_at = ${noonOf(m1, 10).toISOString()}::timestamptz where id = ${orders.alphaRepeat}`);

  // Beta: handed over by a call and won in m1 for 12 345.67 UAH (7.5 % of it is 925.92525).
  ids.beta = await handedOverByCall("Бета Трейд");
  orders.beta = await won(ids.beta, 1_234_567);
  await moveHistory(ids.beta, noonOf(m1, 15));

  // Gamma: handed over from the caller's holding and won in m1 in dollars.
  ids.gamma = await handedOverFromHolding("Gamma Logistics");
  orders.gamma = await won(ids.gamma, 200_000, "USD");
  await moveHistory(ids.gamma, noonOf(m1, 20));

  // Delta: the head passed it along by hand (no caller, no deal); its first order in m3 is the manager's who held the lead.
  ids.delta = (await head.post("/api/companies", { legalName: "Delta Print" })).body.company.id;
  expect((await head.post(`/api/companies/${ids.delta}/handoff`, { toUserId: manager.user.id })).status).toBe(200);
  expect((await head.post(`/api/companies/${ids.delta}/handoff`, { toUserId: am.user.id })).status).toBe(200);
  orders.delta = (await am.post(`/api/companies/${ids.delta}/orders`, { currency: "UAH", lines: [{ productId, quantity: 1, amountMinor: 100_000 }] })).body.order.id;
  await moveHistory(ids.delta, noonOf(m3, 5));

  // The head's rules: from m3 500.00 UAH a lead, 5 % of a first sale, 2 % of repeat sales; from m1 7.5 % of a first sale.
  for (const body of [
    { tier: 1, effectiveFrom: m3, amountMinor: 50_000, currency: "UAH" },
    { tier: 2, effectiveFrom: m3, ratePercent: 5 },
    { tier: 3, effectiveFrom: m3, ratePercent: 2 },
    { tier: 2, effectiveFrom: m1, ratePercent: 7.5 },
    { tier: 1, effectiveFrom: thisMonth, amountMinor: 70_000, currency: "UAH" },
  ]) {
    expect((await head.post("/api/commission-rules", body)).status).toBe(201);
  }
});
afterAll(() => server.close());

const totalsOf = (summary: any, userId: number) => summary.items.find((i: any) => i.user.id === userId);

describe("the rules", () => {
  it("lists each tier's rules with their months; everyone paid by them may read", async () => {
    const res = await caller.get("/api/commission-rules");
    expect(res.status).toBe(200);
    expect(res.body.currentMonth).toBe(thisMonth);
    expect(res.body.items.map((r: any) => [r.tier, r.effectiveFrom, r.amountMinor, r.currency, r.rateBp, r.ratePercent, r.withdrawable])).toEqual([
      [1, m3, 50_000, "UAH", null, null, false],
      [1, thisMonth, 70_000, "UAH", null, null, false],
      [2, m3, null, null, 500, 5, false],
      [2, m1, null, null, 750, 7.5, false],
      [3, m3, null, null, 200, 2, false],
    ]);
    expect(res.body.items[0].createdBy).toEqual({ id: head.user.id, fullName: expect.any(String) });
    expect((await office.get("/api/commission-rules")).status).toBe(200);
  });

  it("refuses a rule of the wrong shape, a malformed month, and a second rule for the same tier and month", async () => {
    for (const body of [
      { tier: 2, effectiveFrom: nextMonth(thisMonth), amountMinor: 100, currency: "UAH" },
      { tier: 1, effectiveFrom: nextMonth(thisMonth), ratePercent: 3 },
      { tier: 3, effectiveFrom: nextMonth(thisMonth), ratePercent: 100.5 },
      { tier: 3, effectiveFrom: nextMonth(thisMonth), ratePercent: 1.234 },
      { tier: 1, effectiveFrom: nextMonth(thisMonth), amountMinor: 100, currency: "uah" },
      { tier: 4, effectiveFrom: nextMonth(thisMonth), ratePercent: 3 },
    ]) {
      const res = await head.post("/api/commission-rules", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("commission_rule_invalid");
    }
    const badMonth = await head.post("/api/commission-rules", { tier: 2, effectiveFrom: "2025-13", ratePercent: 3 });
    expect([badMonth.status, badMonth.body.error.code]).toEqual([400, "month_invalid"]);
    const twice = await head.post("/api/commission-rules", { tier: 2, effectiveFrom: m1, ratePercent: 9 });
    expect([twice.status, twice.body.error.code]).toEqual([409, "commission_rule_exists"]);
  });

  it("withdraws a rule only before its month starts", async () => {
    const future = await head.post("/api/commission-rules", { tier: 3, effectiveFrom: nextMonth(thisMonth), ratePercent: 2.25 });
    expect(future.body.rule).toMatchObject({ tier: 3, effectiveFrom: nextMonth(thisMonth), rateBp: 225, ratePercent: 2.25, withdrawable: true });
    expect((await caller.request("DELETE", `/api/commission-rules/${future.body.rule.id}`)).status).toBe(403);
    expect((await head.request("DELETE", `/api/commission-rules/${future.body.rule.id}`)).status).toBe(204);
    expect((await head.request("DELETE", `/api/commission-rules/${future.body.rule.id}`)).body.error.code).toBe("not_found");
    const started = (await head.get("/api/commission-rules")).body.items.find((r: any) => r.tier === 1 && r.effectiveFrom === thisMonth);
    const refused = await head.request("DELETE", `/api/commission-rules/${started.id}`);
    expect([refused.status, refused.body.error.code]).toEqual([409, "commission_rule_started"]);
    expect((await head.get("/api/commission-rules")).body.items).toHaveLength(5);
  });

  it("is the head's to set: a caller, a manager or the back office is refused", async () => {
    for (const client of [caller, manager, office]) {
      expect((await client.post("/api/commission-rules", { tier: 2, effectiveFrom: nextMonth(thisMonth), ratePercent: 1 })).status, client.user.role).toBe(403);
    }
  });
});

describe("what each tier earned", () => {
  it("m3: a first order without a deal earns the manager who held the lead; with no caller behind it, no converted lead", async () => {
    const res = await head.get(`/api/commissions?month=${m3}`);
    expect(res.body.items).toEqual([{ user: { id: manager.user.id, fullName: expect.any(String), role: "manager" }, tiers: [2], lines: 1, totals: [{ currency: "UAH", amountMinor: 5_000 }] }]);
    const lines = (await manager.get(`/api/commissions/${manager.user.id}?month=${m3}`)).body.lines;
    expect(lines).toEqual([expect.objectContaining({ kind: "first_sale", company: { id: ids.delta, legalName: "Delta Print" }, day: `${m3}-05`, orderId: orders.delta, amountMinor: 5_000 })]);
  });

  it("m2: the caller's converted lead and the manager's first sale at 5 %", async () => {
    const res = await head.get(`/api/commissions?month=${m2}`);
    expect(res.status).toBe(200);
    expect(res.body.month).toBe(m2);
    expect(res.body.items).toHaveLength(2);
    expect(totalsOf(res.body, caller.user.id)).toMatchObject({ user: { role: "caller" }, tiers: [1], lines: 1, totals: [{ currency: "UAH", amountMinor: 50_000 }] });
    expect(totalsOf(res.body, manager.user.id)).toMatchObject({ user: { role: "manager" }, tiers: [2], lines: 1, totals: [{ currency: "UAH", amountMinor: 50_000 }] });

    const lines = (await head.get(`/api/commissions/${manager.user.id}?month=${m2}`)).body;
    expect(lines.user).toMatchObject({ id: manager.user.id, role: "manager" });
    expect(lines.lines).toEqual([
      {
        kind: "first_sale",
        tier: 2,
        company: { id: ids.alpha, legalName: "Альфа Пак" },
        day: `${m2}-15`,
        orderId: orders.alphaFirst,
        orderTotalMinor: 1_000_000,
        orderCurrency: "UAH",
        rule: { effectiveFrom: m3, amountMinor: null, currency: null, rateBp: 500, ratePercent: 5 },
        amountMinor: 50_000,
        currency: "UAH",
      },
    ]);
  });

  it("m1: the new 7.5 % rule, rounded half away from zero, totals per currency, and the repeat sale at 2 %", async () => {
    const res = await office.get(`/api/commissions?month=${m1}`);
    expect(res.body.items).toHaveLength(3);
    expect(totalsOf(res.body, caller.user.id)).toMatchObject({ lines: 2, totals: [{ currency: "UAH", amountMinor: 100_000 }] });
    expect(totalsOf(res.body, manager.user.id)).toMatchObject({
      lines: 2,
      totals: [
        { currency: "UAH", amountMinor: 92_593 },
        { currency: "USD", amountMinor: 15_000 },
      ],
    });
    expect(totalsOf(res.body, am.user.id)).toMatchObject({ user: { role: "account_manager" }, tiers: [3], lines: 1, totals: [{ currency: "UAH", amountMinor: 8_000 }] });

    const callerLines = (await caller.get(`/api/commissions/${caller.user.id}?month=${m1}`)).body.lines;
    // Beta by a call from a list, Gamma from the caller's own holding: both hand-overs count.
    expect(callerLines.map((l: any) => [l.kind, l.company.id, l.orderId, l.orderCurrency, l.rule.amountMinor, l.amountMinor, l.currency])).toEqual([
      ["converted_lead", ids.beta, orders.beta, "UAH", 50_000, 50_000, "UAH"],
      ["converted_lead", ids.gamma, orders.gamma, "USD", 50_000, 50_000, "UAH"],
    ]);
    const amLines = (await am.get(`/api/commissions/${am.user.id}?month=${m1}`)).body.lines;
    expect(amLines).toEqual([expect.objectContaining({ kind: "repeat_sale", tier: 3, company: { id: ids.alpha, legalName: "Альфа Пак" }, day: `${m1}-10`, orderId: orders.alphaRepeat, orderTotalMinor: 400_000, amountMinor: 8_000 })]);
  });

  it("counts this month by default (nothing sold in it yet), and a sale before the tier's first rule earns nothing", async () => {
    expect((await head.get("/api/commissions")).body).toEqual({ month: thisMonth, items: [] });
    const m4 = previousMonth(m3);
    await moveHistory(ids.delta, noonOf(m4, 5));
    try {
      expect((await head.get(`/api/commissions?month=${m4}`)).body).toEqual({ month: m4, items: [] });
      expect((await head.get(`/api/commissions?month=${m3}`)).body.items).toEqual([]);
    } finally {
      await moveHistory(ids.delta, noonOf(m3, 5));
    }
  });

  it("a rule added later for a month changes that month on, never the months before", async () => {
    const before = (await head.get(`/api/commissions?month=${m2}`)).body;
    const added = await head.post("/api/commission-rules", { tier: 3, effectiveFrom: m1, ratePercent: 3 });
    try {
      expect((await head.get(`/api/commissions?month=${m2}`)).body).toEqual(before);
      expect(totalsOf((await head.get(`/api/commissions?month=${m1}`)).body, am.user.id).totals).toEqual([{ currency: "UAH", amountMinor: 12_000 }]);
    } finally {
      await db().execute(sql`delete from commission_rules where id = ${added.body.rule.id}`);
    }
  });
});

describe("who sees what", () => {
  it("a salesperson sees only their own month", async () => {
    const own = await manager.get(`/api/commissions?month=${m1}`);
    expect(own.body.items.map((i: any) => i.user.id)).toEqual([manager.user.id]);
    expect((await otherCaller.get(`/api/commissions?month=${m1}`)).body.items).toEqual([]);
    expect((await otherCaller.get(`/api/commissions/${otherCaller.user.id}?month=${m1}`)).body).toMatchObject({ lines: [], totals: [] });
  });

  it("refuses a caller asking for the manager's statement, in every form", async () => {
    expect((await caller.get(`/api/commissions/${manager.user.id}?month=${m1}`)).status).toBe(403);
    expect((await caller.get(`/api/commissions?month=${m1}&userId=${manager.user.id}`)).status).toBe(403);
    expect((await caller.get(`/api/commissions/export?month=${m1}&format=csv&userId=${manager.user.id}`)).status).toBe(403);
    expect((await am.get(`/api/commissions/${caller.user.id}?month=${m1}`)).status).toBe(403);
  });

  it("lets the head and the back office narrow to one person, and names a person who does not exist", async () => {
    const one = await office.get(`/api/commissions?month=${m1}&userId=${am.user.id}`);
    expect(one.body.items.map((i: any) => i.user.id)).toEqual([am.user.id]);
    expect((await head.get(`/api/commissions/999999?month=${m1}`)).body.error.code).toBe("user_not_found");
  });

  it("names a malformed month", async () => {
    for (const path of ["/api/commissions?month=2025-3", `/api/commissions/${caller.user.id}?month=march`, "/api/commissions/export?month=2025-00&format=csv"]) {
      const res = await head.get(path);
      expect([res.status, res.body.error.code], path).toEqual([400, "month_invalid"]);
    }
  });
});

describe("exports", () => {
  const logged = () =>
    selectRows<{ user_id: number; what: string; format: string; params: Record<string, unknown>; row_count: number }>(db(), sql`select user_id, what, format, params, row_count from export_log order by id`);

  it("CSV in English: UTF-8 with a BOM, commas and decimal points, every line of the month, logged", async () => {
    const file = await download(head, `month=${m1}&format=csv`);
    expect(file.status).toBe(200);
    expect(file.type).toBe("text/csv; charset=utf-8");
    expect(file.disposition).toBe(`attachment; filename="commissions-${m1}.csv"`);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = file.bytes.subarray(3).toString("utf8").split("\r\n");
    expect(rows[0]).toBe("Person,Role,Company,For,Sale date,Order,Order amount,Order currency,Rule,Commission,Currency");
    expect(rows.at(-1)).toBe("");
    const body = rows.slice(1, -1);
    expect(body).toHaveLength(5);
    const managerName = `manager ${manager.user.username}`;
    expect(body).toContain(`${managerName},Sales manager,Бета Трейд,First sale,${m1}-15,${orders.beta},12345.67,UAH,7.5 %,925.93,UAH`);
    expect(body).toContain(`${managerName},Sales manager,Gamma Logistics,First sale,${m1}-20,${orders.gamma},2000.00,USD,7.5 %,150.00,USD`);
    expect(body).toContain(`caller ${caller.user.username},Caller,Gamma Logistics,Converted lead,${m1}-20,${orders.gamma},2000.00,USD,500.00 UAH per lead,500.00,UAH`);
    expect(body).toContain(`account_manager ${am.user.username},Account manager,Альфа Пак,Repeat sale,${m1}-10,${orders.alphaRepeat},4000.00,UAH,2 %,80.00,UAH`);
    expect((await logged()).at(-1)).toEqual({ user_id: head.user.id, what: "commissions", format: "csv", params: { month: m1 }, row_count: 5 });
  });

  it("CSV in Russian: semicolons and decimal commas, as Excel with Russian regional settings reads them", async () => {
    const file = await download(officeRu, `month=${m1}&format=csv&userId=${manager.user.id}`);
    expect(file.status).toBe(200);
    const text = file.bytes.toString("utf8");
    expect(text.startsWith("\uFEFFСотрудник;Роль;Компания;За что;Дата продажи;Заказ;Сумма заказа;Валюта заказа;Правило;Комиссия;Валюта\r\n")).toBe(true);
    expect(text).toContain(`manager ${manager.user.username};Менеджер по продажам;Бета Трейд;Первая продажа;${m1}-15;${orders.beta};12345,67;UAH;7,5 %;925,93;UAH\r\n`);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect((await logged()).at(-1)).toEqual({ user_id: officeRu.user.id, what: "commissions", format: "csv", params: { month: m1, userId: manager.user.id }, row_count: 2 });
  });

  it("XLSX: a sheet of lines with typed dates and amounts, and totals per person and currency", async () => {
    const file = await download(office, `month=${m1}&format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.disposition).toBe(`attachment; filename="commissions-${m1}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Commissions", "Totals"]);

    const lines = workbook.getWorksheet("Commissions")!;
    expect(lines.getRow(1).values).toEqual([undefined, "Person", "Role", "Company", "For", "Sale date", "Order", "Order amount", "Order currency", "Rule", "Commission", "Currency"]);
    expect(lines.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(lines.rowCount).toBe(6);
    const beta = lines.getRows(2, 5)!.find((r) => r.getCell(3).value === "Бета Трейд" && r.getCell(4).value === "First sale")!;
    expect(beta.getCell(5).value).toEqual(new Date(`${m1}-15T00:00:00Z`));
    expect(beta.getCell(5).numFmt).toBe("yyyy-mm-dd");
    expect(beta.getCell(6).value).toBe(orders.beta);
    expect(beta.getCell(7).value).toBe(12_345.67);
    expect(beta.getCell(7).numFmt).toBe("#,##0.00");
    expect(beta.getCell(10).value).toBe(925.93);

    const totals = workbook.getWorksheet("Totals")!;
    const rows = totals.getRows(2, totals.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(3).value, r.getCell(4).value, r.getCell(5).value]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [`manager ${manager.user.username}`, "UAH", 1, 925.93],
        [`manager ${manager.user.username}`, "USD", 1, 150],
        [`caller ${caller.user.username}`, "UAH", 2, 1000],
        [`account_manager ${am.user.username}`, "UAH", 1, 80],
      ]),
    );
    expect(rows).toHaveLength(4);
    expect((await logged()).at(-1)).toMatchObject({ user_id: office.user.id, format: "xlsx", params: { month: m1 }, row_count: 5 });
  });

  it("a salesperson exports only their own lines", async () => {
    const file = await download(caller, `month=${m1}&format=csv`);
    expect(file.status).toBe(200);
    expect(file.bytes.toString("utf8").split("\r\n").filter(Boolean)).toHaveLength(3);
  });

  it("refuses a format it does not write, and logs nothing for it", async () => {
    const before = (await logged()).length;
    for (const query of [`month=${m1}&format=pdf`, `month=${m1}`]) {
      const res = await head.get(`/api/commissions/export?${query}`);
      expect([res.status, res.body.error.code], query).toEqual([400, "export_format_invalid"]);
    }
    expect(await logged()).toHaveLength(before);
  });
});
