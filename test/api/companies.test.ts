import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

let server: TestServer;
let head: ApiClient & { user: TestUser };
beforeAll(async () => {
  server = await startTestServer({ DEFAULT_COUNTRY: "UA" });
  head = await server.signedIn("head");
});
afterAll(() => server.close());

const count = async (table: string) =>
  (await selectRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

/** A lead source made through the API, as the head would. */
const newSource = async (name: string, extra: Record<string, unknown> = {}) => {
  const res = await head.post("/api/sources", { name, kind: "other", ...extra });
  expect(res.status).toBe(201);
  return res.body.source as { id: number; name: string };
};

describe("adding companies", () => {
  it("stores a company with a normalised tax id and contacts with E.164 phones and lower-case emails", async () => {
    const exhibition = await newSource("Exhibition", { kind: "exhibition" });
    const res = await head.post("/api/companies", {
      legalName: 'ТОВ "Сонячна Долина"',
      legalId: "3-2-8-5-5-9-6-1",
      industry: "Agro",
      size: "medium",
      region: "Kyiv",
      sourceId: exhibition.id,
      groupName: "Долина Холдинг",
      contacts: [
        { fullName: "Олег Бондар", position: "Директор", phones: ["067 555 12 34", "+38 (044) 234-56-78"], emails: ["Oleg@Dolyna.UA"], decisionMaker: true },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.company).toMatchObject({
      legalName: 'ТОВ "Сонячна Долина"',
      legalId: "32855961",
      legalIdKind: "edrpou",
      stage: "cold",
      holder: null,
      sourceId: exhibition.id,
      source: "Exhibition",
    });
    const card = await head.get(`/api/companies/${res.body.company.id}`);
    expect(card.status).toBe(200);
    expect(card.body.contacts).toEqual([
      expect.objectContaining({ fullName: "Олег Бондар", phones: ["+380675551234", "+380442345678"], emails: ["oleg@dolyna.ua"], decisionMaker: true }),
    ]);
    const timeline = await head.get(`/api/companies/${res.body.company.id}/timeline`);
    expect(timeline.body.items.map((a: { kind: string }) => a.kind).sort()).toEqual(["company_created", "contact_added"]);
    const created = timeline.body.items.find((a: { kind: string }) => a.kind === "company_created");
    expect(created.data).toMatchObject({ stage: "cold", sourceId: exhibition.id, source: "Exhibition" });
  });

  it.each([
    [{ legalName: "Bad INN", legalId: "7707083894" }, "invalid_legal_id"],
    [{ legalName: "Bad EDRPOU", legalId: "32855962" }, "invalid_legal_id"],
    [{ legalName: "Letters", legalId: "77O7083893" }, "invalid_legal_id"],
    [{ legalName: "Bad phone", contacts: [{ fullName: "X", phones: ["12"] }] }, "validation_failed"],
    [{ legalName: "Bad phone", contacts: [{ fullName: "X", phones: ["067 555"] }] }, "invalid_phone"],
    [{ legalName: "Bad email", contacts: [{ fullName: "X", emails: ["not-an-email"] }] }, "invalid_email"],
    [{ legalName: "" }, "validation_failed"],
    [{ legalName: "Bad size", size: "huge" }, "validation_failed"],
    [{ legalName: "Stray", owner: "me" }, "validation_failed"],
    [{ legalName: "Free-text source", source: "partner" }, "validation_failed"],
    [{ legalName: "Unknown source", sourceId: 999_999 }, "unknown_source"],
    [{ legalName: "Source as text", sourceId: "partner" }, "validation_failed"],
    [{ legalName: "Source zero", sourceId: 0 }, "validation_failed"],
  ])("refuses %j with %s and stores nothing", async (body, code) => {
    const before = await count("companies");
    const activitiesBefore = await count("activities");
    const res = await head.post("/api/companies", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(await count("companies")).toBe(before);
    expect(await count("activities")).toBe(activitiesBefore);
  });

  it("names the field of a bad phone and answers in the user's language", async () => {
    const ru = await server.signedIn(await server.createUser("head", undefined, { language: "ru" }));
    const res = await ru.post("/api/companies", { legalName: "X", contacts: [{ fullName: "A" }, { fullName: "B", phones: ["+380 67 555 12 34", "abc123"] }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_phone", message: "Номер телефона недействителен.", details: { field: "contacts.1.phones.1" } });
  });

  it("refuses a duplicate tax id with 409 naming the existing company, however it is typed", async () => {
    const first = await head.post("/api/companies", { legalName: 'ПАО "Сбербанк"', legalId: "7707083893" });
    expect(first.status).toBe(201);
    const dup = await head.post("/api/companies", { legalName: "Sberbank again", legalId: "77 0708 3893" });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: "company_duplicate", details: { companyId: first.body.company.id, legalName: 'ПАО "Сбербанк"' } });
  });

  it("refuses a phone that already belongs to another company with 409 naming it", async () => {
    const first = await head.post("/api/companies", { legalName: "Phone Owner", contacts: [{ fullName: "A", phones: ["050 111 22 33"] }] });
    const dup = await head.post("/api/companies", { legalName: "Phone Thief", contacts: [{ fullName: "B", phones: ["+380501112233"] }] });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: "phone_taken", details: { companyId: first.body.company.id, legalName: "Phone Owner", phone: "+380501112233" } });
  });

  it("keeps the tax id unique under concurrent requests: one wins, the rest hear who", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => head.post("/api/companies", { legalName: `Race ${i}`, legalId: "500100732259" })),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const winner = attempts.find((a) => a.status === 201)!.body.company;
    for (const loser of attempts.filter((a) => a.status === 409)) expect(loser.body.error.details.companyId).toBe(winner.id);
  });

  it.each(["account_manager", "back_office"] as const)("refuses %s adding companies", async (role) => {
    const client = await server.signedIn(role);
    const res = await client.post("/api/companies", { legalName: "Not mine to add" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("gives a caller's new prospect to that caller in tier 1, and a manager's to the manager as a lead", async () => {
    const caller = await server.signedIn("caller");
    const mine = await caller.post("/api/companies", { legalName: "Found by a caller" });
    expect(mine.status).toBe(201);
    expect(mine.body.company).toMatchObject({ stage: "cold", holder: { userId: caller.user.id, tier: 1, termUntil: null } });
    const manager = await server.signedIn("manager");
    const lead = await manager.post("/api/companies", { legalName: "Inbound request" });
    expect(lead.body.company).toMatchObject({ stage: "lead", holder: { userId: manager.user.id, tier: 2 } });
    const term = new Date(lead.body.company.holder.termUntil).getTime() - new Date(lead.body.company.holder.since).getTime();
    expect(Math.round(term / 86_400_000)).toBe(30);
  });
});

describe("finding companies", () => {
  let found: { id: number };
  let partner: { id: number };
  beforeAll(async () => {
    partner = await newSource("Partner Romashka", { kind: "partner" });
    const res = await head.post("/api/companies", {
      legalName: 'ООО «Ромашка-Трейд»',
      legalId: "7736050003",
      industry: "Retail",
      region: "Moscow",
      size: "small",
      sourceId: partner.id,
      contacts: [{ fullName: "Анна Смирнова", phones: ["+7 916 123-45-67"] }],
    });
    expect(res.status).toBe(201);
    found = res.body.company;
    for (let i = 0; i < 3; i++) await head.post("/api/companies", { legalName: `Ромашка филиал ${i}`, industry: "Retail", region: "Kazan" });
  });

  const ids = (res: { body: { items: { id: number }[] } }) => res.body.items.map((c) => c.id);

  it("finds by full phone in any format, and by a partial number", async () => {
    for (const q of ["+79161234567", "+7 (916) 123-45-67", "7916123"]) {
      const res = await head.get(`/api/companies?q=${encodeURIComponent(q)}`);
      expect(ids(res), q).toEqual([found.id]);
    }
  });

  it("finds by tax id and its prefix", async () => {
    expect(ids(await head.get("/api/companies?q=7736050003"))).toEqual([found.id]);
    expect(ids(await head.get("/api/companies?q=773605"))).toContain(found.id);
  });

  it("finds by name prefix ignoring legal form, quotes and case", async () => {
    const res = await head.get(`/api/companies?q=${encodeURIComponent("ромашка-тр")}`);
    expect(ids(res)).toEqual([found.id]);
    const all = await head.get(`/api/companies?q=${encodeURIComponent("ООО Ромашка")}`);
    expect(ids(all).length).toBe(4);
    expect((await head.get(`/api/companies?q=${encodeURIComponent("%")}`)).body.items).toEqual([]);
  });

  it("filters by stage, industry, region, size and source, and pages", async () => {
    const res = await head.get("/api/companies?industry=Retail&region=Kazan&limit=2");
    expect(res.body.items).toHaveLength(2);
    expect(res.body.hasMore).toBe(true);
    const next = await head.get("/api/companies?industry=Retail&region=Kazan&limit=2&offset=2");
    expect(next.body.items).toHaveLength(1);
    expect(next.body.hasMore).toBe(false);
    expect(ids(await head.get(`/api/companies?size=small&sourceId=${partner.id}&stage=cold`))).toEqual([found.id]);
    expect(ids(await head.get(`/api/companies?sourceId=${partner.id}&region=Kazan`))).toEqual([]);
    const facets = await head.get("/api/companies/facets");
    expect(facets.body.industries).toContain("Retail");
    expect(facets.body.regions).toEqual(expect.arrayContaining(["Moscow", "Kazan"]));
    // Sources are picked from /api/sources/options, not from the companies' values.
    expect(facets.body).not.toHaveProperty("sources");
  });

  it("rejects bad filters", async () => {
    for (const q of ["stage=warm", "limit=0", "limit=1000", "size=huge", "offset=-1", "holderId=abc", "sourceId=abc", "source=partner"]) {
      const res = await head.get(`/api/companies?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });

  it("shows a tier worker only the companies they hold, and refuses the rest", async () => {
    const caller = await server.signedIn("caller");
    const own = await caller.post("/api/companies", { legalName: "Ромашка моя" });
    const search = await caller.get(`/api/companies?q=${encodeURIComponent("ромашка")}`);
    expect(ids(search)).toEqual([own.body.company.id]);
    expect(ids(await caller.get("/api/companies"))).toEqual([own.body.company.id]);
    const card = await caller.get(`/api/companies/${found.id}`);
    expect(card.status).toBe(403);
    expect((await caller.get(`/api/companies/${found.id}/timeline`)).status).toBe(403);
    expect((await caller.patch(`/api/companies/${found.id}`, { industry: "Hacked" })).status).toBe(403);
    expect((await caller.get("/api/companies/facets")).status).toBe(403);
  });

  it("pages through a prefix in name order without gaps or repeats", async () => {
    const names = ["Пейджер Е", "Пейджер А", "Пейджер Д", "Пейджер Б", "Пейджер Г", "Пейджер В"];
    for (const legalName of names) await head.post("/api/companies", { legalName });
    const seen: string[] = [];
    for (let offset = 0; ; offset += 4) {
      const res = await head.get(`/api/companies?q=${encodeURIComponent("пейджер")}&limit=4&offset=${offset}`);
      seen.push(...res.body.items.map((c: { legalName: string }) => c.legalName));
      if (!res.body.hasMore) break;
    }
    expect(seen).toEqual([...names].sort());
  });

  it("finds a tier worker's own company even when many others match first", async () => {
    for (let i = 0; i < 5; i++) await head.post("/api/companies", { legalName: `Акация ${i}` });
    const caller = await server.signedIn("caller");
    const own = (await caller.post("/api/companies", { legalName: "Акация Яблоневая" })).body.company;
    const res = await caller.get(`/api/companies?q=${encodeURIComponent("акация")}&limit=2`);
    expect(ids(res)).toEqual([own.id]);
    const filtered = await head.get(`/api/companies?q=${encodeURIComponent("акация")}&holderId=${caller.user.id}&limit=1`);
    expect(ids(filtered)).toEqual([own.id]);
  });

  it("lets the back office browse the whole base but not change it", async () => {
    const backOffice = await server.signedIn("back_office");
    expect(ids(await backOffice.get("/api/companies?q=7736050003"))).toEqual([found.id]);
    expect((await backOffice.get(`/api/companies/${found.id}`)).status).toBe(200);
    const edit = await backOffice.patch(`/api/companies/${found.id}`, { industry: "Hacked" });
    expect(edit.status).toBe(403);
  });

  it("answers 404 for a missing company", async () => {
    const res = await head.get("/api/companies/987654");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("company_not_found");
    expect((await head.get("/api/companies/abc")).status).toBe(400);
  });
});

describe("changing companies", () => {
  it("records every changed field on the timeline, and nothing when nothing changed", async () => {
    const created = (await head.post("/api/companies", { legalName: "Old Name", industry: "IT" })).body.company;
    const res = await head.patch(`/api/companies/${created.id}`, { legalName: "New Name", industry: "IT", region: "Lviv" });
    expect(res.status).toBe(200);
    expect(res.body.company).toMatchObject({ legalName: "New Name", region: "Lviv" });
    const timeline = (await head.get(`/api/companies/${created.id}/timeline`)).body.items;
    expect(timeline[0]).toMatchObject({
      kind: "company_updated",
      data: { changes: { legalName: { from: "Old Name", to: "New Name" }, region: { from: null, to: "Lviv" } } },
    });
    expect(timeline[0].data.changes).not.toHaveProperty("industry");
    await head.patch(`/api/companies/${created.id}`, { industry: "IT" });
    expect((await head.get(`/api/companies/${created.id}/timeline`)).body.items).toHaveLength(timeline.length);
    expect((await head.get(`/api/companies?q=${encodeURIComponent("new na")}`)).body.items.map((c: { id: number }) => c.id)).toEqual([created.id]);
  });

  it("refuses to take another company's tax id", async () => {
    const a = (await head.post("/api/companies", { legalName: "A", legalId: "7702070139" })).body.company;
    const b = (await head.post("/api/companies", { legalName: "B" })).body.company;
    const res = await head.patch(`/api/companies/${b.id}`, { legalId: "7702070139" });
    expect(res.status).toBe(409);
    expect(res.body.error.details.companyId).toBe(a.id);
  });
});

describe("a company's lead source", () => {
  it("takes an active source on creation and refuses a switched-off one, storing nothing", async () => {
    const retired = await newSource("Retired fair", { kind: "exhibition", active: false });
    const before = await count("companies");
    const res = await head.post("/api/companies", { legalName: "Late Visitor LLC", sourceId: retired.id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("source_inactive");
    expect(await count("companies")).toBe(before);
  });

  it("keeps a source that was switched off later when the card is edited, but does not move a company to it", async () => {
    const fair = await newSource("Autumn fair", { kind: "exhibition" });
    const other = await newSource("Old mailing", { kind: "other" });
    const company = (await head.post("/api/companies", { legalName: "Fair Visitor LLC", sourceId: fair.id })).body.company;
    const moved = (await head.post("/api/companies", { legalName: "Mailing Reader LLC", sourceId: other.id })).body.company;
    expect((await head.patch(`/api/sources/${fair.id}`, { active: false })).status).toBe(200);

    const edit = await head.patch(`/api/companies/${company.id}`, { region: "Lviv", sourceId: fair.id });
    expect(edit.status).toBe(200);
    expect(edit.body.company).toMatchObject({ region: "Lviv", sourceId: fair.id, source: "Autumn fair" });

    const refused = await head.patch(`/api/companies/${moved.id}`, { sourceId: fair.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("source_inactive");
    const unknown = await head.patch(`/api/companies/${moved.id}`, { sourceId: 999_999 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("unknown_source");
    expect((await head.get(`/api/companies/${moved.id}`)).body.company.sourceId).toBe(other.id);
  });

  it("records a change of source by name on the timeline, and can clear it", async () => {
    const a = await newSource("Source A");
    const b = await newSource("Source B");
    const company = (await head.post("/api/companies", { legalName: "Switcher LLC", sourceId: a.id })).body.company;
    const res = await head.patch(`/api/companies/${company.id}`, { sourceId: b.id });
    expect(res.body.company).toMatchObject({ sourceId: b.id, source: "Source B" });
    const [entry] = (await head.get(`/api/companies/${company.id}/timeline`)).body.items;
    expect(entry).toMatchObject({ kind: "company_updated", data: { changes: { source: { from: "Source A", to: "Source B" } }, sourceId: { from: a.id, to: b.id } } });
    const cleared = await head.patch(`/api/companies/${company.id}`, { sourceId: null });
    expect(cleared.body.company).toMatchObject({ sourceId: null, source: null });
  });
});
