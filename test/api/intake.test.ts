import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { dayOf, DEFAULT_WORKING_HOURS, workingDayFrom } from "../../src/domain/workingTime.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * The lead intake over HTTP: a web form or partner posts with its source's token; every post
 * is logged against the source with its outcome; accepted leads land in a sales manager's
 * queue like a caller's hand-over, or wait for the head when nobody can take them.
 */
let server: TestServer;
let head: ApiClient & { user: TestUser };
const wh = DEFAULT_WORKING_HOURS;

beforeAll(async () => {
  server = await startTestServer({ DEFAULT_COUNTRY: "UA" });
  head = await server.signedIn("head");
});
afterAll(() => server.close());

const rows = <T>(query: ReturnType<typeof sql>) => selectRows<T>(server.database.db, query);

async function connectedSource(name: string, extra: Record<string, unknown> = {}) {
  const source = (await head.post("/api/sources", { name, kind: "web_form", ...extra })).body.source as { id: number };
  const res = await head.post(`/api/sources/${source.id}/intake-token`);
  expect(res.status).toBe(201);
  return { id: source.id, token: res.body.token as string };
}

const post = async (token: string | null, body: unknown) => {
  const res = await fetch(`${server.url}/api/intake/leads`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en", ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

const intakes = (sourceId: number) =>
  rows<{ outcome: string; error_code: string | null; company_id: number | null; payload: Record<string, unknown> }>(
    sql`select outcome, error_code, company_id, payload from lead_intakes where source_id = ${sourceId} order by id`,
  );
const counted = async (sourceId: number) =>
  ((await head.get("/api/sources")).body.items as { id: number; intake: { last24h: Record<string, number>; last7d: Record<string, number> } }[]).find((s) => s.id === sourceId)!.intake;

describe("when no sales manager can take a lead", () => {
  it("keeps the lead, held by nobody, counted as waiting; the head's distribution places it later", async () => {
    const source = await connectedSource("Early form");
    const res = await post(source.token, { legalName: "Nobody Home LLC", phone: "067 200 00 01" });
    expect(res.status).toBe(201);
    const card = (await head.get(`/api/companies/${res.body.leadId}`)).body;
    expect(card.company).toMatchObject({ stage: "lead", holder: null, sourceId: source.id });
    const listed = (await head.get("/api/sources")).body.items.find((s: { id: number }) => s.id === source.id);
    expect(listed.waitingLeads).toBe(1);
    const log = await head.get(`/api/sources/${source.id}/intakes`);
    expect(log.body.items[0]).toMatchObject({ outcome: "accepted", company: { id: res.body.leadId, waiting: true } });

    const manager = await server.createUser("manager");
    const distributed = await head.post("/api/conversion/distribute");
    expect(distributed.body.assigned).toBe(1);
    expect((await head.get(`/api/companies/${res.body.leadId}`)).body.company.holder).toMatchObject({ userId: manager.id, tier: 2 });
  });
});

describe("an accepted lead", () => {
  let manager: ApiClient & { user: TestUser };
  let source: { id: number; token: string };
  beforeAll(async () => {
    manager = await server.signedIn("manager");
    // Only this manager is free: the earlier one is switched off.
    await server.database.db.execute(sql`update users set active = false where role = 'manager' and id <> ${manager.user.id}`);
    source = await connectedSource("Website form");
  });

  it("becomes a lead of its source in a manager's queue with a first-contact deadline, and is logged", async () => {
    const res = await post(source.token, {
      legalName: "  Horizon Trade LLC ",
      legalId: "32855961",
      contactName: "Olena Bondar",
      phone: "+38 (067) 300-00-01",
      email: "Olena@Horizon.UA",
      comment: "Need 40 pallets monthly",
      industry: "Logistics",
      region: "Kyiv",
      extra: { utm_source: "google", page: "/pricing" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ leadId: expect.any(Number) });
    const id = res.body.leadId as number;

    const card = (await head.get(`/api/companies/${id}`)).body;
    expect(card.company).toMatchObject({
      legalName: "Horizon Trade LLC",
      legalId: "32855961",
      legalIdKind: "edrpou",
      industry: "Logistics",
      region: "Kyiv",
      stage: "lead",
      sourceId: source.id,
      source: "Website form",
      holder: { userId: manager.user.id, tier: 2 },
    });
    expect(card.contacts).toEqual([expect.objectContaining({ fullName: "Olena Bondar", phones: ["+380673000001"], emails: ["olena@horizon.ua"] })]);

    const [holding] = await rows<{ queue_day: string; first_contact_due_at: Date | null }>(
      sql`select to_char(queue_day, 'YYYY-MM-DD') as queue_day, first_contact_due_at from holdings where company_id = ${id} and ended_at is null`,
    );
    const today = dayOf(new Date(), wh);
    expect(holding!.queue_day).toBe(workingDayFrom(today, wh));
    expect(holding!.first_contact_due_at).not.toBeNull();
    if (holding!.queue_day === today) {
      const queue = await manager.get("/api/conversion/queue");
      expect(queue.body.items.map((i: { company: { id: number } }) => i.company.id)).toContain(id);
    }

    const timeline = (await head.get(`/api/companies/${id}/timeline`)).body.items as { kind: string; text: string | null; data: Record<string, unknown> }[];
    expect(timeline.find((a) => a.kind === "company_created")).toMatchObject({ text: "Need 40 pallets monthly", data: { stage: "lead", via: "intake", sourceId: source.id, source: "Website form" } });
    expect(timeline.find((a) => a.kind === "holder_assigned")).toMatchObject({ data: { userId: manager.user.id, tier: 2, via: "intake" } });

    const [logged] = await intakes(source.id);
    expect(logged).toMatchObject({ outcome: "accepted", error_code: null, company_id: id });
    expect(logged!.payload).toMatchObject({ legalName: "  Horizon Trade LLC ", phone: "+38 (067) 300-00-01", extra: { utm_source: "google", page: "/pricing" } });
    expect((await counted(source.id)).last24h).toMatchObject({ accepted: 1 });
  });

  it("needs only a phone or an email; the contact is then named by it", async () => {
    const res = await post(source.token, { legalName: "Email Only LLC", email: "hello@emailonly.ua" });
    expect(res.status).toBe(201);
    const card = (await head.get(`/api/companies/${res.body.leadId}`)).body;
    expect(card.contacts).toEqual([expect.objectContaining({ fullName: "hello@emailonly.ua", phones: [], emails: ["hello@emailonly.ua"] })]);
  });

  it("keeps a huge `extra` out of the log but still takes the lead", async () => {
    const res = await post(source.token, { legalName: "Big Extra LLC", phone: "067 300 00 09", extra: { blob: "x".repeat(10_000) } });
    expect(res.status).toBe(201);
    const logged = (await intakes(source.id)).find((r) => r.company_id === res.body.leadId)!;
    expect(logged.payload.extra).toEqual({ dropped: "too_large", bytes: expect.any(Number) });
  });
});

describe("rejected posts", () => {
  let source: { id: number; token: string };
  beforeAll(async () => {
    source = await connectedSource("Partner feed", { kind: "partner" });
  });

  it("a missing or wrong token is 401 and is not logged against any source", async () => {
    const before = (await rows<{ n: number }>(sql`select count(*)::int as n from lead_intakes`))[0]!.n;
    for (const token of [null, "", "cvi_wrong", source.token + "x"]) {
      const res = await post(token, { legalName: "Anyone LLC", phone: "067 400 00 01" });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("intake_token_invalid");
    }
    // A bad body with a bad token: still 401, the token comes first.
    expect((await post("cvi_wrong", { nonsense: true })).status).toBe(401);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from lead_intakes`))[0]!.n).toBe(before);
  });

  it.each([
    [{ phone: "067 400 00 02" }, "validation_failed"],
    [{ legalName: "Stray LLC", phone: "067 400 00 03", owner: "me" }, "validation_failed"],
    [{ legalName: "Too Long LLC", phone: "067 400 00 04", comment: "x".repeat(5_001) }, "validation_failed"],
    [{ legalName: "   ", phone: "067 400 00 05" }, "validation_failed"],
    [{ legalName: "No Contact LLC", contactName: "Somebody" }, "lead_contact_required"],
    [{ legalName: "Blank Contact LLC", phone: " ", email: "" }, "lead_contact_required"],
    [{ legalName: "Bad Phone LLC", phone: "067 400" }, "invalid_phone"],
    [{ legalName: "Bad Email LLC", email: "not-an-email" }, "invalid_email"],
    [{ legalName: "Bad Tax Id LLC", legalId: "32855962", phone: "067 400 00 06" }, "invalid_legal_id"],
  ])("refuses %j with %s, creates nothing, and logs it as invalid", async (body, code) => {
    const companiesBefore = (await rows<{ n: number }>(sql`select count(*)::int as n from companies`))[0]!.n;
    const invalidBefore = (await counted(source.id)).last24h.invalid!;
    const res = await post(source.token, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from companies`))[0]!.n).toBe(companiesBefore);
    const last = (await intakes(source.id)).at(-1)!;
    expect(last).toMatchObject({ outcome: "invalid", error_code: code, company_id: null });
    const counts = await counted(source.id);
    expect(counts.last24h.invalid).toBe(invalidBefore + 1);
    expect(counts.last7d.invalid).toBe(invalidBefore + 1);
  });

  it("a switched-off source answers 409 and logs the post", async () => {
    const off = await connectedSource("Old partner", { kind: "partner" });
    await head.patch(`/api/sources/${off.id}`, { active: false });
    const res = await post(off.token, { legalName: "Late Lead LLC", phone: "067 400 00 07" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("source_inactive");
    expect(await intakes(off.id)).toEqual([expect.objectContaining({ outcome: "invalid", error_code: "source_inactive" })]);
  });
});

describe("duplicates", () => {
  let source: { id: number; token: string };
  let existing: { id: number };
  beforeAll(async () => {
    source = await connectedSource("Exhibition leads", { kind: "exhibition" });
    existing = (
      await head.post("/api/companies", {
        legalName: "Existing Client LLC",
        legalId: "7736050003",
        contacts: [{ fullName: "Ivan", phones: ["+380675000001"], emails: ["Buyer@Existing.UA"] }],
      })
    ).body.company;
  });

  it.each([
    ["tax id", { legalName: "Renamed Client", legalId: "7736050003", phone: "067 500 00 99" }, "legal_id"],
    ["phone in another format", { legalName: "Other Name", phone: "+38 067 500-00-01" }, "phone"],
    ["email in another case", { legalName: "Third Name", email: "BUYER@existing.ua" }, "email"],
  ])("by %s: 409 without the existing company's details, logged, noted on its timeline", async (_by, body, matchedBy) => {
    const res = await post(source.token, { ...body, comment: "Interested again" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("lead_duplicate");
    expect(res.body.error.details).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain("Existing Client");
    expect((await intakes(source.id)).at(-1)).toMatchObject({ outcome: "duplicate", error_code: "lead_duplicate", company_id: existing.id });
    const [entry] = (await head.get(`/api/companies/${existing.id}/timeline`)).body.items;
    expect(entry).toMatchObject({ kind: "lead_reposted", actor: null, text: "Interested again", data: { sourceId: source.id, source: "Exhibition leads", matchedBy } });
  });

  it("counts every duplicate against the source", async () => {
    expect((await counted(source.id)).last24h).toMatchObject({ accepted: 0, duplicate: 3 });
  });

  it("of concurrent posts of the same phone, exactly one is accepted", async () => {
    const other = await connectedSource("Second form");
    const posts = Array.from({ length: 6 }, (_, i) =>
      post(i % 2 ? other.token : source.token, { legalName: `Racer ${i} LLC`, phone: "+380675550000" }),
    );
    const results = await Promise.all(posts);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from contact_phones where e164 = '+380675550000'`))[0]!.n).toBe(1);
  });
});

describe("the hourly limit", () => {
  it("answers 429 past the source's hourly limit, logs it, and does not count refusals towards the next hour", async () => {
    const source = await connectedSource("Spammy partner", { kind: "partner", intakeHourlyLimit: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await post(source.token, { legalName: `Burst ${i} LLC`, phone: `067 600 00 0${i}` })).status);
    statuses.push((await post(source.token, { legalName: "Burst bad", phone: "1" })).status);
    const limited = await post(source.token, { legalName: "Burst 3 LLC", phone: "067 600 00 03" });
    expect(statuses).toEqual([201, 201, 400]);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("intake_rate_limited");
    expect((await post(source.token, { legalName: "Burst 4 LLC", phone: "067 600 00 04" })).status).toBe(429);
    expect(await rows<{ n: number }>(sql`select count(*)::int as n from companies where legal_name like 'Burst%'`)).toEqual([{ n: 2 }]);
    expect((await counted(source.id)).last24h).toEqual({ accepted: 2, duplicate: 0, invalid: 1, rate_limited: 2 });

    // An hour later the window has moved: the limit opens again.
    await server.database.db.execute(sql`update lead_intakes set received_at = received_at - interval '61 minutes' where source_id = ${source.id}`);
    expect((await post(source.token, { legalName: "Next Hour LLC", phone: "067 600 00 05" })).status).toBe(201);

    // Raising the limit takes effect at once.
    await head.patch(`/api/sources/${source.id}`, { intakeHourlyLimit: 1 });
    expect((await post(source.token, { legalName: "Over LLC", phone: "067 600 00 06" })).status).toBe(429);
  });

  it("holds under concurrent posts: never more accepted than the limit", async () => {
    const source = await connectedSource("Flooded form", { intakeHourlyLimit: 4 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => post(source.token, { legalName: `Flood ${i} LLC`, phone: `067 700 00 ${String(i).padStart(2, "0")}` })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });
});
