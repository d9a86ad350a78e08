import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * Lead sources over HTTP: the head sets them up (name unique in any case, cost with its
 * currency, an active owner, an hourly intake limit) and connects their intake with a token
 * shown once; an owner sees only the sources they own; whoever adds companies picks from the
 * active ones.
 */
let server: TestServer;
let head: ApiClient & { user: TestUser };
let admin: ApiClient & { user: TestUser };
let caller: ApiClient & { user: TestUser };
let manager: ApiClient & { user: TestUser };
let accountManager: ApiClient & { user: TestUser };
let backOffice: ApiClient & { user: TestUser };

beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  admin = await server.signedIn("admin");
  caller = await server.signedIn("caller");
  manager = await server.signedIn("manager");
  accountManager = await server.signedIn("account_manager");
  backOffice = await server.signedIn("back_office");
});
afterAll(() => server.close());

type Source = { id: number; name: string; [key: string]: unknown };
const create = async (body: Record<string, unknown>, as: ApiClient = head): Promise<Source> => {
  const res = await as.post("/api/sources", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.source;
};
const postLead = (token: string, body: unknown) =>
  fetch(`${server.url}/api/intake/leads`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe("setting up sources", () => {
  it("the head adds a source with its cost, currency and owner; it lists with zero intake counts", async () => {
    const source = await create({ name: "  Partner BusinessConsult ", kind: "partner", costPerLeadMinor: 45_000, currency: "UAH", ownerId: manager.user.id, intakeHourlyLimit: 50 });
    expect(source).toMatchObject({
      name: "Partner BusinessConsult",
      kind: "partner",
      costPerLeadMinor: 45_000,
      currency: "UAH",
      owner: { id: manager.user.id, fullName: expect.any(String) },
      active: true,
      waitingLeads: 0,
      intake: { enabled: false, hourlyLimit: 50, last24h: { accepted: 0, duplicate: 0, invalid: 0, rate_limited: 0 }, last7d: { accepted: 0, duplicate: 0, invalid: 0, rate_limited: 0 } },
    });
    const list = await head.get("/api/sources");
    expect(list.status).toBe(200);
    expect(list.body.items.find((s: Source) => s.id === source.id)).toEqual(source);
  });

  it("an admin may set sources up too; a source needs no cost and no owner", async () => {
    const source = await create({ name: "Cold base 2025", kind: "cold_base" }, admin);
    expect(source).toMatchObject({ costPerLeadMinor: null, currency: null, owner: null, intake: { enabled: false, hourlyLimit: 120 } });
  });

  it("refuses a name already taken in any case, on creation and on rename", async () => {
    const a = await create({ name: "Google Ads", kind: "ads" });
    const taken = await head.post("/api/sources", { name: "google ads", kind: "ads" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("source_name_taken");
    const b = await create({ name: "Facebook Ads", kind: "ads" });
    const rename = await head.patch(`/api/sources/${b.id}`, { name: "GOOGLE ADS" });
    expect(rename.status).toBe(409);
    expect(rename.body.error.code).toBe("source_name_taken");
    // Renaming a source to its own name in another case is fine.
    const same = await head.patch(`/api/sources/${a.id}`, { name: "Google ADS" });
    expect(same.status).toBe(200);
    expect(same.body.source.name).toBe("Google ADS");
  });

  it.each([
    [{ name: "No currency", kind: "ads", costPerLeadMinor: 100 }],
    [{ name: "No cost", kind: "ads", currency: "UAH" }],
    [{ name: "Negative", kind: "ads", costPerLeadMinor: -1, currency: "UAH" }],
    [{ name: "Bad currency", kind: "ads", costPerLeadMinor: 100, currency: "uah" }],
    [{ name: "Bad kind", kind: "billboard" }],
    [{ name: "", kind: "ads" }],
    [{ name: "   ", kind: "ads" }],
    [{ name: "Zero limit", kind: "ads", intakeHourlyLimit: 0 }],
    [{ name: "Huge limit", kind: "ads", intakeHourlyLimit: 100_001 }],
    [{ name: "Unknown owner", kind: "ads", ownerId: 999_999 }],
    [{ name: "Stray field", kind: "ads", token: "x" }],
  ])("refuses %j with validation_failed and stores nothing", async (body) => {
    const before = (await head.get("/api/sources")).body.items.length;
    const res = await head.post("/api/sources", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect((await head.get("/api/sources")).body.items.length).toBe(before);
  });

  it("refuses an owner who is deactivated", async () => {
    const gone = await server.createUser("manager", undefined, { active: false });
    const res = await head.post("/api/sources", { name: "Gone owner's", kind: "referral", ownerId: gone.id });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed", details: { fields: [{ field: "body.ownerId", rule: "active_user" }] } });
  });

  it("changes a source: cost with its currency, owner, switch, limit; a cost without a currency is refused", async () => {
    const source = await create({ name: "Exhibition Agro", kind: "exhibition" });
    const onlyCost = await head.patch(`/api/sources/${source.id}`, { costPerLeadMinor: 60_000 });
    expect(onlyCost.status).toBe(400);
    const priced = await head.patch(`/api/sources/${source.id}`, { costPerLeadMinor: 60_000, currency: "UAH", ownerId: caller.user.id, intakeHourlyLimit: 10 });
    expect(priced.status).toBe(200);
    expect(priced.body.source).toMatchObject({ costPerLeadMinor: 60_000, currency: "UAH", owner: { id: caller.user.id }, intake: { hourlyLimit: 10 } });
    // The cost alone may change once the currency is known; both may be cleared together.
    expect((await head.patch(`/api/sources/${source.id}`, { costPerLeadMinor: 0 })).body.source).toMatchObject({ costPerLeadMinor: 0, currency: "UAH" });
    expect((await head.patch(`/api/sources/${source.id}`, { currency: null })).status).toBe(400);
    const cleared = await head.patch(`/api/sources/${source.id}`, { costPerLeadMinor: null, currency: null, ownerId: null, active: false });
    expect(cleared.body.source).toMatchObject({ costPerLeadMinor: null, currency: null, owner: null, active: false });
    expect((await head.patch(`/api/sources/${source.id}`, {})).status).toBe(400);
  });

  it("answers 404 for a source that does not exist", async () => {
    const res = await head.patch("/api/sources/999999", { active: false });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("source_not_found");
    expect((await head.post("/api/sources/999999/intake-token")).body.error.code).toBe("source_not_found");
    expect((await head.get("/api/sources/999999/intakes")).status).toBe(404);
  });
});

describe("who may do what with sources", () => {
  let source: Source;
  beforeAll(async () => {
    source = await create({ name: "Refusals check", kind: "other" });
  });

  it.each(["caller", "manager", "account_manager", "back_office"] as const)("a %s may not create, change or connect sources", async (role) => {
    const client = { caller, manager, account_manager: accountManager, back_office: backOffice }[role];
    const attempts = [
      await client.post("/api/sources", { name: `By ${role}`, kind: "other" }),
      await client.patch(`/api/sources/${source.id}`, { active: false }),
      await client.post(`/api/sources/${source.id}/intake-token`),
      await client.request("DELETE", `/api/sources/${source.id}/intake-token`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const [row] = await selectRows<{ active: boolean; intake_token_hash: string | null }>(
      server.database.db,
      sql`select active, intake_token_hash from lead_sources where id = ${source.id}`,
    );
    expect(row).toEqual({ active: true, intake_token_hash: null });
  });

  it("an owner sees only the sources they own; someone who owns none gets an empty list", async () => {
    const mine = await create({ name: "Manager's partner", kind: "partner", ownerId: manager.user.id });
    await create({ name: "Someone else's", kind: "partner", ownerId: head.user.id });
    const seen = (await manager.get("/api/sources")).body.items as Source[];
    expect(seen.map((s) => s.id)).toContain(mine.id);
    expect(seen.every((s) => (s.owner as { id: number }).id === manager.user.id)).toBe(true);
    const nobody = await accountManager.get("/api/sources");
    expect(nobody.status).toBe(200);
    expect(nobody.body.items).toEqual([]);
  });

  it("lists the active sources as options for those who add or browse companies, and refuses the account manager", async () => {
    const off = await create({ name: "Switched off", kind: "other", active: false });
    for (const client of [head, admin, caller, manager, backOffice]) {
      const res = await client.get("/api/sources/options");
      expect(res.status).toBe(200);
      const ids = res.body.items.map((o: { id: number }) => o.id);
      expect(ids).toContain(source.id);
      expect(ids).not.toContain(off.id);
      expect(res.body.items.find((o: { id: number }) => o.id === source.id)).toEqual({ id: source.id, name: "Refusals check", kind: "other" });
    }
    const refused = await accountManager.get("/api/sources/options");
    expect(refused.status).toBe(403);
  });

  it("the intake log is for the head and the source's owner only", async () => {
    const owned = await create({ name: "Caller's referral", kind: "referral", ownerId: caller.user.id });
    expect((await caller.get(`/api/sources/${owned.id}/intakes`)).status).toBe(200);
    expect((await head.get(`/api/sources/${owned.id}/intakes`)).status).toBe(200);
    for (const other of [manager, accountManager, backOffice]) {
      const res = await other.get(`/api/sources/${owned.id}/intakes`);
      expect(res.status).toBe(403);
    }
    // Not the head: a missing source looks the same as someone else's.
    expect((await manager.get("/api/sources/999999/intakes")).status).toBe(403);
    expect((await head.get(`/api/sources/${owned.id}/intakes?outcome=spam`)).status).toBe(400);
  });
});

describe("the intake token", () => {
  it("is shown once, stored only as a hash, rotates (the old one stops) and switches off", async () => {
    const source = await create({ name: "Website form", kind: "web_form" });
    const first = await head.post(`/api/sources/${source.id}/intake-token`);
    expect(first.status).toBe(201);
    expect(first.body.token).toMatch(/^cvi_[A-Za-z0-9_-]{40,}$/);
    const [stored] = await selectRows<{ intake_token_hash: string }>(server.database.db, sql`select intake_token_hash from lead_sources where id = ${source.id}`);
    expect(stored!.intake_token_hash).not.toContain(first.body.token);
    expect(stored!.intake_token_hash).not.toBe(first.body.token);
    const listed = (await head.get("/api/sources")).body.items.find((s: Source) => s.id === source.id);
    expect(listed.intake.enabled).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(first.body.token);

    expect((await postLead(first.body.token, { legalName: "First Lead LLC", phone: "+380671110001" })).status).toBe(201);
    const second = await head.post(`/api/sources/${source.id}/intake-token`);
    expect(second.body.token).not.toBe(first.body.token);
    expect((await postLead(first.body.token, { legalName: "Old Token LLC", phone: "+380671110002" })).status).toBe(401);
    expect((await postLead(second.body.token, { legalName: "New Token LLC", phone: "+380671110003" })).status).toBe(201);

    const off = await head.request("DELETE", `/api/sources/${source.id}/intake-token`);
    expect(off.status).toBe(204);
    expect((await postLead(second.body.token, { legalName: "After Off LLC", phone: "+380671110004" })).body.error.code).toBe("intake_token_invalid");
    expect((await head.get("/api/sources")).body.items.find((s: Source) => s.id === source.id).intake.enabled).toBe(false);
  });

  it("shows the owner the posts, but not the client's details of a lead they do not hold", async () => {
    const source = await create({ name: "Caller's partner", kind: "partner", ownerId: caller.user.id });
    const { token } = (await head.post(`/api/sources/${source.id}/intake-token`)).body;
    await server.createUser("manager");
    expect((await postLead(token, { legalName: "Secret Client LLC", phone: "+380671110010", comment: "call me" })).status).toBe(201);
    expect((await postLead(token, { legalName: "No Contact LLC" })).status).toBe(400);

    const own = await caller.get(`/api/sources/${source.id}/intakes`);
    expect(own.status).toBe(200);
    const accepted = own.body.items.find((i: { outcome: string }) => i.outcome === "accepted");
    expect(accepted.company).toMatchObject({ id: expect.any(Number), legalName: null });
    expect(accepted.payload).toEqual({});
    expect(JSON.stringify(own.body)).not.toContain("Secret Client");
    const invalid = own.body.items.find((i: { outcome: string }) => i.outcome === "invalid");
    expect(invalid).toMatchObject({ errorCode: "lead_contact_required", company: null, payload: { legalName: "No Contact LLC" } });

    const byHead = await head.get(`/api/sources/${source.id}/intakes?outcome=accepted`);
    expect(byHead.body.items).toHaveLength(1);
    expect(byHead.body.items[0]).toMatchObject({ outcome: "accepted", company: { legalName: "Secret Client LLC" }, payload: { legalName: "Secret Client LLC", comment: "call me" } });
  });
});
