import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { coverage, nextTouchAfter, type CadenceCompany } from "../../src/domain/cadence.js";
import type { Stage } from "../../src/domain/conveyor.js";
import { DEFAULT_WORKING_HOURS } from "../../src/domain/workingTime.js";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * The weekly contact system over HTTP: a touch moves the next touch date, the sweep schedules
 * what no touch moved, overdue touches are listed per person and for the head, and coverage
 * counted by the database agrees with the domain rule.
 */
let server: TestServer;
let head: ApiClient & { user: TestUser };
let am: ApiClient & { user: TestUser };
let manager: ApiClient & { user: TestUser };
let office: ApiClient & { user: TestUser };
const wh = DEFAULT_WORKING_HOURS;
const schedule = SWEEPS.find((s) => s.name === "touch-schedule")!;
const sweep = async () => {
  const run = await runSweep(server.database, schedule, { timeZone: wh.timeZone });
  if (!run.ran) throw new Error("sweep skipped");
  return run.result as { scheduled: number; cleared: number };
};

const touchDates = async (id: number) => {
  const [row] = await selectRows<{ last_touch_at: Date | string | null; next_touch_at: Date | string | null }>(
    server.database.db,
    sql`select last_touch_at, next_touch_at from companies where id = ${id}`,
  );
  const at = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { last: at(row!.last_touch_at), next: at(row!.next_touch_at) };
};

async function heldCompany(name: string, holder: TestUser): Promise<number> {
  const id = (await head.post("/api/companies", { legalName: name })).body.company.id as number;
  if (holder.role === "manager") expect((await head.post(`/api/companies/${id}/handoff`, { toUserId: holder.id })).status).toBe(200);
  else {
    await head.post(`/api/companies/${id}/handoff`, { toUserId: manager.user.id });
    expect((await head.post(`/api/companies/${id}/handoff`, { toUserId: holder.id })).status).toBe(200);
  }
  return id;
}

const setTouch = (id: number, next: string, last: string | null = null) =>
  server.database.db.execute(sql`update companies set next_touch_at = ${next}::timestamptz, last_touch_at = ${last}::timestamptz where id = ${id}`);

beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  am = await server.signedIn("account_manager");
  manager = await server.signedIn("manager");
  office = await server.signedIn("back_office");
});
afterAll(() => server.close());

describe("a touch moves the next touch", () => {
  it("a call, meeting or email sets the next touch one cadence ahead; a note does not", async () => {
    const id = await heldCompany("Touched Co", am.user);
    const occurredAt = new Date(Date.now() - 2 * 86_400_000);
    const call = await am.post(`/api/companies/${id}/activities`, { kind: "call", text: "Asked about the next delivery", occurredAt: occurredAt.toISOString() });
    expect(call.status).toBe(201);
    const after = await touchDates(id);
    expect(after.last?.toISOString()).toBe(occurredAt.toISOString());
    expect(after.next?.toISOString()).toBe(nextTouchAfter(occurredAt, 7, wh).toISOString());

    expect((await am.post(`/api/companies/${id}/activities`, { kind: "note", text: "Internal note" })).status).toBe(201);
    expect(await touchDates(id)).toEqual(after);
    // A touch logged late never moves the dates backwards.
    const late = await am.post(`/api/companies/${id}/activities`, { kind: "email", text: "Sent the price list", occurredAt: new Date(Date.now() - 5 * 86_400_000).toISOString() });
    expect(late.status).toBe(201);
    expect(await touchDates(id)).toEqual(after);
  });
});

describe("the touch-schedule sweep", () => {
  it("dates every live company once, clears companies off the cadence, and is idempotent", async () => {
    const fresh = await heldCompany("Never Touched", am.user);
    const archived = (await head.post("/api/companies", { legalName: "Archived Co" })).body.company.id;
    await server.database.db.execute(sql`update companies set stage = 'archived', next_touch_at = now() where id = ${archived}`);
    const first = await sweep();
    expect(first.scheduled).toBeGreaterThanOrEqual(1);
    expect(first.cleared).toBeGreaterThanOrEqual(1);
    const [holding] = await selectRows<{ started_at: Date | string }>(server.database.db, sql`select started_at from holdings where company_id = ${fresh} and ended_at is null`);
    // Never touched: due since it went live.
    expect((await touchDates(fresh)).next?.toISOString()).toBe(new Date(holding!.started_at).toISOString());
    expect((await touchDates(archived)).next).toBeNull();
    expect(await sweep()).toEqual({ scheduled: 0, cleared: 0 });
  });

  it("applies a shorter cadence to dates set under the longer one", async () => {
    const id = await heldCompany("Cadence Co", am.user);
    const touched = new Date(Date.now() - 60_000);
    expect((await am.post(`/api/companies/${id}/activities`, { kind: "meeting", text: "Visited the warehouse", occurredAt: touched.toISOString() })).status).toBe(201);
    const settings = (await head.get("/api/settings")).body.settings;
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, cadenceDays: 3 } })).status).toBe(200);
    await sweep();
    expect((await touchDates(id)).next?.toISOString()).toBe(nextTouchAfter(touched, 3, wh).toISOString());
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, cadenceDays: 8 } })).status).toBe(400);
    await head.request("PUT", "/api/settings", { settings });
    await sweep();
  });
});

describe("overdue touches and coverage", () => {
  let overdueAm: number;
  let overdueManager: number;
  let onTime: number;

  beforeAll(async () => {
    overdueAm = await heldCompany("Overdue With AM", am.user);
    overdueManager = await heldCompany("Overdue With Manager", manager.user);
    onTime = await heldCompany("On Time", am.user);
    await setTouch(overdueAm, new Date(Date.now() - 3 * 86_400_000).toISOString(), new Date(Date.now() - 10 * 86_400_000).toISOString());
    await setTouch(overdueManager, new Date(Date.now() - 9 * 86_400_000).toISOString(), null);
    await setTouch(onTime, new Date(Date.now() + 4 * 86_400_000).toISOString(), new Date(Date.now() - 3 * 86_400_000).toISOString());
  });

  it("lists a salesperson's own overdue touches, most overdue first", async () => {
    const mine = (await am.get("/api/touches?status=overdue&limit=200")).body;
    const ids = mine.items.map((r: { companyId: number }) => r.companyId);
    expect(ids).toContain(overdueAm);
    expect(ids).not.toContain(overdueManager);
    expect(ids).not.toContain(onTime);
    expect(mine.items.find((r: { companyId: number }) => r.companyId === overdueAm)).toMatchObject({ status: "overdue", holder: { userId: am.user.id, tier: 3 } });
    expect(mine.items.find((r: { companyId: number }) => r.companyId === overdueAm).daysOverdue).toBeGreaterThanOrEqual(2);
    const all = (await am.get("/api/touches?status=all&limit=200")).body.items.map((r: { companyId: number }) => r.companyId);
    expect(all).toContain(onTime);
  });

  it("lets the head see everyone's, one person's, or nobody's; refuses others the head's view", async () => {
    const everyone = (await head.get("/api/touches?status=overdue&limit=200")).body.items.map((r: { companyId: number }) => r.companyId);
    expect(everyone).toEqual(expect.arrayContaining([overdueAm, overdueManager]));
    expect(everyone.indexOf(overdueManager)).toBeLessThan(everyone.indexOf(overdueAm));
    const managers = (await head.get(`/api/touches?status=overdue&holderId=${manager.user.id}`)).body.items.map((r: { companyId: number }) => r.companyId);
    expect(managers).toEqual([overdueManager]);
    expect((await am.get(`/api/touches?holderId=${manager.user.id}`)).status).toBe(403);
    expect((await am.get("/api/touches?unheld=true")).status).toBe(403);
    expect((await office.get("/api/touches")).status).toBe(403);
    expect((await office.get("/api/touches/coverage")).status).toBe(403);
    expect((await head.get("/api/touches?status=sometimes")).status).toBe(400);
  });

  it("counts coverage as the domain rule does, per person and for the team", async () => {
    const report = (await head.get("/api/touches/coverage")).body;
    const rows = await selectRows<{ id: number; stage: Stage; holder_id: number | null; last_touch_at: Date | string | null; next_touch_at: Date | string | null }>(
      server.database.db,
      sql`select c.id, c.stage, h.user_id as holder_id, c.last_touch_at, c.next_touch_at from companies c left join holdings h on h.company_id = c.id and h.ended_at is null`,
    );
    const companies: CadenceCompany[] = rows.map((r) => ({
      id: r.id,
      stage: r.stage,
      holderId: r.holder_id,
      lastTouchAt: r.last_touch_at === null ? null : new Date(r.last_touch_at),
      nextTouchAt: r.next_touch_at === null ? null : new Date(r.next_touch_at),
    }));
    const expected = coverage(companies, new Date());
    expect(report.team).toMatchObject({ live: expected.team.live, touched: expected.team.touched });
    expect(report.team.share).toBeCloseTo(expected.team.share, 10);
    for (const line of expected.byHolder) {
      expect(report.byHolder.find((r: { holderId: number | null }) => r.holderId === line.holderId)).toMatchObject({ live: line.live, touched: line.touched });
    }
    const amLine = report.byHolder.find((r: { holderId: number | null }) => r.holderId === am.user.id);
    expect(amLine.overdue).toBeGreaterThanOrEqual(1);
    expect(amLine.fullName).toContain(am.user.username);

    const own = (await am.get("/api/touches/coverage")).body;
    expect(own.byHolder).toHaveLength(1);
    expect(own.byHolder[0]).toMatchObject({ holderId: am.user.id, live: amLine.live, touched: amLine.touched });
    expect(own.team).toMatchObject({ live: amLine.live, touched: amLine.touched });
  });
});
