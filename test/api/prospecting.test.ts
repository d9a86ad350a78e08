import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

let server: TestServer;
let head: ApiClient & { user: TestUser };
let manager: TestUser;
beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  manager = await server.createUser("manager");
});
afterAll(() => server.close());

const SCRIPT = {
  start: "greet",
  steps: [
    { id: "greet", say: "Добрый день! Вы отвечаете за закупки?", answers: [{ id: "yes", label: "Да", next: "offer" }, { id: "no", label: "Нет", outcome: "not_target" }] },
    { id: "offer", say: "Мы поставляем упаковку со скидкой 10%.", answers: [{ id: "want", label: "Интересно", outcome: "interested" }, { id: "later", label: "Позже", outcome: "callback" }] },
  ],
};

const db = () => server.database.db;
const newCompany = async (legalName: string, extra: Record<string, unknown> = {}) =>
  (await head.post("/api/companies", { legalName, ...extra })).body.company as { id: number };
const entriesOf = async (companyId: number) =>
  selectRows<{ call_list_id: number; status: string }>(db(), sql`select call_list_id, status from call_list_entries where company_id = ${companyId}`);
const makeDue = () => db().execute(sql`update call_list_entries set due_at = now() - interval '1 minute'`);

/** A fresh list over one industry only this test uses, with callers assigned. */
async function listFor(industry: string, callers: TestUser[], scriptId?: number) {
  const res = await head.post("/api/call-lists", { name: `List ${industry}`, criteria: { industries: [industry] }, callerIds: callers.map((c) => c.id), scriptId });
  expect(res.status).toBe(201);
  return res.body.callList as { id: number; ready: number; due: number };
}

describe("scripts and instructions", () => {
  it("lets the head write a branching script and save new versions; callers read it", async () => {
    const created = await head.post("/api/scripts", { name: "Упаковка", body: SCRIPT });
    expect(created.status).toBe(201);
    expect(created.body.script).toMatchObject({ name: "Упаковка", version: 1, body: SCRIPT });
    const changed = { ...SCRIPT, steps: [{ ...SCRIPT.steps[0]!, say: "Здравствуйте!" }, SCRIPT.steps[1]!] };
    const v2 = await head.request("PUT", `/api/scripts/${created.body.script.id}`, { name: "Упаковка", body: changed });
    expect(v2.body.script.version).toBe(2);
    const versions = await head.get(`/api/scripts/${created.body.script.id}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const caller = await server.signedIn("caller");
    expect((await caller.get(`/api/scripts/${created.body.script.id}`)).body.script.body.steps[0].say).toBe("Здравствуйте!");
    expect((await caller.post("/api/scripts", { name: "Mine", body: SCRIPT })).status).toBe(403);
  });

  it("refuses a script with dangling steps or dead ends, saying what is wrong", async () => {
    const broken = {
      start: "a",
      steps: [
        { id: "a", say: "?", answers: [{ id: "x", label: "x", next: "nowhere" }, { id: "y", label: "y" }] },
        { id: "b", say: "!", answers: [] },
      ],
    };
    const res = await head.post("/api/scripts", { name: "Broken", body: broken });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_script");
    expect(res.body.error.details.problems).toEqual(
      expect.arrayContaining([
        { problem: "unknown_next_step", stepId: "a", answerId: "x", next: "nowhere" },
        { problem: "answer_needs_next_or_outcome", stepId: "a", answerId: "y" },
        { problem: "step_without_answers", stepId: "b" },
      ]),
    );
    expect((await head.get("/api/scripts")).body.items.some((s: { name: string }) => s.name === "Broken")).toBe(false);
  });

  it("keeps instructions editable by the head and readable by callers", async () => {
    const page = await head.post("/api/instructions", { title: "Если просят прислать КП", body: "Уточните email и срок, выберите «Отправил информацию»." });
    expect(page.status).toBe(201);
    const caller = await server.signedIn("caller");
    expect((await caller.get("/api/instructions")).body.items.map((i: { title: string }) => i.title)).toContain("Если просят прислать КП");
    expect((await caller.request("PUT", `/api/instructions/${page.body.instruction.id}`, { title: "x", body: "y" })).status).toBe(403);
    expect((await head.request("PUT", "/api/instructions/9999", { title: "x", body: "y" })).status).toBe(404);
  });
});

describe("call lists", () => {
  it("counts matches before saving, excluding do-not-call, held and non-cold companies", async () => {
    const eligible = await newCompany("Crit A", { industry: "Packaging", region: "Kyiv" });
    await newCompany("Crit B", { industry: "Packaging", region: "Lviv" });
    const dnc = await newCompany("Crit C", { industry: "Packaging", region: "Kyiv" });
    await head.patch(`/api/companies/${dnc.id}`, { doNotCall: true });
    const held = await newCompany("Crit D", { industry: "Packaging", region: "Kyiv" });
    const someCaller = await server.createUser("caller");
    await head.post(`/api/companies/${held.id}/holder`, { userId: someCaller.id });
    const lead = await newCompany("Crit E", { industry: "Packaging", region: "Kyiv" });
    await head.post(`/api/companies/${lead.id}/handoff`, { toUserId: manager.id });
    const preview = await head.post("/api/call-lists/preview", { criteria: { industries: ["Packaging"], regions: ["Kyiv"] } });
    expect(preview.body.count).toBe(1);
    const list = await head.post("/api/call-lists", { name: "Kyiv packaging", criteria: { industries: ["Packaging"], regions: ["Kyiv"] }, callerIds: [someCaller.id] });
    expect(list.body.callList).toMatchObject({ ready: 1, due: 1, callerIds: [someCaller.id] });
    expect(await entriesOf(eligible.id)).toHaveLength(1);
  });

  it("refreshes as the base changes, without bringing back a company that said no", async () => {
    const caller = await server.createUser("caller");
    const list = await listFor("Refresh", [caller]);
    expect(list.ready).toBe(0);
    const fresh = await newCompany("Refresh One", { industry: "Refresh" });
    const refreshed = await head.post(`/api/call-lists/${list.id}/refresh`);
    expect(refreshed.body.callList.ready).toBe(1);
    const client = await server.signedIn(caller);
    const item = (await client.post("/api/calling/next", {})).body.item;
    expect(item.company.id).toBe(fresh.id);
    await client.post(`/api/calling/${fresh.id}/outcome`, { outcome: "not_interested", reason: "Есть поставщик" });
    expect((await head.post(`/api/call-lists/${list.id}/refresh`)).body.callList.ready).toBe(0);
    expect(await entriesOf(fresh.id)).toEqual([{ call_list_id: list.id, status: "dropped" }]);
  });

  it("refuses non-callers on a list, bad criteria, and anyone but the head", async () => {
    const notCaller = await head.post("/api/call-lists", { name: "X", criteria: {}, callerIds: [manager.id] });
    expect(notCaller.status).toBe(409);
    expect(notCaller.body.error.code).toBe("not_a_caller");
    expect((await head.post("/api/call-lists", { name: "X", criteria: { sizes: ["giant"] }, callerIds: [] })).status).toBe(400);
    expect((await head.post("/api/call-lists", { name: "X", criteria: { notTouchedForDays: 0 }, callerIds: [] })).status).toBe(400);
    for (const role of ["caller", "manager", "account_manager", "back_office"] as const) {
      const client = await server.signedIn(role);
      expect((await client.post("/api/call-lists", { name: "Mine", criteria: {}, callerIds: [] })).status, role).toBe(403);
      expect((await client.post("/api/call-lists/preview", { criteria: {} })).status, role).toBe(403);
    }
  });
});

describe("the caller's screen", () => {
  it("works one company at a time through the script to a hand-over, with the next company at once", async () => {
    const script = (await head.post("/api/scripts", { name: "Flow", body: SCRIPT })).body.script;
    const callerUser = await server.createUser("caller");
    const first = await newCompany("Flow One", { industry: "Flow", contacts: [{ fullName: "Ирина", phones: ["067 700 00 01"] }] });
    const second = await newCompany("Flow Two", { industry: "Flow" });
    await listFor("Flow", [callerUser], script.id);
    const caller = await server.signedIn(callerUser);

    const taken = await caller.post("/api/calling/next", {});
    expect(taken.status).toBe(200);
    expect(taken.body.item).toMatchObject({ company: { id: first.id }, script: { id: script.id, version: 1 }, contacts: [{ phones: ["+380677000001"] }] });
    expect(taken.body.item.recent.map((a: { kind: string }) => a.kind)).toContain("company_created");
    // Asking again gives the same company: one at a time.
    expect((await caller.post("/api/calling/next", {})).body.item.company.id).toBe(first.id);
    expect((await caller.get("/api/calling/current")).body.item.company.id).toBe(first.id);

    const noQualification = await caller.post(`/api/calling/${first.id}/outcome`, { outcome: "interested" });
    expect(noQualification.status).toBe(400);
    expect(noQualification.body.error.code).toBe("qualification_required");
    const wrongPath = await caller.post(`/api/calling/${first.id}/outcome`, { outcome: "interested", qualification: { need: "x", timing: "y" }, scriptVersionId: script.versionId, answers: ["want"] });
    expect(wrongPath.body.error.code).toBe("invalid_script_answers");
    // The script says "not our target" but the caller claims "interested": refused too.
    const pastMeeting = await caller.post(`/api/calling/${first.id}/outcome`, { outcome: "interested", qualification: { need: "x", timing: "y" }, appointmentAt: new Date(Date.now() - 3_600_000).toISOString() });
    expect(pastMeeting.body.error.code).toBe("appointment_in_past");
    const mismatch = await caller.post(`/api/calling/${first.id}/outcome`, { outcome: "interested", qualification: { need: "x", timing: "y" }, scriptVersionId: script.versionId, answers: ["no"] });
    expect(mismatch.body.error.code).toBe("invalid_script_answers");

    const done = await caller.post(`/api/calling/${first.id}/outcome`, {
      outcome: "interested",
      note: "Нужна упаковка к марту",
      qualification: { need: "5000 коробок в месяц", timing: "март", budget: "до 200 тыс.", decisionMaker: "Ирина, закупки" },
      appointmentAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      scriptVersionId: script.versionId,
      answers: ["yes", "want"],
      takeNext: true,
    });
    expect(done.status).toBe(200);
    expect(done.body.consequence).toMatchObject({ kind: "hand_over", escalated: false });
    expect(done.body.next.company.id).toBe(second.id);

    const card = await head.get(`/api/companies/${first.id}`);
    expect(card.body.company).toMatchObject({ stage: "lead", holder: { tier: 2, role: "manager" } });
    const timeline = (await head.get(`/api/companies/${first.id}/timeline`)).body.items;
    expect(timeline[0]).toMatchObject({ kind: "handed_over", data: { fromStage: "cold", toStage: "lead", qualification: { need: "5000 коробок в месяц" } } });
    expect(timeline[1]).toMatchObject({ kind: "call", text: "Нужна упаковка к марту", data: { outcome: "interested", scriptVersionId: script.versionId, answers: ["yes", "want"] } });
    expect(await entriesOf(first.id)).toEqual([]);
    // The caller handed it on and sees nothing of it now.
    expect((await caller.get(`/api/companies/${first.id}`)).status).toBe(403);
  });

  it("retries unanswered calls later and drops the company after the cap", async () => {
    const callerUser = await server.createUser("caller");
    const company = await newCompany("Silent Ltd", { industry: "Silent" });
    await listFor("Silent", [callerUser]);
    const caller = await server.signedIn(callerUser);
    for (let call = 1; call <= 5; call++) {
      await makeDue();
      const item = (await caller.post("/api/calling/next", {})).body.item;
      expect(item.company.id).toBe(company.id);
      expect(item.unansweredCalls).toBe(call - 1);
      const res = await caller.post(`/api/calling/${company.id}/outcome`, { outcome: "no_answer" });
      if (call < 5) {
        expect(res.body.consequence).toMatchObject({ kind: "retry", unansweredCalls: call });
        expect(new Date(res.body.consequence.at).getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
        expect((await caller.post("/api/calling/next", {})).body.item).toBeNull();
      } else {
        expect(res.body.consequence).toMatchObject({ kind: "drop", reason: "unanswered" });
      }
    }
    await makeDue();
    expect((await caller.post("/api/calling/next", {})).body.item).toBeNull();
  });

  it("requires a future call-back time and a reason where the outcome needs one", async () => {
    const callerUser = await server.createUser("caller");
    const company = await newCompany("Picky LLC", { industry: "Picky" });
    await listFor("Picky", [callerUser]);
    const caller = await server.signedIn(callerUser);
    await caller.post("/api/calling/next", {});
    expect((await caller.post(`/api/calling/${company.id}/outcome`, { outcome: "callback" })).body.error.code).toBe("callback_time_required");
    const past = await caller.post(`/api/calling/${company.id}/outcome`, { outcome: "callback", callbackAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.body.error.code).toBe("callback_time_in_past");
    expect((await caller.post(`/api/calling/${company.id}/outcome`, { outcome: "not_interested" })).body.error.code).toBe("reason_required");
    expect((await caller.post(`/api/calling/${company.id}/outcome`, { outcome: "shrug" })).status).toBe(400);
    const at = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const ok = await caller.post(`/api/calling/${company.id}/outcome`, { outcome: "callback", callbackAt: at });
    expect(ok.body.consequence).toEqual({ kind: "callback", at });
    const calls = await selectRows<{ n: number }>(db(), sql`select count(*)::int as n from calls where company_id = ${company.id}`);
    expect(calls[0]!.n).toBe(1);
  });

  it("escalates a hard question to a sales manager at once", async () => {
    const callerUser = await server.createUser("caller");
    const company = await newCompany("Curious Inc", { industry: "Curious" });
    await listFor("Curious", [callerUser]);
    const caller = await server.signedIn(callerUser);
    await caller.post("/api/calling/next", {});
    const res = await caller.post(`/api/calling/${company.id}/outcome`, { outcome: "hard_question", note: "Спрашивают про сертификаты ISO" });
    expect(res.body.consequence).toMatchObject({ kind: "hand_over", escalated: true, toUserId: expect.any(Number) });
    const timeline = (await head.get(`/api/companies/${company.id}/timeline`)).body.items;
    expect(timeline[0]).toMatchObject({ kind: "handed_over", text: "Спрашивают про сертификаты ISO", data: { escalated: true } });
  });

  it("never gives two callers the same company, even all at once", async () => {
    const callers = await Promise.all(Array.from({ length: 6 }, () => server.createUser("caller")));
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await newCompany(`Race Co ${i}`, { industry: "Race" })).id);
    // Two overlapping lists: the same companies reachable through both.
    await listFor("Race", callers.slice(0, 3));
    await listFor("Race", callers.slice(3));
    const clients = await Promise.all(callers.map((c) => server.signedIn(c)));
    const taken = await Promise.all(clients.map((c) => c.post("/api/calling/next", {})));
    const companies = taken.map((t) => t.body.item.company.id as number);
    expect(new Set(companies).size).toBe(6);
    expect(companies.every((id) => ids.includes(id))).toBe(true);
    // After each logs and takes the next, still no company is in front of two callers.
    const second = await Promise.all(clients.map((c, i) => c.post(`/api/calling/${companies[i]}/outcome`, { outcome: "wrong_number", takeNext: true })));
    const next = second.map((s) => s.body.next?.company.id).filter(Boolean);
    expect(new Set(next).size).toBe(next.length);
    expect(next.every((id) => !companies.includes(id))).toBe(true);
  });

  it("takes a handed-over company off every call list", async () => {
    const a = await server.createUser("caller");
    const b = await server.createUser("caller");
    const company = await newCompany("Shared Target", { industry: "Shared" });
    await listFor("Shared", [a]);
    await head.post("/api/call-lists", { name: "Shared 2", criteria: { regions: [], industries: ["Shared"] }, callerIds: [b.id] });
    expect(await entriesOf(company.id)).toHaveLength(2);
    const callerA = await server.signedIn(a);
    await callerA.post("/api/calling/next", {});
    await callerA.post(`/api/calling/${company.id}/outcome`, { outcome: "interested", qualification: { need: "n", timing: "t" } });
    expect(await entriesOf(company.id)).toEqual([]);
    const callerB = await server.signedIn(b);
    expect((await callerB.post("/api/calling/next", {})).body.item).toBeNull();
  });

  it("refuses callers outside their lists and other roles altogether", async () => {
    const mine = await server.createUser("caller");
    const other = await server.createUser("caller");
    const company = await newCompany("Guarded", { industry: "Guarded" });
    const list = await listFor("Guarded", [mine]);
    const outsider = await server.signedIn(other);
    expect((await outsider.post("/api/calling/next", { callListId: list.id })).status).toBe(403);
    expect((await outsider.post(`/api/calling/${company.id}/outcome`, { outcome: "no_answer" })).body.error.code).toBe("not_in_front_of_you");
    expect((await outsider.get("/api/call-lists")).body.items).toEqual([]);
    const ownLists = (await (await server.signedIn(mine)).get("/api/call-lists")).body.items;
    expect(ownLists).toEqual([expect.objectContaining({ id: list.id, name: "List Guarded", criteria: {}, callerIds: [mine.id], ready: 1 })]);
    const managerClient = await server.signedIn("manager");
    expect((await managerClient.post("/api/calling/next", {})).status).toBe(403);
    expect((await managerClient.get("/api/scripts")).status).toBe(403);
    const owner = await server.signedIn(mine);
    await owner.post("/api/calling/next", {});
    // The caller sees the company in front of them only on the calling screen, never by browsing.
    expect((await owner.get(`/api/companies?q=Guarded`)).body.items).toEqual([]);
    expect((await owner.get("/api/companies/facets")).status).toBe(403);
  });
});

describe("caller results", () => {
  it("counts calls, connects, interested, handed over and later converted per caller per day", async () => {
    const callerUser = await server.createUser("caller");
    const accountManager = await server.createUser("account_manager");
    const won = await newCompany("Results Won", { industry: "Results" });
    const busy = await newCompany("Results Busy", { industry: "Results" });
    await listFor("Results", [callerUser]);
    const caller = await server.signedIn(callerUser);
    const taken = [(await caller.post("/api/calling/next", {})).body.item.company.id];
    await caller.post(`/api/calling/${taken[0]}/outcome`, { outcome: "no_answer", takeNext: true });
    const current = (await caller.get("/api/calling/current")).body.item.company.id;
    taken.push(current);
    await caller.post(`/api/calling/${current}/outcome`, { outcome: "interested", qualification: { need: "n", timing: "t" } });
    const handedOver = current;
    expect([won.id, busy.id]).toContain(handedOver);
    await head.post(`/api/companies/${handedOver}/handoff`, { toUserId: accountManager.id });

    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Kyiv" });
    const mine = await caller.get(`/api/calling/results?from=${today}&to=${today}`);
    expect(mine.body.items).toEqual([
      { callerId: callerUser.id, fullName: expect.any(String), period: today, calls: 2, connects: 1, interested: 1, handedOver: 1, converted: 1 },
    ]);
    const idle = await server.createUser("caller");
    const all = await head.get(`/api/calling/results?from=${today}&to=${today}&period=week`);
    expect(all.body.items).toContainEqual(expect.objectContaining({ callerId: idle.id, calls: 0, connects: 0, handedOver: 0 }));
    expect(all.body.items.some((r: { callerId: number }) => r.callerId === callerUser.id)).toBe(true);
    expect(all.body.items.length).toBeGreaterThan(1);
    expect((await caller.get(`/api/calling/results?from=${today}&to=${today}&callerId=${head.user.id}`)).status).toBe(403);
    expect((await caller.get(`/api/calling/results?from=yesterday&to=${today}`)).status).toBe(400);
    expect((await (await server.signedIn("manager")).get(`/api/calling/results?from=${today}&to=${today}`)).status).toBe(403);
  });
});
