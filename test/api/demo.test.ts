import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateScript, type ScriptBody } from "../../src/domain/scripts.js";
import type { Database } from "../../src/db/connect.js";
import { users } from "../../src/db/schema.js";
import { generateCompanies } from "../../src/demo/companies.js";
import { fillDemo } from "../../src/demo/fillDemo.js";
import { Random } from "../../src/demo/random.js";
import { companySearchKey } from "../../src/domain/companyNames.js";
import { roleOfTier, tierOfStage, type Stage, type Tier } from "../../src/domain/conveyor.js";
import { checkLegalId, type LegalIdKind } from "../../src/domain/legalIds.js";
import { normalisePhone } from "../../src/domain/phones.js";
import { verifyPassword } from "../../src/features/auth/passwords.js";
import { openTestDatabase } from "../support/testDatabase.js";

const TABLES = ["users", "companies", "contacts", "contact_phones", "holdings", "activities", "call_lists", "calls", "deals", "orders", "promises"] as const;

describe("demo data", () => {
  let database: Database;
  let summary: string;
  const now = new Date();
  const rows = <T>(query: ReturnType<typeof sql>) => database.rows<T>(query);
  const tableCounts = async () =>
    Object.fromEntries(
      await Promise.all(TABLES.map(async (t) => [t, (await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${t}`)))[0]!.n] as const)),
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    // Users from before the demo stay: the first admin, and someone who already has a demo username.
    await database.db.insert(users).values([
      { username: "admin", fullName: "Administrator", role: "admin", passwordHash: "x" },
      { username: "Caller2", fullName: "Real Person", role: "manager", passwordHash: "x" },
    ]);
    summary = await fillDemo(database, { now });
  });
  afterAll(() => database?.close());

  it("creates a team of every role, skips taken usernames and keeps existing users", async () => {
    const team = await rows<{ username: string; role: string; full_name: string; password_hash: string }>(
      sql`select username, role, full_name, password_hash from users order by id`,
    );
    const roles = new Set(team.map((u) => u.role));
    for (const role of ["admin", "head", "caller", "manager", "account_manager", "back_office"]) expect(roles).toContain(role);
    expect(team.filter((u) => u.role === "caller")).toHaveLength(3);
    expect(team.find((u) => u.username === "Caller2")).toMatchObject({ role: "manager", full_name: "Real Person" });
    expect(summary).toMatch(/Skipped.*caller2/);
    expect(summary).toContain("demo12345");
    expect(summary).toMatch(/^\s+head\s/m);
    const head = team.find((u) => u.username === "head")!;
    expect(await verifyPassword("demo12345", head.password_hash)).toBe(true);
  });

  it("fills a few hundred companies in every live stage with valid, unique tax ids", async () => {
    const companies = await rows<{ legal_name: string; search_name: string; legal_id: string | null; legal_id_kind: string | null; stage: string; group_name: string | null }>(
      sql`select legal_name, search_name, legal_id, legal_id_kind, stage, group_name from companies`,
    );
    expect(companies.length).toBeGreaterThanOrEqual(250);
    const stages = new Set(companies.map((c) => c.stage));
    for (const stage of ["cold", "lead", "customer", "archived"]) expect(stages).toContain(stage);
    expect(companies.filter((c) => c.stage === "cold").length).toBeGreaterThan(companies.length / 3);
    expect(companies.filter((c) => c.group_name !== null).length).toBeGreaterThan(10);

    const ids = companies.filter((c) => c.legal_id !== null);
    expect(ids.length).toBeGreaterThan(companies.length * 0.9);
    for (const c of ids) expect(checkLegalId(c.legal_id!, c.legal_id_kind as LegalIdKind), `${c.legal_name} ${c.legal_id}`).toMatchObject({ ok: true });
    expect(new Set(ids.map((c) => c.legal_id_kind)).size).toBe(3);
    expect(new Set(ids.map((c) => `${c.legal_id_kind}:${c.legal_id}`)).size).toBe(ids.length);
    for (const c of companies) expect(c.search_name).toBe(companySearchKey(c.legal_name));
  });

  it("gives contacts valid E.164 phones, unique across the base", async () => {
    const phones = await rows<{ e164: string }>(sql`select e164 from contact_phones`);
    expect(phones.length).toBeGreaterThan(250);
    for (const { e164 } of phones) {
      expect(e164).toMatch(/^\+[1-9]\d{9,13}$/);
      expect(normalisePhone(e164, "UA")).toEqual({ ok: true, e164 });
    }
    expect(new Set(phones.map((p) => p.e164)).size).toBe(phones.length);
    const [perCompany] = await rows<{ min: number; max: number }>(
      sql`select min(n)::int as min, max(n)::int as max from (select count(*) as n from contacts group by company_id) x`,
    );
    expect(perCompany).toEqual({ min: 1, max: 3 });
  });

  it("keeps the conveyor's invariant: one open holding, by the right role for the stage", async () => {
    const twice = await rows(sql`select company_id from holdings where ended_at is null group by company_id having count(*) > 1`);
    expect(twice).toEqual([]);
    const open = await rows<{ stage: Stage; tier: Tier; role: string; term_days: number | null }>(
      sql`select c.stage, h.tier, u.role, extract(epoch from h.term_until - h.started_at)::float8 / 86400 as term_days
          from holdings h join companies c on c.id = h.company_id join users u on u.id = h.user_id where h.ended_at is null`,
    );
    for (const h of open) {
      expect(tierOfStage(h.stage)).toBe(h.tier);
      expect(h.role).toBe(roleOfTier(h.tier));
      expect(h.term_days).toBe(h.tier === 2 ? 30 : null);
    }
    // Every lead and customer is held; archived companies are not.
    const [unheld] = await rows<{ live: number; archived: number }>(
      sql`select count(*) filter (where stage in ('lead','customer') and h.id is null)::int as live,
                 count(*) filter (where stage = 'archived' and h.id is not null)::int as archived
          from companies c left join holdings h on h.company_id = c.id and h.ended_at is null`,
    );
    expect(unheld).toEqual({ live: 0, archived: 0 });
    // Leads past their term exist, and so do leads within it.
    const [terms] = await rows<{ past: number; within: number }>(
      sql`select count(*) filter (where term_until < now())::int as past, count(*) filter (where term_until >= now())::int as within
          from holdings where ended_at is null and tier = 2`,
    );
    expect(terms!.past).toBeGreaterThan(0);
    expect(terms!.within).toBeGreaterThan(terms!.past);
  });

  it("has a consistent past: holdings follow one another and every hand-over is on the timeline", async () => {
    const overlapping = await rows(
      sql`select a.id from holdings a join holdings b on b.company_id = a.company_id and b.id <> a.id and b.started_at >= a.started_at
          where a.ended_at is null or a.ended_at > b.started_at`,
    );
    expect(overlapping).toEqual([]);
    const missing = await rows(
      sql`select distinct h.company_id from holdings h where h.end_reason = 'handed_over'
          and not exists (select 1 from activities a where a.company_id = h.company_id and a.kind = 'handed_over' and a.occurred_at = h.ended_at)`,
    );
    expect(missing).toEqual([]);
    const [counts] = await rows<{ holdings: number; entries: number }>(
      sql`select (select count(*) from holdings where end_reason = 'handed_over')::int as holdings,
                 (select count(*) from activities where kind = 'handed_over')::int as entries`,
    );
    expect(counts!.holdings).toBeGreaterThan(50);
    expect(counts!.entries).toBe(counts!.holdings);
    const [entry] = await rows<{ data: Record<string, unknown> }>(sql`select data from activities where kind = 'handed_over' and data->>'toStage' = 'customer' limit 1`);
    expect(entry!.data).toMatchObject({ fromStage: "lead", toStage: "customer", tier: 3, toUserId: expect.any(Number), fromUserId: expect.any(Number), toName: expect.any(String) });
    const customersWithoutPast = await rows(
      sql`select c.id from companies c where c.stage = 'customer' and not exists (select 1 from holdings h where h.company_id = c.id and h.end_reason = 'handed_over')`,
    );
    expect(customersWithoutPast).toEqual([]);
  });

  it("spreads a few thousand timeline entries over months of working days, none in the future", async () => {
    const [span] = await rows<{ n: number; days: number; future: number; weekend: number; calls_with_outcome: number; calls: number }>(
      sql`select count(*)::int as n,
                 extract(epoch from max(occurred_at) - min(occurred_at))::float8 / 86400 as days,
                 count(*) filter (where occurred_at > ${now.toISOString()}::timestamptz)::int as future,
                 count(*) filter (where extract(isodow from occurred_at at time zone 'Etc/GMT-3') > 5)::int as weekend,
                 count(*) filter (where kind = 'call' and data ? 'outcome')::int as calls_with_outcome,
                 count(*) filter (where kind = 'call')::int as calls
          from activities`,
    );
    expect(span!.n).toBeGreaterThan(2000);
    expect(span!.days).toBeGreaterThan(60);
    expect(span!.future).toBe(0);
    expect(span!.weekend).toBeLessThan(span!.n / 100);
    expect(span!.calls_with_outcome).toBe(span!.calls);
    const kinds = (await rows<{ kind: string }>(sql`select distinct kind from activities`)).map((r) => r.kind);
    for (const kind of ["company_created", "contact_added", "note", "call", "meeting", "email", "holder_assigned", "handed_over", "stage_changed", "company_updated"]) {
      expect(kinds).toContain(kind);
    }
    // contact_added entries point at real contacts of their company.
    const [dangling] = await rows<{ n: number }>(
      sql`select count(*)::int as n from activities a where a.kind = 'contact_added'
          and not exists (select 1 from contacts c where c.id = (a.data->>'contactId')::int and c.company_id = a.company_id)`,
    );
    expect(dangling!.n).toBe(0);
  });

  it("gives tier 1 a sound script, instructions, call lists with companies to call, and a call log", async () => {
    const [script] = await rows<{ body: ScriptBody }>(sql`select body from script_versions`);
    expect(validateScript(script!.body)).toEqual([]);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from instructions`))[0]!.n).toBeGreaterThanOrEqual(2);
    const lists = await rows<{ ready: number; callers: number }>(
      sql`select (select count(*)::int from call_list_entries e where e.call_list_id = l.id and e.status = 'ready') as ready,
                 (select count(*)::int from call_list_callers x where x.call_list_id = l.id) as callers
          from call_lists l`,
    );
    expect(lists.length).toBeGreaterThanOrEqual(2);
    for (const list of lists) expect(list.ready > 0 && list.callers > 0).toBe(true);
    // Every company on a list is one a list may hold: cold and held by nobody.
    const wrong = await rows<{ n: number }>(
      sql`select count(*)::int as n from call_list_entries e join companies c on c.id = e.company_id
          where c.stage <> 'cold' or exists (select 1 from holdings h where h.company_id = c.id and h.ended_at is null)`,
    );
    expect(wrong[0]!.n).toBe(0);
    const calls = await rows<{ n: number; handed: number }>(sql`select count(*)::int as n, (count(*) filter (where handed_over))::int as handed from calls`);
    expect(calls[0]!.n).toBeGreaterThan(200);
    expect(calls[0]!.handed).toBeGreaterThan(0);
  });

  it("gives tier 2 a queue and deals, and every customer a won deal, a first order and promises", async () => {
    const [leads] = await rows<{ open: number; with_deal: number; with_day: number }>(
      sql`select count(*)::int as open,
                 (count(*) filter (where exists (select 1 from deals d where d.company_id = h.company_id and d.closed_at is null)))::int as with_deal,
                 (count(*) filter (where h.queue_day is not null and h.first_contact_due_at is not null))::int as with_day
          from holdings h where h.tier = 2 and h.ended_at is null`,
    );
    expect(leads!.open).toBeGreaterThan(20);
    expect(leads!.with_deal).toBe(leads!.open);
    expect(leads!.with_day).toBe(leads!.open);
    const [customers] = await rows<{ n: number; sold: number }>(
      sql`select count(*)::int as n,
                 (count(*) filter (where exists (select 1 from deals d join orders o on o.deal_id = d.id where d.company_id = c.id and d.stage = 'won')))::int as sold
          from companies c where c.stage = 'customer'`,
    );
    expect(customers!.sold).toBe(customers!.n);
    const statuses = await rows<{ status: string }>(sql`select distinct status from promises order by 1`);
    expect(statuses.map((r) => r.status)).toEqual(expect.arrayContaining(["broken", "kept"]));
    const [lines] = await rows<{ bad: number }>(sql`select count(*)::int as bad from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)`);
    expect(lines!.bad).toBe(0);
  });

  it("gives tier 3 repeat orders, invoices, segments, reorder dates and a touch date for every live company", async () => {
    const [orders] = await rows<{ repeat: number; bad_total: number; future: number }>(
      sql`select (count(*) filter (where deal_id is null))::int as repeat,
                 (count(*) filter (where total_minor <> (select sum(amount_minor) from order_lines l where l.order_id = o.id)))::int as bad_total,
                 (count(*) filter (where ordered_at > ${now.toISOString()}::timestamptz))::int as future
          from orders o`,
    );
    expect(orders!.repeat).toBeGreaterThan(30);
    expect(orders!.bad_total).toBe(0);
    expect(orders!.future).toBe(0);
    const invoices = await rows<{ status: string; overdue: boolean; n: number }>(
      sql`select status, (status = 'issued' and due_on < current_date) as overdue, count(*)::int as n from invoices group by 1, 2`,
    );
    expect(invoices.find((i) => i.status === "paid")?.n).toBeGreaterThan(10);
    expect(invoices.find((i) => i.overdue)?.n).toBeGreaterThan(0);
    const segments = await rows<{ segment: string }>(sql`select distinct segment from customer_insights`);
    expect(segments.length).toBeGreaterThanOrEqual(4);
    const [reorder] = await rows<{ rhythmic: number; with_date: number; overdue: number }>(
      sql`select (select count(*)::int from companies c where c.stage = 'customer'
                    and (select count(distinct (o.ordered_at at time zone 'Europe/Kyiv')::date) from orders o where o.company_id = c.id) >= 2) as rhythmic,
                 (count(*) filter (where expected_on is not null))::int as with_date,
                 (count(*) filter (where expected_on < current_date))::int as overdue
          from customer_insights`,
    );
    // Every customer who bought on two days or more has an expected next purchase.
    expect(reorder!.with_date).toBe(reorder!.rhythmic);
    expect(reorder!.with_date).toBeGreaterThan(10);
    expect(reorder!.overdue).toBeGreaterThan(0);
    const [touch] = await rows<{ live_without_date: number }>(
      sql`select count(*)::int as live_without_date from companies c left join holdings h on h.company_id = c.id and h.ended_at is null
          where (c.stage in ('lead', 'customer') or (c.stage = 'cold' and h.user_id is not null)) and c.next_touch_at is null`,
    );
    expect(touch!.live_without_date).toBe(0);
  });

  it("leaves the head's dashboard something to say: a bought-leads partner whose leads stopped qualifying, and commission rules", async () => {
    const alerts = await rows<{ kind: string; metric: string; name: string; owner: string | null; recent: number; baseline: number }>(
      sql`select a.kind, a.metric, s.name, u.username as owner, (a.figures->'recent'->>'rate')::float as recent, (a.figures->'baseline'->>'rate')::float as baseline
          from alerts a join lead_sources s on s.id = a.source_id left join users u on u.id = s.owner_id where a.resolved_at is null`,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "source_conversion_drop", metric: "qualified", name: expect.stringContaining("ЛидМаркет"), owner: "manager3" });
    expect(alerts[0]!.recent).toBeLessThan(alerts[0]!.baseline / 2);
    // Every dropped lead was a deal opened and lost at the first stage, never qualified.
    const [junk] = await rows<{ n: number; qualified: number }>(
      sql`select count(*)::int as n, count(qualified_at)::int as qualified from deals where stage = 'lost'`,
    );
    expect(junk!.n).toBeGreaterThan(20);
    expect(junk!.qualified).toBe(0);
    const rules = await rows<{ tier: number }>(sql`select distinct tier from commission_rules order by tier`);
    expect(rules.map((r) => r.tier)).toEqual([1, 2, 3]);
  });

  it("refuses a second run and changes nothing", async () => {
    const before = await tableCounts();
    const again = await fillDemo(database);
    expect(again).toMatch(/already has \d+ companies/);
    expect(await tableCounts()).toEqual(before);
  });

  it("generates the same base from the same seed", () => {
    expect(generateCompanies(new Random(7), 40)).toEqual(generateCompanies(new Random(7), 40));
  });
});
