import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

let server: TestServer;
let caller: ApiClient & { user: TestUser };
let companyId: number;
beforeAll(async () => {
  server = await startTestServer();
  caller = await server.signedIn("caller");
  companyId = (await caller.post("/api/companies", { legalName: "Timeline Co" })).body.company.id;
});
afterAll(() => server.close());

describe("the timeline", () => {
  it("logs calls, meetings, emails and notes by the holder, newest first", async () => {
    const call = await caller.post(`/api/companies/${companyId}/activities`, { kind: "call", text: "Не дозвонился", outcome: "no_answer" });
    expect(call.status).toBe(201);
    expect(call.body.activity).toMatchObject({ kind: "call", text: "Не дозвонился", data: { outcome: "no_answer" }, actor: { id: caller.user.id } });
    await caller.post(`/api/companies/${companyId}/activities`, { kind: "note", text: "Перезвонить после обеда" });
    const page = await caller.get(`/api/companies/${companyId}/timeline`);
    expect(page.body.items[0]).toMatchObject({ kind: "note", text: "Перезвонить после обеда" });
    expect(page.body.items[1]).toMatchObject({ kind: "call" });
  });

  it("counts calls, meetings and emails as touches, and notes not", async () => {
    const fresh = (await caller.post("/api/companies", { legalName: "Touch Co" })).body.company.id;
    const lastTouch = async () =>
      ((await server.database.db.execute(sql`select last_touch_at from companies where id = ${fresh}`)) as unknown as { rows: { last_touch_at: Date | null }[] }).rows[0]!.last_touch_at;
    await caller.post(`/api/companies/${fresh}/activities`, { kind: "note", text: "Only a note" });
    expect(await lastTouch()).toBeNull();
    await caller.post(`/api/companies/${fresh}/activities`, { kind: "email", text: "Sent the catalogue" });
    expect(await lastTouch()).not.toBeNull();
  });

  it("pages with a keyset cursor without gaps or repeats", async () => {
    for (let i = 0; i < 25; i++) await caller.post(`/api/companies/${companyId}/activities`, { kind: "note", text: `n${i}` });
    const seen: number[] = [];
    let before: string | null = null;
    do {
      const page: { body: { items: { id: number }[]; nextBefore: string | null } } = await caller.get(
        `/api/companies/${companyId}/timeline?limit=7${before ? `&before=${encodeURIComponent(before)}` : ""}`,
      );
      seen.push(...page.body.items.map((a) => a.id));
      before = page.body.nextBefore;
    } while (before);
    const all = (await caller.get(`/api/companies/${companyId}/timeline?limit=200`)).body.items.map((a: { id: number }) => a.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses bad entries and bad cursors", async () => {
    expect((await caller.post(`/api/companies/${companyId}/activities`, { kind: "gossip", text: "x" })).status).toBe(400);
    expect((await caller.post(`/api/companies/${companyId}/activities`, { kind: "note", text: "" })).status).toBe(400);
    const bad = await caller.get(`/api/companies/${companyId}/timeline?before=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
  });

  it("refuses logging on a company someone else holds", async () => {
    const other = await server.signedIn("caller");
    const res = await other.post(`/api/companies/${companyId}/activities`, { kind: "note", text: "sneaky" });
    expect(res.status).toBe(403);
  });

  it("is append-only in the database: no entry can be edited or erased", async () => {
    const db = server.database.db;
    await expect(db.execute(sql`update activities set text = 'rewritten' where company_id = ${companyId}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from activities where company_id = ${companyId}`)).rejects.toThrow();
    const page = await caller.get(`/api/companies/${companyId}/timeline?limit=200`);
    expect(page.body.items.some((a: { text: string }) => a.text === "rewritten")).toBe(false);
  });
});
