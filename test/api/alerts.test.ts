import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { leadCohorts } from "../../src/features/alerts/leadCohorts.js";
import type { UserEvent } from "../../src/features/telephony/eventHub.js";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * The source quality watch over HTTP on a real database. History is generated with SQL the
 * way months of work would have left it — sources, companies, tier-2 holdings started days
 * ago, deals, orders, intake posts, calls — and the sweep judges it: a source that converted
 * well and then collapsed raises an alert with the figures behind it, a steady one and a small
 * one do not; the alert lives once, is acknowledged by the owner, dismissed by the head,
 * resolved when the source recovers.
 */
let server: TestServer;
let head: ApiClient & { user: TestUser };
let owner: ApiClient & { user: TestUser };
let caller: ApiClient & { user: TestUser };
let manager: TestUser;
const DAY_MS = 86_400_000;
const watch = SWEEPS.find((s) => s.name === "source-watch")!;
const sweep = async () => {
  const run = await runSweep(server.database, watch, { timeZone: "Europe/Kyiv", events: server.app.events });
  if (!run.ran) throw new Error("sweep skipped");
  return run.result as { sources: number; raised: { id: number; sourceId: number; kind: string; metric: string }[]; refreshed: number; resolved: number };
};
const rows = <T>(query: ReturnType<typeof sql>) => selectRows<T>(server.database.db, query);
const alertsTable = () => rows<Record<string, unknown>>(sql`select * from alerts order by id`);

let seq = 0;
async function source(name: string, kind: string, ownerId: number | null = null): Promise<number> {
  const [row] = await rows<{ id: number }>(sql`insert into lead_sources (name, kind, owner_id) values (${name}, ${kind}, ${ownerId}) returning id`);
  return row!.id;
}

/** `count` companies of the source with `created` days-ago each, in one statement. */
async function companies(sourceId: number | null, count: number, createdDaysAgo: (i: number) => number): Promise<number[]> {
  const values = Array.from({ length: count }, (_, i) => {
    const name = `Generated ${++seq}`;
    return sql`(${name}, ${name.toLowerCase()}, ${sourceId}, 'lead', now() - make_interval(secs => ${createdDaysAgo(i) * 86_400}))`;
  });
  const created = await rows<{ id: number }>(sql`insert into companies (legal_name, search_name, source_id, stage, created_at) values ${sql.join(values, sql`, `)} returning id`);
  return created.map((c) => c.id);
}

/**
 * Leads of a source whose lead moments are spread evenly from `from` to `to` days ago; the
 * first `qualified` get a deal a day after their lead moment, the first `sold` a first order
 * ten days after it.
 */
async function leads(sourceId: number | null, spec: { count: number; from: number; to: number; qualified?: number; sold?: number }): Promise<number[]> {
  const daysAgo = (i: number) => (spec.count === 1 ? spec.from : spec.from - ((spec.from - spec.to) * i) / (spec.count - 1));
  const ids = await companies(sourceId, spec.count, (i) => daysAgo(i) + 1);
  await server.database.db.execute(
    sql`insert into holdings (company_id, user_id, tier, started_at)
        values ${sql.join(ids.map((id, i) => sql`(${id}, ${manager.id}, 2, now() - make_interval(secs => ${daysAgo(i) * 86_400}))`), sql`, `)}`,
  );
  if (spec.qualified) await qualify(ids.slice(0, spec.qualified));
  if (spec.sold) {
    await server.database.db.execute(
      sql`insert into orders (company_id, ordered_at, currency, total_minor)
          select h.company_id, h.started_at + interval '10 days', 'UAH', 100000 from holdings h where h.company_id in (${sql.join(ids.slice(0, spec.sold).map((id) => sql`${id}`), sql`, `)})`,
    );
  }
  return ids;
}

/** A deal that confirmed a need a day after each company's lead moment. */
async function qualify(ids: number[]) {
  await server.database.db.execute(
    sql`insert into deals (company_id, manager_id, stage, opened_at, qualified_at)
        select h.company_id, h.user_id, 'need_identified', h.started_at + interval '1 day', h.started_at + interval '1 day' from holdings h
        where h.tier = 2 and h.company_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
}

/** Listens to a user's live events while a sweep runs. */
function listen(user: TestUser) {
  const events: UserEvent[] = [];
  const stop = server.app.events.subscribe(user.id, (e) => events.push(e));
  return { events, stop };
}

let partner: number;
let steady: number;
let tiny: number;
let slump: number;

beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  owner = await server.signedIn("manager");
  caller = await server.signedIn("caller");
  manager = await server.createUser("manager");

  // Partner X converted half its leads into deals for three months, then one in ten.
  partner = await source("Partner X", "partner", owner.user.id);
  await leads(partner, { count: 60, from: 100, to: 20, qualified: 30 });
  await leads(partner, { count: 30, from: 16, to: 4, qualified: 3 });
  // The ads convert as they always did.
  steady = await source("Steady Ads", "ads");
  await leads(steady, { count: 60, from: 100, to: 20, qualified: 30 });
  await leads(steady, { count: 30, from: 16, to: 4, qualified: 14 });
  // An exhibition with too few recent leads to judge, however bad they look.
  tiny = await source("Tiny Expo", "exhibition");
  await leads(tiny, { count: 60, from: 100, to: 20, qualified: 30 });
  await leads(tiny, { count: 10, from: 16, to: 4, qualified: 0 });
  // A cold base whose leads used to buy within 45 days and now hardly do.
  slump = await source("Sale Slump", "cold_base");
  await leads(slump, { count: 40, from: 140, to: 62, sold: 20 });
  await leads(slump, { count: 25, from: 58, to: 46, sold: 1 });
});
afterAll(() => server.close());

describe("leadCohorts: the shared per-source lead funnel", () => {
  it("counts a company's first tier-2 holding as its lead moment, deals within the days as qualified, and its first order ever after it as a first sale", async () => {
    const cohort = await source("Cohort Check", "referral");
    const [a, b, c] = await leads(cohort, { count: 3, from: 10, to: 10 });
    const [unsourced] = await leads(null, { count: 1, from: 10, to: 10 });
    const db = server.database.db;
    // a: qualified on day 2, bought on day 5. b: qualified on day 5 (too late for "within 3 days"), bought before it was a lead.
    await db.execute(sql`insert into deals (company_id, manager_id, stage, opened_at, qualified_at) select company_id, user_id, 'need_identified', started_at + interval '1 day', started_at + interval '2 days' from holdings where company_id = ${a!}`);
    await db.execute(sql`insert into orders (company_id, ordered_at, currency, total_minor) select company_id, started_at + interval '5 days', 'UAH', 123400 from holdings where company_id = ${a!}`);
    await db.execute(sql`insert into deals (company_id, manager_id, stage, opened_at, qualified_at) select company_id, user_id, 'need_identified', started_at + interval '5 days', started_at + interval '5 days' from holdings where company_id = ${b!}`);
    await db.execute(sql`insert into orders (company_id, ordered_at, currency, total_minor) select company_id, started_at - interval '30 days', 'UAH', 5000 from holdings where company_id = ${b!}`);
    await db.execute(sql`insert into orders (company_id, ordered_at, currency, total_minor) select company_id, started_at + interval '6 days', 'UAH', 7000 from holdings where company_id = ${b!}`);
    // c was a lead once before, 200 days ago: its lead moment is then, not now.
    await db.execute(sql`insert into holdings (company_id, user_id, tier, started_at, ended_at, end_reason) values (${c!}, ${manager.id}, 2, now() - interval '200 days', now() - interval '190 days', 'transferred')`);

    const now = new Date();
    const month = { from: new Date(now.getTime() - 30 * DAY_MS), to: now, asOf: now };
    expect(await leadCohorts(db, { ...month, qualifyWithinDays: 3, saleWithinDays: 45, sourceIds: [cohort] })).toEqual([
      { sourceId: cohort, leads: 2, qualified: 1, firstSales: 1, firstSaleMinor: 123400 },
    ]);
    expect(await leadCohorts(db, { ...month, sourceIds: [cohort] })).toEqual([{ sourceId: cohort, leads: 2, qualified: 2, firstSales: 1, firstSaleMinor: 123400 }]);
    // Nothing has happened yet as of the lead moment; the sale is not within 4 days.
    expect(await leadCohorts(db, { ...month, asOf: new Date(now.getTime() - 9 * DAY_MS), sourceIds: [cohort] })).toEqual([{ sourceId: cohort, leads: 2, qualified: 0, firstSales: 0, firstSaleMinor: 0 }]);
    expect(await leadCohorts(db, { ...month, saleWithinDays: 4, sourceIds: [cohort] })).toMatchObject([{ firstSales: 0 }]);
    // The company without a source is reported under "no source"; the holder filter narrows to one manager's leads.
    const all = await leadCohorts(db, month);
    expect(all.find((r) => r.sourceId === null)).toEqual({ sourceId: null, leads: 1, qualified: 0, firstSales: 0, firstSaleMinor: 0 });
    expect(unsourced).toBeGreaterThan(0);
    expect(await leadCohorts(db, { ...month, sourceIds: [cohort], userIds: [owner.user.id] })).toEqual([]);
    expect(await leadCohorts(db, { ...month, sourceIds: [cohort], userIds: [manager.id] })).toHaveLength(1);
    expect(await leadCohorts(db, { ...month, sourceIds: [] })).toEqual([]);
    await db.execute(sql`update lead_sources set active = false where id = ${cohort}`);
  });
});

describe("the sweep judges each source against its own baseline", () => {
  it("raises a conversion-drop alert for the source that collapsed, with the figures behind it, and tells the head and the owner at once", async () => {
    const toHead = listen(head.user);
    const toOwner = listen(owner.user);
    const toCaller = listen(caller.user);
    const result = await sweep();
    [toHead, toOwner, toCaller].forEach((l) => l.stop());

    expect(result.raised.map((a) => [a.sourceId, a.kind, a.metric]).sort()).toEqual(
      [
        [partner, "source_conversion_drop", "qualified"],
        [slump, "source_conversion_drop", "first_sale"],
      ].sort(),
    );
    const list = (await head.get("/api/alerts")).body.items as any[];
    const drop = list.find((a) => a.source.id === partner)!;
    expect(drop).toMatchObject({
      kind: "source_conversion_drop",
      metric: "qualified",
      source: { id: partner, name: "Partner X", kind: "partner", owner: { id: owner.user.id } },
      acknowledged: null,
      resolved: null,
      figures: {
        windowDays: 14,
        baselineDays: 90,
        withinDays: 3,
        recent: { trials: 30, successes: 3, rate: 0.1 },
        baseline: { trials: 60, successes: 30, rate: 0.5 },
        relativeDrop: 0.8,
      },
    });
    expect(drop.figures.pValue).toBeLessThan(0.001);
    expect(list.find((a) => a.source.id === slump)!.figures).toMatchObject({ withinDays: 45, recent: { trials: 25, successes: 1 }, baseline: { trials: 40, successes: 20, rate: 0.5 } });
    expect(list.some((a) => a.source.id === steady || a.source.id === tiny)).toBe(false);

    // The head hears of both, the owner of their own source only, the caller of nothing.
    expect(toHead.events.map((e) => [e.type, e.data.sourceId]).sort()).toEqual([["alert", partner], ["alert", slump]].sort());
    expect(toOwner.events).toEqual([{ type: "alert", data: { id: drop.id, kind: "source_conversion_drop", metric: "qualified", sourceId: partner, sourceName: "Partner X" } }]);
    expect(toCaller.events).toEqual([]);
  });

  it("changes nothing when it runs again", async () => {
    const before = await alertsTable();
    const toHead = listen(head.user);
    expect(await sweep()).toMatchObject({ raised: [], refreshed: 0, resolved: 0 });
    toHead.stop();
    expect(await alertsTable()).toEqual(before);
    expect(toHead.events).toEqual([]);
  });

  it("refreshes the live alert's figures when more leads come in, without raising a second one", async () => {
    await leads(partner, { count: 2, from: 5, to: 5 });
    expect(await sweep()).toMatchObject({ raised: [], refreshed: 1, resolved: 0 });
    const live = await rows<{ n: number }>(sql`select count(*)::int as n from alerts where source_id = ${partner} and resolved_at is null`);
    expect(live[0]!.n).toBe(1);
    const drop = ((await head.get(`/api/alerts?sourceId=${partner}`)).body.items as any[])[0];
    expect(drop.figures.recent).toEqual({ trials: 32, successes: 3, rate: 0.0938 });
  });
});

describe("who sees and handles an alert", () => {
  it("shows the owner the alerts of their own sources, and a caller who owns nothing none", async () => {
    const mine = (await owner.get("/api/alerts")).body.items as any[];
    expect(mine.map((a) => a.source.id)).toEqual([partner]);
    expect((await caller.get("/api/alerts")).body.items).toEqual([]);
    expect((await caller.get(`/api/alerts?sourceId=${partner}&status=all`)).body.items).toEqual([]);
    expect(((await head.get("/api/alerts")).body.items as any[]).length).toBe(2);
    expect((await head.get("/api/alerts?status=sometimes")).status).toBe(400);
    expect((await head.get("/api/alerts?sourceId=abc")).status).toBe(400);
  });

  it("lets the owner acknowledge their source's alert and refuses a caller", async () => {
    const drop = ((await owner.get("/api/alerts")).body.items as any[])[0];
    const refused = await caller.post(`/api/alerts/${drop.id}/acknowledge`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    const acknowledged = await owner.post(`/api/alerts/${drop.id}/acknowledge`);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.alert.acknowledged).toMatchObject({ by: { id: owner.user.id } });
    // The first acknowledgement stands.
    expect((await head.post(`/api/alerts/${drop.id}/acknowledge`)).body.alert.acknowledged.by.id).toBe(owner.user.id);
    const missing = await head.post("/api/alerts/999999/acknowledge");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("alert_not_found");
  });

  it("lets only the head dismiss an alert, with a note, and does not raise it again the next quarter hour", async () => {
    const slumpAlert = ((await head.get(`/api/alerts?sourceId=${slump}`)).body.items as any[])[0];
    const partnerAlert = ((await head.get(`/api/alerts?sourceId=${partner}`)).body.items as any[])[0];
    expect((await owner.post(`/api/alerts/${partnerAlert.id}/resolve`, { note: "Not my problem" })).status).toBe(403);
    expect((await head.post(`/api/alerts/${slumpAlert.id}/resolve`, {})).status).toBe(400);
    const blank = await head.post(`/api/alerts/${slumpAlert.id}/resolve`, { note: "   " });
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe("validation_failed");

    const dismissed = await head.post(`/api/alerts/${slumpAlert.id}/resolve`, { note: "The base was re-segmented; expected." });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.alert.resolved).toMatchObject({ resolution: "dismissed", note: "The base was re-segmented; expected." });
    expect(dismissed.body.alert.acknowledged.by.id).toBe(head.user.id);

    const again = await head.post(`/api/alerts/${slumpAlert.id}/resolve`, { note: "Twice" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("alert_resolved");
    expect((await head.post(`/api/alerts/${slumpAlert.id}/acknowledge`)).body.error.code).toBe("alert_resolved");

    expect(await sweep()).toMatchObject({ raised: [], refreshed: 0, resolved: 0 });
    expect(((await head.get("/api/alerts")).body.items as any[]).map((a) => a.source.id)).toEqual([partner]);
    expect(((await head.get(`/api/alerts?status=resolved`)).body.items as any[]).map((a) => a.id)).toEqual([slumpAlert.id]);
  });

  it("resolves the alert as recovered once the source's recent leads qualify again", async () => {
    const recent = await rows<{ company_id: number }>(
      sql`select h.company_id from holdings h join companies c on c.id = h.company_id
          where c.source_id = ${partner} and h.started_at > now() - interval '17 days' and h.started_at < now() - interval '3 days'
            and not exists (select 1 from deals d where d.company_id = h.company_id)
          order by h.company_id limit 14`,
    );
    await qualify(recent.map((r) => r.company_id));
    expect(await sweep()).toMatchObject({ raised: [], refreshed: 0, resolved: 1 });
    expect((await head.get("/api/alerts")).body.items).toEqual([]);
    const resolved = ((await owner.get("/api/alerts?status=resolved")).body.items as any[])[0];
    expect(resolved).toMatchObject({ source: { id: partner }, resolved: { resolution: "recovered", note: null } });
    expect(((await owner.get("/api/alerts?status=all")).body.items as any[]).length).toBe(1);
  });
});

describe("spam-like patterns", () => {
  let form: number;
  let junk: number;
  let good: number;

  beforeAll(async () => {
    form = await source("Landing Form", "web_form", owner.user.id);
    junk = await source("Junk Partner", "partner");
    good = await source("Good Partner", "partner");
    const posts = (outcome: string, n: number, hoursAgo: number) =>
      Array.from({ length: n }, () => sql`(${form}, now() - make_interval(hours => ${hoursAgo}), ${outcome})`);
    // 30 posts in the last day, 18 of them rejected; older rejects do not count.
    await server.database.db.execute(
      sql`insert into lead_intakes (source_id, received_at, outcome)
          values ${sql.join([...posts("accepted", 12, 2), ...posts("invalid", 10, 3), ...posts("duplicate", 6, 4), ...posts("rate_limited", 2, 5), ...posts("invalid", 40, 30)], sql`, `)}`,
    );
    // 25 leads delivered this week and called: one answered. The good partner's: 20 answered.
    const called = async (sourceId: number, answered: number) => {
      const ids = await companies(sourceId, 25, () => 2);
      await server.database.db.execute(
        sql`insert into activities (company_id, actor_id, kind, occurred_at, data)
            values ${sql.join(
              ids.flatMap((id, i) => [
                sql`(${id}, ${caller.user.id}, 'call', now() - interval '1 day', ${JSON.stringify({ outcome: "no_answer" })}::jsonb)`,
                sql`(${id}, ${caller.user.id}, 'call', now() - interval '20 hours', ${JSON.stringify({ outcome: i < answered ? "interested" : "wrong_number" })}::jsonb)`,
              ]),
              sql`, `,
            )}`,
      );
      // Notes and calls without an outcome are not attempts.
      await server.database.db.execute(sql`insert into activities (company_id, actor_id, kind, data) values (${ids[0]!}, ${caller.user.id}, 'note', '{"outcome":"interested"}'::jsonb)`);
    };
    await called(junk, 1);
    await called(good, 20);
  });

  it("flags a source whose intake posts are mostly rejected, and one whose fresh leads nobody reaches", async () => {
    const result = await sweep();
    expect(result.raised.map((a) => [a.sourceId, a.metric]).sort()).toEqual(
      [
        [form, "intake_rejects"],
        [junk, "no_connects"],
      ].sort(),
    );
    const items = (await head.get("/api/alerts")).body.items as any[];
    expect(items.find((a) => a.source.id === form)).toMatchObject({
      kind: "source_spam",
      figures: { windowHours: 24, posts: 30, invalid: 10, duplicate: 6, rateLimited: 2, rejected: 18, rejectShare: 0.6 },
    });
    expect(items.find((a) => a.source.id === junk)).toMatchObject({ kind: "source_spam", figures: { windowDays: 7, attempted: 25, connected: 1, connectRate: 0.04 } });
    expect(items.some((a) => a.source.id === good)).toBe(false);
    expect(await sweep()).toMatchObject({ raised: [], refreshed: 0, resolved: 0 });
  });

  it("resolves the alerts of a source taken out of use", async () => {
    await server.database.db.execute(sql`update lead_sources set active = false where id = ${junk}`);
    expect(await sweep()).toMatchObject({ raised: [], resolved: 1 });
    const resolved = ((await head.get(`/api/alerts?status=resolved&sourceId=${junk}`)).body.items as any[])[0];
    expect(resolved.resolved.resolution).toBe("source_inactive");
  });
});

describe("the watch's settings", () => {
  it("are part of the team rules, with sane bounds, and a stricter minimum sample quiets a drop", async () => {
    const settings = (await head.get("/api/settings")).body.settings;
    expect(settings.sourceWatch).toEqual({
      windowDays: 14,
      baselineDays: 90,
      qualifyDays: 3,
      saleDays: 45,
      minSample: 20,
      alpha: 0.01,
      spamWindowHours: 24,
      spamMinLeads: 20,
      spamRejectShare: 0.5,
      spamMaxConnectRate: 0.1,
    });
    const put = (sourceWatch: Record<string, unknown>, as = head) => as.request("PUT", "/api/settings", { settings: { ...settings, sourceWatch: { ...settings.sourceWatch, ...sourceWatch } } });
    expect((await put({ alpha: 0.5 })).status).toBe(400);
    expect((await put({ windowDays: 0 })).status).toBe(400);
    expect((await put({ spamRejectShare: 1.5 })).status).toBe(400);
    expect((await put({ minSample: 50 }, owner)).status).toBe(403);

    // Partner X collapses again: 40 more unqualified leads in the recent window.
    await leads(partner, { count: 40, from: 15, to: 5 });
    expect((await sweep()).raised.map((a) => a.sourceId)).toEqual([partner]);
    expect((await put({ spamMinLeads: 100, minSample: 100 })).status).toBe(200);
    expect(await sweep()).toMatchObject({ raised: [], resolved: 2 });
    expect((await head.get("/api/alerts")).body.items).toEqual([]);
  });
});
