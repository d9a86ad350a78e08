import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

let server: TestServer;
let head: ApiClient & { user: TestUser };
beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
});
afterAll(() => server.close());

const newCompany = async (name: string) => (await head.post("/api/companies", { legalName: name })).body.company as { id: number };

const openHoldings = async (companyId: number) =>
  selectRows<{ user_id: number; tier: number }>(
    server.database.db,
    sql`select user_id, tier from holdings where company_id = ${companyId} and ended_at is null`,
  );

describe("the conveyor: assign, hand over, hand over again", () => {
  it("moves a company cold -> lead -> customer with a new holder each time and writes the timeline", async () => {
    const caller = await server.signedIn("caller");
    const manager = await server.signedIn("manager");
    const accountManager = await server.signedIn("account_manager");
    const company = await newCompany("Conveyor Ltd");

    const assigned = await head.post(`/api/companies/${company.id}/holder`, { userId: caller.user.id, note: "Call list: Kyiv retail" });
    expect(assigned.status).toBe(200);
    expect(assigned.body.company).toMatchObject({ stage: "cold", holder: { userId: caller.user.id, tier: 1 } });

    const toLead = await caller.post(`/api/companies/${company.id}/handoff`, { toUserId: manager.user.id, note: "Needs 200 units by March", fromStage: "cold" });
    expect(toLead.status).toBe(200);
    expect(toLead.body.company).toMatchObject({ stage: "lead", holder: { userId: manager.user.id, tier: 2 } });
    expect(toLead.body.company.holder.termUntil).not.toBeNull();
    // The caller handed it on and no longer sees it.
    expect((await caller.get(`/api/companies/${company.id}`)).status).toBe(403);

    const toCustomer = await manager.post(`/api/companies/${company.id}/handoff`, { toUserId: accountManager.user.id, note: "Promised delivery in 2 weeks" });
    expect(toCustomer.status).toBe(200);
    expect(toCustomer.body.company).toMatchObject({ stage: "customer", holder: { userId: accountManager.user.id, tier: 3 } });

    const card = await accountManager.get(`/api/companies/${company.id}`);
    expect(card.body.holdings.map((h: { userId: number; endReason: string | null }) => [h.userId, h.endReason])).toEqual([
      [accountManager.user.id, null],
      [manager.user.id, "handed_over"],
      [caller.user.id, "handed_over"],
    ]);
    const timeline = (await accountManager.get(`/api/companies/${company.id}/timeline`)).body.items;
    const handOvers = timeline.filter((a: { kind: string }) => a.kind === "handed_over");
    expect(handOvers.map((a: { data: { fromStage: string; toStage: string } }) => `${a.data.fromStage}->${a.data.toStage}`)).toEqual(["lead->customer", "cold->lead"]);
    expect(handOvers[1]).toMatchObject({ text: "Needs 200 units by March", actor: { id: caller.user.id } });
    expect(await openHoldings(company.id)).toEqual([{ user_id: accountManager.user.id, tier: 3 }]);
  });

  it("refuses a hand-off to the wrong role or past the last stage, changing nothing", async () => {
    const caller = await server.createUser("caller");
    const accountManager = await server.createUser("account_manager");
    const company = await newCompany("Wrong Way LLC");
    const wrongRole = await head.post(`/api/companies/${company.id}/handoff`, { toUserId: accountManager.id });
    expect(wrongRole.status).toBe(409);
    expect(wrongRole.body.error).toMatchObject({ code: "handoff_not_allowed", details: { reason: "wrong_role" } });
    expect((await head.get(`/api/companies/${company.id}`)).body.company.stage).toBe("cold");
    const toCaller = await head.post(`/api/companies/${company.id}/holder`, { userId: accountManager.id });
    expect(toCaller.status).toBe(409);
    expect(toCaller.body.error.code).toBe("assignee_unsuitable");
    const manager = await server.createUser("manager");
    await head.post(`/api/companies/${company.id}/handoff`, { toUserId: manager.id });
    await head.post(`/api/companies/${company.id}/handoff`, { toUserId: accountManager.id });
    const pastEnd = await head.post(`/api/companies/${company.id}/handoff`, { toUserId: caller.id });
    expect(pastEnd.body.error).toMatchObject({ code: "handoff_not_allowed", details: { reason: "stage_final" } });
  });

  it("refuses bad input and unknown or inactive people", async () => {
    const company = await newCompany("Bad Input Inc");
    expect((await head.post(`/api/companies/${company.id}/handoff`, {})).status).toBe(400);
    expect((await head.post(`/api/companies/${company.id}/handoff`, { toUserId: "x" })).status).toBe(400);
    const ghost = await head.post(`/api/companies/${company.id}/handoff`, { toUserId: 99999 });
    expect(ghost.status).toBe(404);
    expect(ghost.body.error.code).toBe("user_not_found");
    const gone = await server.createUser("manager", undefined, { active: false });
    const inactive = await head.post(`/api/companies/${company.id}/handoff`, { toUserId: gone.id });
    expect(inactive.status).toBe(409);
    expect(inactive.body.error.code).toBe("user_inactive");
    expect((await head.post(`/api/companies/424242/handoff`, { toUserId: gone.id })).status).toBe(404);
  });

  it("refuses hand-offs and assignments by people who do not hold the company", async () => {
    const company = await newCompany("Not Yours");
    const holder = await server.createUser("caller");
    await head.post(`/api/companies/${company.id}/holder`, { userId: holder.id });
    const otherCaller = await server.signedIn("caller");
    const manager = await server.createUser("manager");
    const steal = await otherCaller.post(`/api/companies/${company.id}/handoff`, { toUserId: manager.id });
    expect(steal.status).toBe(403);
    expect((await otherCaller.post(`/api/companies/${company.id}/holder`, { userId: otherCaller.user.id })).status).toBe(403);
    const managerClient = await server.signedIn(manager);
    expect((await managerClient.post(`/api/companies/${company.id}/holder`, { userId: manager.id })).status).toBe(403);
    expect(await openHoldings(company.id)).toEqual([{ user_id: holder.id, tier: 1 }]);
  });
});

describe("at most one open holding per company", () => {
  it("lets exactly one of many concurrent hand-offs win", async () => {
    const company = await newCompany("Hot Lead");
    const managers = await Promise.all(Array.from({ length: 8 }, () => server.createUser("manager")));
    const results = await Promise.all(
      managers.map((m) => head.post(`/api/companies/${company.id}/handoff`, { toUserId: m.id, fromStage: "cold" })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const loser of results.filter((r) => r.status !== 200)) {
      expect(loser.status).toBe(409);
      expect(loser.body.error.code).toBe("holding_conflict");
    }
    const open = await openHoldings(company.id);
    expect(open).toHaveLength(1);
    const winner = results.find((r) => r.status === 200)!.body.company.holder.userId;
    expect(open[0]!.user_id).toBe(winner);
    const handOvers = (await head.get(`/api/companies/${company.id}/timeline`)).body.items.filter((a: { kind: string }) => a.kind === "handed_over");
    expect(handOvers).toHaveLength(1);
  });

  it("lets exactly one of many concurrent assignments hold an unheld company per round", async () => {
    const company = await newCompany("Contested");
    const callers = await Promise.all(Array.from({ length: 8 }, () => server.createUser("caller")));
    const results = await Promise.all(callers.map((c) => head.post(`/api/companies/${company.id}/holder`, { userId: c.id })));
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(await openHoldings(company.id)).toHaveLength(1);
  });

  it("is enforced by the database itself, below the services", async () => {
    const company = await newCompany("Raw SQL");
    const a = await server.createUser("caller");
    const b = await server.createUser("caller");
    const db = server.database.db;
    await db.execute(sql`insert into holdings (company_id, user_id, tier) values (${company.id}, ${a.id}, 1)`);
    await expect(db.execute(sql`insert into holdings (company_id, user_id, tier) values (${company.id}, ${b.id}, 1)`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "23505" }),
    });
    // A closed holding does not count: history may have many.
    await db.execute(sql`update holdings set ended_at = now(), end_reason = 'reassigned' where company_id = ${company.id}`);
    await db.execute(sql`insert into holdings (company_id, user_id, tier) values (${company.id}, ${b.id}, 1)`);
    expect(await openHoldings(company.id)).toEqual([{ user_id: b.id, tier: 1 }]);
  });
});
