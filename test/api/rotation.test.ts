import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { addDays } from "../../src/domain/reorder.js";
import { weekStart } from "../../src/domain/rotation.js";
import { DEFAULT_WORKING_HOURS, dayOf } from "../../src/domain/workingTime.js";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * Rotation of dead clients over HTTP on a real database: terms from the sales period, the daily
 * sweep's list, the head's decisions (extend, transfer now, transfer after rest, archive, in a
 * batch), the rest, weekly reports and the quality signal. Time passes by moving dates back in
 * the database, the way a calendar would.
 */
let server: TestServer;
let head: ApiClient & { user: TestUser };
let m1: ApiClient & { user: TestUser };
let m2: ApiClient & { user: TestUser };
let m3: ApiClient & { user: TestUser };
let am: ApiClient & { user: TestUser };
const today = dayOf(new Date(), DEFAULT_WORKING_HOURS);
const rotation = SWEEPS.find((s) => s.name === "rotation")!;
const sweep = async () => {
  const run = await runSweep(server.database, rotation, { timeZone: "Europe/Kyiv", force: true });
  if (!run.ran) throw new Error("sweep skipped");
  return run.result as { woken: number; salesPeriodDays: number; termsSet: number; listed: number; unlisted: number };
};
const one = async <T>(query: ReturnType<typeof sql>) => (await selectRows<T>(server.database.db, query))[0]!;
const openHolding = (companyId: number) =>
  one<{ id: number; user_id: number; term_until: Date | string | null; started_at: Date | string; dead_reason: string | null }>(
    sql`select id, user_id, term_until, started_at, dead_reason from holdings where company_id = ${companyId} and ended_at is null`,
  );
const entries = (companyId: number, kind: string) => one<{ n: number }>(sql`select count(*)::int as n from activities where company_id = ${companyId} and kind = ${kind}`).then((r) => r.n);

/** A lead held by `manager`; `daysAgo` moves its start (and everything since) back in time. */
async function lead(name: string, manager: TestUser, extra: Record<string, unknown> = {}): Promise<number> {
  const id = (await head.post("/api/companies", { legalName: name, ...extra })).body.company.id as number;
  expect((await head.post(`/api/companies/${id}/handoff`, { toUserId: manager.id })).status).toBe(200);
  return id;
}
async function age(companyId: number, startedDaysAgo: number, termDaysAgo: number | null, touchedDaysAgo: number | null) {
  await server.database.db.execute(sql`
    update holdings set started_at = now() - make_interval(days => ${startedDaysAgo}),
                        term_until = ${termDaysAgo === null ? null : sql`now() - make_interval(days => ${termDaysAgo})`}
    where company_id = ${companyId} and ended_at is null`);
  await server.database.db.execute(sql`
    update companies set last_touch_at = ${touchedDaysAgo === null ? null : sql`now() - make_interval(days => ${touchedDaysAgo})`} where id = ${companyId}`);
}

beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  m1 = await server.signedIn("manager");
  m2 = await server.signedIn("manager");
  m3 = await server.signedIn("manager");
  am = await server.signedIn("account_manager");
});
afterAll(() => server.close());

describe("terms from the sales period", () => {
  it("gives a new lead the fallback period while there is no data, longer for a group, and applies the head's override at once", async () => {
    const plain = await lead("Term Plain", m1.user);
    const h = await openHolding(plain);
    expect(new Date(h.term_until!).getTime() - new Date(h.started_at).getTime()).toBe(30 * 86_400_000);
    const grouped = await lead("Term Group", m1.user, { groupName: "Bush Holding" });
    const g = await openHolding(grouped);
    expect(new Date(g.term_until!).getTime() - new Date(g.started_at).getTime()).toBe(45 * 86_400_000);

    const settings = (await head.get("/api/settings")).body.settings;
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, rotation: { ...settings.rotation, salesPeriodOverrideDays: 12 } } })).status).toBe(200);
    const overridden = await openHolding(await lead("Term Override", m1.user));
    expect(new Date(overridden.term_until!).getTime() - new Date(overridden.started_at).getTime()).toBe(12 * 86_400_000);
    expect((await head.get("/api/rotation/sales-period")).body.periods.overall).toMatchObject({ days: 12, source: "override" });
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, rotation: { ...settings.rotation, restDays: -1 } } })).status).toBe(400);
    await head.request("PUT", "/api/settings", { settings });
    // The demo-sized team has no sales yet: the head sees the fallback and why.
    expect((await head.get("/api/rotation/sales-period")).body.periods.overall).toMatchObject({ source: "fallback", days: 30 });
    expect((await m1.get("/api/rotation/sales-period")).status).toBe(403);
  });
});

describe("the daily sweep and the head's list", () => {
  let expired: number;
  let quiet: number;
  let fine: number;

  beforeAll(async () => {
    expired = await lead("Past Its Term", m1.user);
    quiet = await lead("Nobody Calls", m1.user);
    fine = await lead("Worked Well", m1.user);
    await age(expired, 40, 10, 1);
    await age(quiet, 25, null, 23);
    await age(fine, 10, null, 1);
  });

  it("lists holdings past their term and untouched ones, once, with one timeline entry each", async () => {
    const first = await sweep();
    expect(first.listed).toBeGreaterThanOrEqual(2);
    expect((await openHolding(expired)).dead_reason).toBe("term_expired");
    expect((await openHolding(quiet)).dead_reason).toBe("inactive");
    expect((await openHolding(fine)).dead_reason).toBeNull();
    const again = await sweep();
    expect(again).toMatchObject({ listed: 0, unlisted: 0, woken: 0 });
    // On schedule (not forced) it runs once a day, however many instances try.
    expect(await runSweep(server.database, rotation, { timeZone: "Europe/Kyiv" })).toMatchObject({ ran: true, result: { skipped: true } });
    expect(await entries(expired, "rotation_listed")).toBe(1);

    const list = (await head.get("/api/rotation/dead?limit=200")).body;
    const row = list.items.find((r: { company: { id: number } }) => r.company.id === expired);
    expect(row).toMatchObject({ reason: "term_expired", holder: { id: m1.user.id }, tier: 2, daysHeld: 40 });
    // The rule's pick is never the holder being replaced.
    expect(row.suggested.id).not.toBe(m1.user.id);
    expect((await m1.get("/api/rotation/dead")).status).toBe(403);
    expect((await am.get("/api/rotation/dead")).status).toBe(403);
  });

  it("takes a holding off the list when its holder touches the client again", async () => {
    expect((await m1.post(`/api/companies/${quiet}/activities`, { kind: "call", text: "Back in touch" })).status).toBe(201);
    expect((await sweep()).unlisted).toBe(1);
    expect((await openHolding(quiet)).dead_reason).toBeNull();
    expect(await entries(quiet, "rotation_unlisted")).toBe(1);
  });
});

describe("the head's decisions", () => {
  it("extends only with an objective reason, a text and a date within the limit; the holding leaves the list until then", async () => {
    const id = await lead("Extend Me", m1.user);
    await age(id, 40, 5, 2);
    await sweep();
    const holdingId = (await openHolding(id)).id;
    const decide = (item: Record<string, unknown>) => head.post("/api/rotation/decisions", { items: [{ holdingId, decision: "extend", ...item }] });
    const until = addDays(today, 20);
    expect((await decide({ category: "gut_feeling", note: "x", until })).status).toBe(400);
    const noText = await decide({ category: "budget_cycle", note: " ", until });
    expect(noText.body.error.code).toBe("reason_required");
    expect((await decide({ category: "budget_cycle", note: "Budget in January", until: today })).body.error.code).toBe("extension_date_in_past");
    expect((await decide({ category: "budget_cycle", note: "Budget in January", until: addDays(today, 400) })).body.error.code).toBe("extension_too_far");
    expect((await m1.post("/api/rotation/decisions", { items: [{ holdingId, decision: "extend", category: "budget_cycle", note: "Please", until }] })).status).toBe(403);

    const ok = await decide({ category: "budget_cycle", note: "Budget approved in January", until });
    expect(ok.status).toBe(200);
    expect((await openHolding(id)).dead_reason).toBeNull();
    await sweep();
    expect((await openHolding(id)).dead_reason).toBeNull();
    const timeline = (await head.get(`/api/companies/${id}/timeline`)).body.items;
    expect(timeline.find((e: { kind: string }) => e.kind === "rotation_extended")).toMatchObject({ actor: { id: head.user.id }, data: { category: "budget_cycle", until } });
  });

  it("transfers now: the new holder sees the whole history, the previous one loses access at once", async () => {
    const id = await lead("Transfer Now", m1.user);
    expect((await m1.post(`/api/companies/${id}/activities`, { kind: "meeting", text: "First meeting, no decision" })).status).toBe(201);
    const deal = (await m1.post(`/api/companies/${id}/deals`, {})).body.deal;
    const holdingId = (await openHolding(id)).id;
    const res = await head.post("/api/rotation/decisions", { items: [{ holdingId, decision: "transfer_now", toUserId: m2.user.id, note: "Fresh eyes" }] });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ decision: "transfer_now", toUserId: m2.user.id });
    expect((await m1.get(`/api/companies/${id}`)).status).toBe(403);
    const card = await m2.get(`/api/companies/${id}`);
    expect(card.status).toBe(200);
    const timeline = (await m2.get(`/api/companies/${id}/timeline`)).body.items.map((e: { kind: string; text: string | null }) => e.text ?? e.kind);
    expect(timeline).toEqual(expect.arrayContaining(["First meeting, no decision", "Fresh eyes"]));
    // The open deal moved with the lead.
    expect((await m2.get(`/api/companies/${id}/deals`)).body.items.find((d: { id: number }) => d.id === deal.id)).toMatchObject({ managerId: m2.user.id });
    // The head may not hand it to someone who cannot hold a lead.
    const wrong = await head.post("/api/rotation/decisions", { items: [{ holdingId: (await openHolding(id)).id, decision: "transfer_now", toUserId: am.user.id }] });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe("assignee_unsuitable");
  });

  it("transfers after a rest: nobody holds or calls the client meanwhile, then the next holder (not the last one) gets it", async () => {
    const id = await lead("Rest Then Move", m1.user);
    const holdingId = (await openHolding(id)).id;
    const res = await head.post("/api/rotation/decisions", { items: [{ holdingId, decision: "transfer_after_rest", restDays: 0 }] });
    expect(res.status).toBe(200);
    expect(res.body.items[0].restUntil).toBe(today);
    expect(res.body.items[0].toUserId).not.toBe(m1.user.id);
    const company = (await head.get(`/api/companies/${id}`)).body.company;
    expect(company.stage).toBe("resting");
    expect(company.holder).toBeNull();
    const call = await head.post(`/api/companies/${id}/activities`, { kind: "call", text: "Just checking" });
    expect(call.status).toBe(409);
    expect(call.body.error.code).toBe("company_resting");
    const assign = await head.post(`/api/companies/${id}/holder`, { userId: m3.user.id });
    expect(assign.status).toBe(409);
    // Even below the API, the database refuses to give a resting client a holder.
    const refused = await server.database.db.execute(sql`insert into holdings (company_id, user_id, tier) values (${id}, ${m3.user.id}, 2)`).then(
      () => null,
      (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message),
    );
    expect(refused).toMatch(/is resting/);
    expect((await head.get("/api/rotation/resting")).body.items.map((r: { company: { id: number } }) => r.company.id)).toContain(id);

    const woke = await sweep();
    expect(woke.woken).toBeGreaterThanOrEqual(1);
    const after = await openHolding(id);
    expect(after.user_id).toBe(res.body.items[0].toUserId);
    expect(after.user_id).not.toBe(m1.user.id);
    expect((await head.get(`/api/companies/${id}`)).body.company.stage).toBe("lead");
    expect(await entries(id, "rest_ended")).toBe(1);
  });

  it("archives only with a reason, and a batch is all or nothing, naming the failing item", async () => {
    const a = await lead("Batch A", m1.user);
    const b = await lead("Batch B", m1.user);
    const ha = (await openHolding(a)).id;
    const hb = (await openHolding(b)).id;
    const bad = await head.post("/api/rotation/decisions", {
      items: [
        { holdingId: ha, decision: "archive", note: "Went bankrupt" },
        { holdingId: hb, decision: "archive", note: "  " },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "reason_required", details: { index: 1, holdingId: hb } });
    expect((await openHolding(a)).id).toBe(ha);
    const good = await head.post("/api/rotation/decisions", {
      items: [
        { holdingId: ha, decision: "archive", note: "Went bankrupt" },
        { holdingId: hb, decision: "transfer_now" },
      ],
    });
    expect(good.status).toBe(200);
    expect((await head.get(`/api/companies/${a}`)).body.company.stage).toBe("archived");
    expect(good.body.items[1].toUserId).not.toBe(m1.user.id);
    expect((await head.post("/api/rotation/decisions", { items: [{ holdingId: ha, decision: "archive", note: "again" }] })).body.error.code).toBe("holding_not_found");
    expect((await head.post("/api/rotation/decisions", { items: [{ holdingId: hb, decision: "archive" }] })).status).toBe(400);
  });
});

describe("weekly reports", () => {
  it("pre-fills the form with the week's work, refuses foreign clients and an incomplete submission, and shows the head who is missing", async () => {
    const reporter = await server.signedIn("manager");
    const x = await lead("Report X", reporter.user);
    const y = await lead("Report Y", reporter.user);
    expect((await reporter.post(`/api/companies/${x}/activities`, { kind: "call", text: "Discussed volumes" })).status).toBe(201);
    const form = (await reporter.get("/api/weekly-reports/mine")).body.report;
    expect(form.week).toBe(weekStart(today));
    const cx = form.clients.find((c: { company: { id: number } }) => c.company.id === x);
    expect(cx).toMatchObject({ suggestedStatus: "progressing", line: null, heldNow: true });
    expect(cx.activities.map((a: { text: string }) => a.text)).toContain("Discussed volumes");
    expect(form.clients.find((c: { company: { id: number } }) => c.company.id === y).suggestedStatus).toBe("stalled");

    const week = form.week;
    const lineX = { companyId: x, status: "progressing", nextStep: "Send the offer", nextStepOn: addDays(today, 2) };
    const incomplete = await reporter.request("PUT", `/api/weekly-reports/mine/${week}`, { lines: [lineX], submit: true });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error).toMatchObject({ code: "report_incomplete", details: { missing: [y] } });
    const foreign = await reporter.request("PUT", `/api/weekly-reports/mine/${week}`, { lines: [{ ...lineX, companyId: (await lead("Not Yours", m3.user)) }], submit: false });
    expect(foreign.body.error.code).toBe("not_your_client");
    expect((await reporter.request("PUT", `/api/weekly-reports/mine/${addDays(week, 1)}`, { lines: [], submit: false })).status).toBe(400);
    expect((await reporter.request("PUT", `/api/weekly-reports/mine/${addDays(week, 7)}`, { lines: [], submit: false })).status).toBe(400);
    // A draft is kept.
    expect((await reporter.request("PUT", `/api/weekly-reports/mine/${week}`, { lines: [lineX], submit: false })).status).toBe(200);

    let overview = (await head.get(`/api/weekly-reports?week=${week}`)).body;
    let mine = overview.people.find((p: { user: { id: number } }) => p.user.id === reporter.user.id);
    expect(mine).toMatchObject({ held: 2, submittedAt: null });
    expect(mine.missing.map((c: { id: number }) => c.id)).toEqual([y]);

    const submitted = await reporter.request("PUT", `/api/weekly-reports/mine/${week}`, {
      lines: [lineX, { companyId: y, status: "hopeless", nextStep: "Recall: they buy from a competitor under contract" }],
      submit: true,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.report.submittedAt).not.toBeNull();
    overview = (await head.get(`/api/weekly-reports?week=${week}`)).body;
    mine = overview.people.find((p: { user: { id: number } }) => p.user.id === reporter.user.id);
    expect(mine.missing).toEqual([]);
    const hopeless = mine.lines.find((l: { company: { id: number } }) => l.company.id === y);
    expect(hopeless.status).toBe("hopeless");
    // The head recalls the client early, straight from the report.
    const recall = await head.post("/api/rotation/decisions", { items: [{ holdingId: hopeless.holdingId, decision: "transfer_now" }] });
    expect(recall.status).toBe(200);
    expect((await head.get(`/api/companies/${y}/timeline`)).body.items.find((e: { kind: string }) => e.kind === "rotation_transferred").data.recall).toBe(true);
    expect(await entries(x, "weekly_report")).toBe(1);

    expect((await am.get("/api/weekly-reports/mine")).status).toBe(403);
    expect((await reporter.get("/api/weekly-reports")).status).toBe(403);
  });
});

describe("the quality signal", () => {
  it("shows the head a client taken from one manager and sold by the next", async () => {
    const loser = await server.signedIn("manager");
    const id = await lead("Sold By The Next", loser.user);
    const holdingId = (await openHolding(id)).id;
    const moved = await head.post("/api/rotation/decisions", { items: [{ holdingId, decision: "transfer_now", toUserId: m3.user.id }] });
    expect(moved.status).toBe(200);
    const product = (await head.post("/api/products", { name: "Rotation product" })).body.product;
    const deal = (await m3.post(`/api/companies/${id}/deals`, {})).body.deal ?? (await m3.get(`/api/companies/${id}/deals`)).body.items[0];
    const won = await m3.post(`/api/deals/${deal.id}/win`, { accountManagerId: am.user.id, currency: "UAH", lines: [{ productId: product.id, quantity: 1, amountMinor: 1000 }], promises: [] });
    expect(won.status).toBe(200);
    const quality = (await head.get("/api/rotation/quality")).body;
    const line = quality.items.find((l: { holder: { id: number } }) => l.holder.id === loser.user.id);
    expect(line).toMatchObject({ lost: 1, soldLater: 1 });
    expect(line.cases[0]).toMatchObject({ company: { id }, how: "rotated", seller: { id: m3.user.id } });
    expect((await m3.get("/api/rotation/quality")).status).toBe(403);
  });
});

describe("a batch spreads", () => {
  it("gives a batch of transfers to different people when their loads are equal, not all to the lightest one", async () => {
    const holder = await server.signedIn("manager");
    for (let i = 0; i < 3; i++) await server.signedIn("manager");
    const ids = [await lead("Spread 1", holder.user), await lead("Spread 2", holder.user), await lead("Spread 3", holder.user)];
    const items = await Promise.all(ids.map(async (id) => ({ holdingId: (await openHolding(id)).id, decision: "transfer_now" })));
    const res = await head.post("/api/rotation/decisions", { items });
    expect(res.status).toBe(200);
    const receivers = res.body.items.map((i: { toUserId: number }) => i.toUserId);
    expect(new Set(receivers).size).toBe(3);
    expect(receivers).not.toContain(holder.user.id);
  });
});
