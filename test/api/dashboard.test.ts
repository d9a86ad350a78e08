import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import type { Role } from "../../src/domain/conveyor.js";
import { addDays } from "../../src/domain/reorder.js";
import { DEFAULT_WORKING_HOURS, dayOf, startOfDay } from "../../src/domain/workingTime.js";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { startTestServer, TEST_PASSWORD, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * The head's dashboard over HTTP on a real database. A small history is built through the API
 * (leads handed over, deals opened and won with promises, repeat orders, promises judged) and
 * moved back in time with SQL into a two-week period two months ago; calls are written straight
 * into the calls table at their times. Every panel's figures are then asserted exactly, for
 * everyone and per team. Rotation runs on a server of its own, today, through its real sweep
 * and the head's decisions.
 */
const wh = DEFAULT_WORKING_HOURS;
const today = dayOf(new Date(), wh);
/** The period: the first fourteen days of the month two months back. */
const FROM = (() => {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
})();
const TO = addDays(FROM, 13);
/** Noon (or the given hour) of a day of the period, counted from its first day; negative: before it. */
const at = (offset: number, hour = 12) => new Date(startOfDay(addDays(FROM, offset), wh).getTime() + hour * 3_600_000).toISOString();
const period = (extra = "") => `from=${FROM}&to=${TO}${extra}`;

let server: TestServer;
let head: ApiClient & { user: TestUser };
const db = () => server.database.db;
const people: Record<string, TestUser> = {};
const co: Record<string, number> = {};
const src: Record<string, number> = {};
let productId: number;

/** A team member added by the head through the API, with a team. */
async function member(boss: ApiClient, role: Role, username: string, team: string | null): Promise<TestUser> {
  const res = await boss.post("/api/users", { username, fullName: `${username} (${role})`, role, password: TEST_PASSWORD, team });
  expect(res.status).toBe(201);
  return { id: res.body.user.id, username, role };
}

async function company(name: string, sourceId: number | null): Promise<number> {
  const id = (await head.post("/api/companies", { legalName: name })).body.company.id as number;
  await db().execute(sql`update companies set source_id = ${sourceId} where id = ${id}`);
  return id;
}

/** The head hands a cold company to a manager; its tier-2 holding is moved back to `offset`. */
async function leadAt(id: number, manager: TestUser, offset: number) {
  expect((await head.post(`/api/companies/${id}/handoff`, { toUserId: manager.id })).status).toBe(200);
  await db().execute(sql`update holdings set started_at = ${at(offset)}::timestamptz, first_contact_due_at = ${at(offset, 13)}::timestamptz
                         where company_id = ${id} and ended_at is null`);
}

/** A deal opened and qualified (moved past the first stage) at `offset`. */
async function dealAt(id: number, offset: number): Promise<number> {
  const res = await head.post(`/api/companies/${id}/deals`, {});
  expect(res.status).toBe(201);
  expect((await head.post(`/api/deals/${res.body.deal.id}/stage`, { stage: "need_identified" })).status).toBe(200);
  await db().execute(sql`update deals set opened_at = ${at(offset)}::timestamptz, qualified_at = ${at(offset)}::timestamptz where id = ${res.body.deal.id}`);
  return res.body.deal.id;
}

/** Won at `offset` for `amount` UAH-minor, handed to `am`, with promises: everything the win wrote is moved back to then. */
async function winAt(id: number, dealId: number, offset: number, amount: number, am: TestUser, promises: number) {
  const res = await head.post(`/api/deals/${dealId}/win`, {
    accountManagerId: am.id,
    currency: "UAH",
    lines: [{ productId, quantity: 1, amountMinor: amount }],
    promises: Array.from({ length: promises }, (_, i) => ({ kind: "delivery_date", text: `Promise ${i + 1}` })),
  });
  expect(res.status).toBe(200);
  const t = at(offset);
  await db().execute(sql`update deals set closed_at = ${t}::timestamptz where id = ${dealId}`);
  await db().execute(sql`update orders set ordered_at = ${t}::timestamptz where deal_id = ${dealId}`);
  await db().execute(sql`update holdings set ended_at = ${t}::timestamptz where company_id = ${id} and tier = 2 and end_reason = 'sold'`);
  await db().execute(sql`update holdings set started_at = ${t}::timestamptz where company_id = ${id} and tier = 3 and ended_at is null`);
  await db().execute(sql`update promises set created_at = ${t}::timestamptz where company_id = ${id}`);
}

async function repeatOrderAt(id: number, offset: number, amount: number) {
  const res = await head.post(`/api/companies/${id}/orders`, { orderedOn: addDays(FROM, offset), currency: "UAH", lines: [{ productId, quantity: 2, amountMinor: amount }] });
  expect(res.status).toBe(201);
}

async function call(companyId: number, caller: TestUser, offset: number, hour: number, outcome: string, connected: boolean, handedOver: boolean) {
  await db().execute(sql`insert into calls (company_id, caller_id, outcome, connected, handed_over, occurred_at)
                         values (${companyId}, ${caller.id}, ${outcome}, ${connected}, ${handedOver}, ${at(offset, hour)}::timestamptz)`);
}

const promisesOf = (companyId: number) =>
  selectRows<{ id: number }>(db(), sql`select id from promises where company_id = ${companyId} order by id`).then((rows) => rows.map((r) => r.id));

async function source(name: string, kind: string, price: number | null, active = true): Promise<number> {
  const [row] = await selectRows<{ id: number }>(
    db(),
    sql`insert into lead_sources (name, kind, cost_per_lead_minor, currency, active) values (${name}, ${kind}, ${price}, ${price === null ? null : "UAH"}, ${active}) returning id`,
  );
  return row!.id;
}

beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  people.c1 = await member(head, "caller", "north.caller", "North");
  people.m1 = await member(head, "manager", "north.manager", "North");
  people.a1 = await member(head, "account_manager", "north.am", "North");
  people.c2 = await member(head, "caller", "south.caller", "South");
  people.m2 = await member(head, "manager", "south.manager", "South");
  people.a2 = await member(head, "account_manager", "south.am", "South");
  productId = (await head.post("/api/products", { name: "Pallets" })).body.product.id;

  src.partner = await source("Partner A", "partner", 5_000);
  src.ads = await source("Ads B", "ads", 20_000);
  src.expo = await source("Expo C", "exhibition", null);
  src.old = await source("Old D", "cold_base", 1_000, false);

  // Leads of the period: L1, L2 (North), L3, L4, L7 (South). L5, L6, L8 became leads before it.
  co.L1 = await company("L1 Partner North", src.partner);
  co.L2 = await company("L2 Partner North", src.partner);
  co.L3 = await company("L3 Unsourced South", null);
  co.L4 = await company("L4 Ads South", src.ads);
  co.L5 = await company("L5 Old Lead Sold In Period", src.partner);
  co.L6 = await company("L6 Reassigned Lead", src.partner);
  co.L7 = await company("L7 Ads South", src.ads);
  co.L8 = await company("L8 Old Customer", src.partner);
  co.K2 = await company("K2 Cold", null);
  co.K3 = await company("K3 Cold", null);
  co.K4 = await company("K4 Cold", null);
  co.K5 = await company("K5 Cold", null);

  // Tier 1: c1 dials L1 twice (the second call hands it over) and reaches K2; c2 misses K3 and hands K4 over.
  await call(co.L1, people.c1, 1, 10, "no_answer", false, false);
  await call(co.L1, people.c1, 1, 11, "interested", true, true);
  await call(co.K2, people.c1, 2, 10, "callback", true, false);
  await call(co.K3, people.c2, 3, 10, "no_answer", false, false);
  await call(co.K4, people.c2, 4, 10, "interested", true, true);
  await call(co.K5, people.c1, -5, 10, "interested", true, true);

  // Tier 2.
  await leadAt(co.L1, people.m1, 1);
  await db().execute(sql`update holdings set first_contact_at = ${at(1, 12.5)}::timestamptz where company_id = ${co.L1} and ended_at is null`);
  const d1 = await dealAt(co.L1, 2);
  await leadAt(co.L2, people.m1, 2);
  await dealAt(co.L2, 3);
  await leadAt(co.L3, people.m2, 3);
  await leadAt(co.L4, people.m2, 4);
  const d4 = await dealAt(co.L4, 4);
  await leadAt(co.L7, people.m2, 6);
  await leadAt(co.L5, people.m1, -10);
  const d5 = await dealAt(co.L5, -9);
  await leadAt(co.L6, people.m1, -20);
  expect((await head.post(`/api/companies/${co.L6}/holder`, { userId: people.m2.id })).status).toBe(200);
  await db().execute(sql`update holdings set ended_at = ${at(5)}::timestamptz where company_id = ${co.L6} and ended_at is not null`);
  await db().execute(sql`update holdings set started_at = ${at(5)}::timestamptz where company_id = ${co.L6} and ended_at is null`);
  await leadAt(co.L8, people.m1, -40);
  const d8 = await dealAt(co.L8, -39);

  // First sales: L8 long ago, L5 and L1 (North), L4 (South); then repeat orders by the account managers.
  await winAt(co.L8, d8, -35, 40_000, people.a1, 1);
  await winAt(co.L5, d5, 3, 70_000, people.a1, 1);
  await winAt(co.L1, d1, 5, 100_000, people.a1, 2);
  await winAt(co.L4, d4, 10, 50_000, people.a2, 2);
  await repeatOrderAt(co.L1, 10, 15_000);
  await repeatOrderAt(co.L8, 12, 10_000);
  await repeatOrderAt(co.L8, 20, 99_000);

  // Account management judges promises: L1 one kept, one broken; L4 one broken; L8's (before the period) kept.
  const am1 = await server.signedIn(people.a1);
  const am2 = await server.signedIn(people.a2);
  const [p1, p2] = await promisesOf(co.L1);
  expect((await am1.post(`/api/promises/${p1}/resolve`, { status: "kept" })).status).toBe(200);
  expect((await am1.post(`/api/promises/${p2}/resolve`, { status: "broken" })).status).toBe(200);
  const [p4] = await promisesOf(co.L4);
  expect((await am2.post(`/api/promises/${p4}/resolve`, { status: "broken" })).status).toBe(200);
  const [p8] = await promisesOf(co.L8);
  expect((await am1.post(`/api/promises/${p8}/resolve`, { status: "kept" })).status).toBe(200);

  // Weekly touches now: L1 and L3 touched yesterday, every other company not since long ago.
  await db().execute(sql`update companies set last_touch_at = null`);
  await db().execute(sql`update companies set last_touch_at = now() - interval '1 day' where id in (${co.L1}, ${co.L3})`);
}, 120_000);
afterAll(() => server.close());

describe("the period and who may look", () => {
  it("defaults to the last 30 days and refuses a period that ends before it starts or spans more than two years", async () => {
    const res = await head.get("/api/dashboard/funnel");
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ from: addDays(today, -29), to: today, team: null });
    for (const query of [`from=${TO}&to=${FROM}`, "from=2022-01-01&to=2024-01-01", `from=${addDays(today, 1)}`]) {
      const bad = await head.get(`/api/dashboard/sources?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.code).toBe("period_invalid");
    }
    // Two years to the day before is the longest period.
    expect((await head.get("/api/dashboard/promises?from=2022-01-01&to=2023-12-31")).status).toBe(200);
    for (const query of ["from=2024-02-30", "to=yesterday", "team=" + "x".repeat(61), "colour=red"]) {
      const bad = await head.get(`/api/dashboard/people?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.code).toBe("validation_failed");
    }
  });

  it.each(["manager", "caller", "back_office", "account_manager"] as const)("refuses a %s every panel (403)", async (role) => {
    const client = await server.signedIn(role);
    for (const panel of ["funnel", "people", "sources", "sales-period-trend", "coverage", "rotation", "promises"]) {
      const res = await client.get(`/api/dashboard/${panel}?${period()}`);
      expect(res.status, panel).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
  });

  it("lets the admin look too", async () => {
    const admin = await server.signedIn("admin");
    expect((await admin.get(`/api/dashboard/funnel?${period()}`)).body.steps.lead).toBe(5);
  });
});

describe("the funnel", () => {
  it("counts distinct companies at each step of the period", async () => {
    const res = await head.get(`/api/dashboard/funnel?${period()}`);
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ from: FROM, to: TO, team: null });
    expect(res.body.steps).toEqual({ dialled: 4, contacted: 3, interested: 2, lead: 5, firstSale: 3, repeat: 2 });
  });

  it("counts with a team only the steps its people took", async () => {
    expect((await head.get(`/api/dashboard/funnel?${period("&team=North")}`)).body.steps).toEqual({ dialled: 2, contacted: 2, interested: 1, lead: 2, firstSale: 2, repeat: 2 });
    expect((await head.get(`/api/dashboard/funnel?${period("&team=South")}`)).body.steps).toEqual({ dialled: 2, contacted: 1, interested: 1, lead: 3, firstSale: 1, repeat: 0 });
    const nobody = await head.get(`/api/dashboard/funnel?${period("&team=Nowhere")}`);
    expect(nobody.body).toEqual({ period: { from: FROM, to: TO, team: "Nowhere" }, steps: { dialled: 0, contacted: 0, interested: 0, lead: 0, firstSale: 0, repeat: 0 } });
  });

  it("moves with the period: a day later, L1's calls and lead fall out", async () => {
    const res = await head.get(`/api/dashboard/funnel?from=${addDays(FROM, 2)}&to=${TO}`);
    expect(res.body.steps).toEqual({ dialled: 3, contacted: 2, interested: 1, lead: 4, firstSale: 3, repeat: 2 });
  });
});

describe("each tier per person", () => {
  it("shows callers, managers and account managers with their figures", async () => {
    // Days of work to the win are measured in hours (a daylight-saving change may sit between).
    const days = (from: number, to: number) => (Date.parse(at(to)) - Date.parse(at(from))) / 86_400_000;
    const round1 = (n: number) => Math.round(n * 10) / 10;
    const res = await head.get(`/api/dashboard/people?${period()}`);
    expect(res.status).toBe(200);
    const find = <T extends { userId: number }>(rows: T[], user: TestUser) => rows.find((r) => r.userId === user.id);
    expect(find(res.body.callers, people.c1!)).toEqual({ userId: people.c1!.id, fullName: "north.caller (caller)", calls: 3, connects: 2, interested: 1, handedOver: 1, converted: 1 });
    expect(find(res.body.callers, people.c2!)).toMatchObject({ calls: 2, connects: 1, interested: 1, handedOver: 1, converted: 0 });
    expect(find(res.body.managers, people.m1!)).toEqual({
      userId: people.m1!.id,
      fullName: "north.manager (manager)",
      leadsReceived: 2,
      onTimeShare: 0.5,
      won: 2,
      lost: 0,
      firstSales: [{ currency: "UAH", amountMinor: 170_000 }],
      conversion: 1,
      meanDaysToSale: round1((days(1, 5) + days(-10, 3)) / 2),
      medianDaysToSale: round1((days(1, 5) + days(-10, 3)) / 2),
    });
    expect(find(res.body.managers, people.m2!)).toMatchObject({ leadsReceived: 4, onTimeShare: 0, won: 1, firstSales: [{ currency: "UAH", amountMinor: 50_000 }], conversion: 0.25, meanDaysToSale: round1(days(4, 10)), medianDaysToSale: round1(days(4, 10)) });
    expect(find(res.body.accountManagers, people.a1!)).toEqual({
      userId: people.a1!.id,
      fullName: "north.am (account_manager)",
      customers: 3,
      repeatOrders: 2,
      repeatSales: [{ currency: "UAH", amountMinor: 25_000 }],
      coverage: 1 / 3,
    });
    expect(find(res.body.accountManagers, people.a2!)).toMatchObject({ customers: 1, repeatOrders: 0, repeatSales: [], coverage: 0 });
  });

  it("shows a team's people only", async () => {
    const res = await head.get(`/api/dashboard/people?${period("&team=North")}`);
    expect(res.body.callers.map((r: { userId: number }) => r.userId)).toEqual([people.c1!.id]);
    expect(res.body.managers.map((r: { userId: number }) => r.userId)).toEqual([people.m1!.id]);
    expect(res.body.accountManagers.map((r: { userId: number }) => r.userId)).toEqual([people.a1!.id]);
  });
});

describe("sources", () => {
  it("gives each source its leads, qualified, first sales, conversion and costs", async () => {
    const res = await head.get(`/api/dashboard/sources?${period()}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        sourceId: src.ads, name: "Ads B", kind: "ads", active: true, leads: 2, qualified: 1, firstSales: 1, qualifiedShare: 0.5, conversion: 0.5,
        costPerLeadMinor: 20_000, currency: "UAH", costMinor: 40_000, costPerFirstSaleMinor: 40_000, firstSaleMinor: 50_000,
      },
      {
        sourceId: src.expo, name: "Expo C", kind: "exhibition", active: true, leads: 0, qualified: 0, firstSales: 0, qualifiedShare: null, conversion: null,
        costPerLeadMinor: null, currency: null, costMinor: null, costPerFirstSaleMinor: null, firstSaleMinor: 0,
      },
      {
        sourceId: src.partner, name: "Partner A", kind: "partner", active: true, leads: 2, qualified: 2, firstSales: 1, qualifiedShare: 1, conversion: 0.5,
        costPerLeadMinor: 5_000, currency: "UAH", costMinor: 10_000, costPerFirstSaleMinor: 10_000, firstSaleMinor: 100_000,
      },
      {
        sourceId: null, name: null, kind: null, active: true, leads: 1, qualified: 0, firstSales: 0, qualifiedShare: 0, conversion: 0,
        costPerLeadMinor: null, currency: null, costMinor: null, costPerFirstSaleMinor: null, firstSaleMinor: 0,
      },
    ]);
  });

  it("counts with a team the leads its people took first", async () => {
    const rows = (await head.get(`/api/dashboard/sources?${period("&team=North")}`)).body.items;
    expect(rows.map((r: { name: string | null; leads: number }) => [r.name, r.leads])).toEqual([["Ads B", 0], ["Expo C", 0], ["Partner A", 2]]);
    expect(rows.find((r: { name: string | null }) => r.name === "Ads B")).toMatchObject({ costMinor: 0, costPerFirstSaleMinor: null, conversion: null });
  });
});

describe("the sales period trend", () => {
  it("gives mean and median days to the sale per month, at least six months back", async () => {
    const res = await head.get(`/api/dashboard/sales-period-trend?${period()}`);
    expect(res.status).toBe(200);
    const months = res.body.months as { month: string; cases: number; meanDays: number | null; medianDays: number | null }[];
    expect(months).toHaveLength(6);
    expect(months.at(-1)).toEqual({ month: FROM.slice(0, 7), cases: 3, meanDays: 7.7, medianDays: 6 });
    const l8Month = addDays(FROM, -35).slice(0, 7);
    expect(months.find((m) => m.month === l8Month)).toEqual({ month: l8Month, cases: 1, meanDays: 5, medianDays: 5 });
    expect(months.filter((m) => m.month !== l8Month && m.month !== FROM.slice(0, 7)).every((m) => m.cases === 0 && m.meanDays === null)).toBe(true);
    const south = (await head.get(`/api/dashboard/sales-period-trend?${period("&team=South")}`)).body.months;
    expect(south.at(-1)).toEqual({ month: FROM.slice(0, 7), cases: 1, meanDays: 6, medianDays: 6 });
  });
});

describe("weekly-touch coverage", () => {
  it("gives the team line and a line per person, cut to a team", async () => {
    const all = (await head.get(`/api/dashboard/coverage?${period()}`)).body;
    expect(all.team).toMatchObject({ live: 8, touched: 2, share: 0.25 });
    const north = (await head.get(`/api/dashboard/coverage?${period("&team=North")}`)).body;
    expect(north.team).toEqual({ live: 4, touched: 1, share: 0.25, overdue: expect.any(Number) });
    expect(north.byHolder.map((l: { holderId: number }) => l.holderId).sort()).toEqual([people.m1!.id, people.a1!.id].sort());
    expect(north.byHolder.find((l: { holderId: number }) => l.holderId === people.a1!.id)).toMatchObject({ live: 3, touched: 1 });
  });
});

describe("promises made at conversion", () => {
  it("gives per manager the promises of the period, kept, broken, open and the broken share", async () => {
    const res = await head.get(`/api/dashboard/promises?${period()}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { userId: people.m1!.id, fullName: "north.manager (manager)", made: 3, kept: 1, broken: 1, open: 1, brokenShare: 0.5 },
      { userId: people.m2!.id, fullName: "south.manager (manager)", made: 2, kept: 0, broken: 1, open: 1, brokenShare: 1 },
    ]);
    expect((await head.get(`/api/dashboard/promises?${period("&team=South")}`)).body.items.map((r: { userId: number }) => r.userId)).toEqual([people.m2!.id]);
  });
});

describe("rotation outcomes", () => {
  it("counts what rotation did in the period and the rotated clients sold later, per team", async () => {
    const isolated = await startTestServer();
    try {
      const boss = await isolated.signedIn("head");
      const n1 = await member(boss, "manager", "rot.north", "North");
      const s1 = await member(boss, "manager", "rot.south", "South");
      const next = await member(boss, "manager", "rot.next", null);
      const am = await member(boss, "account_manager", "rot.am", null);
      const product = (await boss.post("/api/products", { name: "Boxes" })).body.product.id;
      const idb = isolated.database.db;
      const held = async (name: string, manager: TestUser) => {
        const id = (await boss.post("/api/companies", { legalName: name })).body.company.id as number;
        expect((await boss.post(`/api/companies/${id}/handoff`, { toUserId: manager.id })).status).toBe(200);
        await idb.execute(sql`update holdings set started_at = now() - interval '40 days', term_until = now() - interval '5 days' where company_id = ${id} and ended_at is null`);
        return id;
      };
      const ids = { extend: await held("R Extend", n1), now: await held("R Now", n1), rest: await held("R Rest", n1), archive: await held("R Archive", n1), south: await held("R South", s1) };
      const sweep = async () => {
        const run = await runSweep(isolated.database, SWEEPS.find((s) => s.name === "rotation")!, { timeZone: wh.timeZone, force: true });
        expect(run.ran).toBe(true);
      };
      await sweep();
      const holdingOf = async (id: number) => (await selectRows<{ id: number }>(idb, sql`select id from holdings where company_id = ${id} and ended_at is null`))[0]!.id;
      const decided = await boss.post("/api/rotation/decisions", {
        items: [
          { holdingId: await holdingOf(ids.extend), decision: "extend", category: "budget_cycle", note: "Budget in the spring", until: addDays(today, 20) },
          { holdingId: await holdingOf(ids.now), decision: "transfer_now", toUserId: next.id },
          { holdingId: await holdingOf(ids.rest), decision: "transfer_after_rest", nextHolderId: next.id },
          { holdingId: await holdingOf(ids.archive), decision: "archive", note: "Closed down" },
          { holdingId: await holdingOf(ids.south), decision: "transfer_now", toUserId: next.id },
        ],
      });
      expect(decided.status).toBe(200);
      await idb.execute(sql`update rests set until_on = ${today}::date where company_id = ${ids.rest} and ended_at is null`);
      await sweep();
      // The next holder sells to the client taken from the North manager.
      const deal = (await boss.post(`/api/companies/${ids.now}/deals`, {})).body.deal.id;
      const won = await boss.post(`/api/deals/${deal}/win`, { accountManagerId: am.id, currency: "UAH", lines: [{ productId: product, quantity: 1, amountMinor: 1_000 }], promises: [] });
      expect(won.status).toBe(200);

      const outcomes = async (query = "") => {
        const res = await boss.get(`/api/dashboard/rotation${query}`);
        expect(res.status).toBe(200);
        return res.body.outcomes;
      };
      expect(await outcomes()).toEqual({ listed: 5, extended: 1, transferredNow: 2, transferredAfterRest: 1, archived: 1, restEnded: 1, soldLater: 1 });
      expect(await outcomes("?team=North")).toEqual({ listed: 4, extended: 1, transferredNow: 1, transferredAfterRest: 1, archived: 1, restEnded: 1, soldLater: 1 });
      expect(await outcomes("?team=South")).toEqual({ listed: 1, extended: 0, transferredNow: 1, transferredAfterRest: 0, archived: 0, restEnded: 0, soldLater: 0 });
      // A period before any of it: nothing.
      expect(await outcomes(`?from=${FROM}&to=${TO}`)).toEqual({ listed: 0, extended: 0, transferredNow: 0, transferredAfterRest: 0, archived: 0, restEnded: 0, soldLater: 0 });
    } finally {
      await isolated.close();
    }
  }, 60_000);
});
