import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { dayOf, DEFAULT_WORKING_HOURS, nextWorkingDay, workingDayFrom } from "../../src/domain/workingTime.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

let server: TestServer;
let head: ApiClient & { user: TestUser };
beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
});
afterAll(() => server.close());

const db = () => server.database.db;
const wh = DEFAULT_WORKING_HOURS;
const today = () => workingDayFrom(dayOf(new Date(), wh), wh);

/** A lead held by `manager` in tier 2, handed over from the cold base by the head. */
async function leadFor(manager: TestUser, name: string) {
  const company = (await head.post("/api/companies", { legalName: name })).body.company;
  const res = await head.post(`/api/companies/${company.id}/handoff`, { toUserId: manager.id });
  expect(res.status).toBe(200);
  return company as { id: number };
}

describe("distribution of new leads", () => {
  it("spreads a burst by capacity, skips the absent, never exceeds a cap, and queues the rest for the next working day", async () => {
    const isolated = await startTestServer();
    try {
      const boss = await isolated.signedIn("head");
      const big = await isolated.createUser("manager");
      const small = await isolated.createUser("manager");
      const away = await isolated.createUser("manager");
      expect((await boss.patch(`/api/users/${big.id}`, { dailyLeadCap: 10 })).body.user.dailyLeadCap).toBe(10);
      await boss.patch(`/api/users/${small.id}`, { dailyLeadCap: 5 });
      await boss.patch(`/api/users/${away.id}`, { dailyLeadCap: 10 });
      const absence = await boss.post(`/api/users/${away.id}/absences`, { startsOn: today(), endsOn: today(), note: "Отпуск" });
      expect(absence.status).toBe(201);
      await isolated.database.db.execute(sql`insert into companies (legal_name, search_name, stage)
        select 'Burst ' || g, 'burst ' || g, 'lead' from generate_series(1, 30) g`);

      const res = await boss.post("/api/conversion/distribute");
      expect(res.status).toBe(200);
      expect(res.body.assigned).toBe(30);
      const perDay = await selectRows<{ user_id: number; day: string; n: number }>(
        isolated.database.db,
        sql`select user_id, to_char(queue_day, 'YYYY-MM-DD') as day, count(*)::int as n from holdings where tier = 2 group by 1, 2 order by 2, 1`,
      );
      const tomorrow = nextWorkingDay(today(), wh);
      expect(perDay).toEqual([
        { user_id: big.id, day: today(), n: 10 },
        { user_id: small.id, day: today(), n: 5 },
        { user_id: big.id, day: tomorrow, n: 6 },
        { user_id: small.id, day: tomorrow, n: 3 },
        { user_id: away.id, day: tomorrow, n: 6 },
      ]);
      // Nothing left waiting; a second run has nothing to do.
      expect((await boss.post("/api/conversion/distribute")).body.assigned).toBe(0);
      const due = await selectRows<{ n: number }>(isolated.database.db, sql`select count(*)::int as n from holdings where tier = 2 and first_contact_due_at is null`);
      expect(due[0]!.n).toBe(0);
    } finally {
      await isolated.close();
    }
  });

  it("refuses distribution, caps and absences to anyone but the head", async () => {
    const manager = await server.signedIn("manager");
    expect((await manager.post("/api/conversion/distribute")).status).toBe(403);
    expect((await manager.patch(`/api/users/${manager.user.id}`, { dailyLeadCap: 100 })).status).toBe(403);
    expect((await manager.post(`/api/users/${manager.user.id}/absences`, { startsOn: today(), endsOn: today() })).status).toBe(403);
    expect((await head.post(`/api/users/${manager.user.id}/absences`, { startsOn: today(), endsOn: "2000-01-01" })).status).toBe(400);
  });
});

describe("the manager's morning queue and first-contact deadline", () => {
  it("gives a lead handed over or reassigned by hand a queue day and a business-time first-contact deadline", async () => {
    const first = await server.createUser("manager");
    const second = await server.createUser("manager");
    const company = await leadFor(first, "By Hand");
    const facts = async () =>
      (await selectRows<{ user_id: number; day: string | null; due: Date | null }>(
        db(),
        sql`select user_id, to_char(queue_day, 'YYYY-MM-DD') as day, first_contact_due_at as due from holdings where company_id = ${company.id} and ended_at is null`,
      ))[0]!;
    const handed = await facts();
    expect(handed).toMatchObject({ user_id: first.id, day: today() });
    expect(new Date(handed.due!).getTime()).toBeGreaterThan(Date.now());
    await head.post(`/api/companies/${company.id}/holder`, { userId: second.id });
    const reassigned = await facts();
    expect(reassigned).toMatchObject({ user_id: second.id, day: today() });
    expect(reassigned.due).not.toBeNull();
  });

  it("shows a lead from a caller in the manager's queue, flags it when the first contact is late, and clears the flag on contact", async () => {
    const isolated = await startTestServer();
    try {
      const boss = await isolated.signedIn("head");
      const managerUser = await isolated.createUser("manager");
      const callerUser = await isolated.createUser("caller");
      const company = (await boss.post("/api/companies", { legalName: "Queue Lead", industry: "Q" })).body.company;
      await boss.post("/api/call-lists", { name: "Q", criteria: { industries: ["Q"] }, callerIds: [callerUser.id] });
      const caller = await isolated.signedIn(callerUser);
      await caller.post("/api/calling/next", {});
      await caller.post(`/api/calling/${company.id}/outcome`, { outcome: "interested", qualification: { need: "n", timing: "t" } });

      const manager = await isolated.signedIn(managerUser);
      const queue = await manager.get("/api/conversion/queue");
      expect(queue.status).toBe(200);
      const item = queue.body.items.find((i: { company: { id: number } }) => i.company.id === company.id);
      if (item) {
        expect(item).toMatchObject({ firstContactAt: null, deal: null });
        expect(new Date(item.firstContactDueAt).getTime()).toBeGreaterThan(Date.now());
      } else {
        // Outside working hours the lead waits for the next working day's queue.
        const [row] = await selectRows<{ day: string }>(isolated.database.db, sql`select to_char(queue_day, 'YYYY-MM-DD') as day from holdings where company_id = ${company.id} and ended_at is null`);
        expect(row!.day > queue.body.today).toBe(true);
      }

      await isolated.database.db.execute(sql`update holdings set first_contact_due_at = now() - interval '5 minutes', queue_day = current_date - 1 where company_id = ${company.id} and ended_at is null`);
      const overdue = await boss.get("/api/conversion/overdue");
      expect(overdue.body.items.map((i: { company: { id: number } }) => i.company.id)).toEqual([company.id]);
      const mine = await manager.get("/api/conversion/queue");
      expect(mine.body.items[0]).toMatchObject({ company: { id: company.id }, firstContactOverdue: true });

      await manager.post(`/api/companies/${company.id}/activities`, { kind: "call", text: "Познакомились, договорились о встрече" });
      expect((await boss.get("/api/conversion/overdue")).body.items).toEqual([]);
      const after = (await manager.get("/api/conversion/queue")).body.items[0];
      expect(after.firstContactAt).not.toBeNull();

      expect((await caller.get("/api/conversion/queue")).status).toBe(403);
      const otherManager = await isolated.signedIn("manager");
      expect((await otherManager.get(`/api/conversion/queue?managerId=${managerUser.id}`)).status).toBe(403);
      expect((await otherManager.get("/api/conversion/queue")).body.items).toEqual([]);
    } finally {
      await isolated.close();
    }
  });
});

describe("deals", () => {
  it("moves through stages with proposals, postpones with a reason and a date, and is lost with a reason", async () => {
    const managerUser = await server.createUser("manager");
    const manager = await server.signedIn(managerUser);
    const company = await leadFor(managerUser, "Deal Co");
    const opened = await manager.post(`/api/companies/${company.id}/deals`, {});
    expect(opened.status).toBe(201);
    expect(opened.body.deal).toMatchObject({ stage: "first_contact", managerId: managerUser.id, closedAt: null });
    const dealId = opened.body.deal.id;
    expect((await manager.post(`/api/companies/${company.id}/deals`, {})).body.error.code).toBe("deal_exists");

    expect((await manager.post(`/api/deals/${dealId}/stage`, { stage: "need_identified" })).body.deal.stage).toBe("need_identified");
    expect((await manager.post(`/api/deals/${dealId}/stage`, { stage: "dreaming" })).body.error.code).toBe("unknown_stage");
    const proposal = await manager.post(`/api/deals/${dealId}/proposals`, { amountMinor: 1_250_000_00, currency: "UAH", sentOn: today(), documentUrl: "https://docs.example/kp-17.pdf" });
    expect(proposal.status).toBe(201);
    expect(proposal.body.deal).toMatchObject({ amountMinor: 1_250_000_00, currency: "UAH", proposals: [{ documentUrl: "https://docs.example/kp-17.pdf" }] });
    expect((await manager.post(`/api/deals/${dealId}/proposals`, { amountMinor: 1, currency: "uah", sentOn: today() })).status).toBe(400);

    const later = nextWorkingDay(nextWorkingDay(today(), wh), wh);
    for (const [body, code] of [
      [{ category: "mood", note: "x", until: later }, "validation_failed"],
      [{ category: "budget_cycle", note: " ", until: later }, "reason_required"],
      [{ category: "budget_cycle", note: "x", until: "2020-01-01" }, "postpone_date_in_past"],
      [{ category: "budget_cycle", note: "x", until: "2099-01-01" }, "postpone_too_far"],
    ] as const) {
      expect((await manager.post(`/api/deals/${dealId}/postpone`, body)).body.error.code).toBe(code);
    }
    const postponed = await manager.post(`/api/deals/${dealId}/postpone`, { category: "procurement_period", note: "Тендер закрывается в конце месяца", until: later });
    expect(postponed.body.deal).toMatchObject({ postponedUntil: later, postponeCategory: "procurement_period" });
    const queueIds = async () => (await manager.get("/api/conversion/queue")).body.items.map((i: { company: { id: number } }) => i.company.id);
    expect(await queueIds()).not.toContain(company.id);
    await db().execute(sql`update deals set postponed_until = current_date where id = ${dealId}`);
    expect(await queueIds()).toContain(company.id);

    expect((await manager.post(`/api/deals/${dealId}/lose`, { reason: "" })).body.error.code).toBe("reason_required");
    const lost = await manager.post(`/api/deals/${dealId}/lose`, { reason: "Выбрали конкурента по цене" });
    expect(lost.body.deal).toMatchObject({ stage: "lost", lostReason: "Выбрали конкурента по цене" });
    // The manager no longer holds the company; even the head cannot reopen a closed deal.
    expect((await manager.post(`/api/deals/${dealId}/stage`, { stage: "negotiation" })).status).toBe(403);
    expect((await head.post(`/api/deals/${dealId}/stage`, { stage: "negotiation" })).body.error.code).toBe("deal_closed");
    const card = await head.get(`/api/companies/${company.id}`);
    expect(card.body.company).toMatchObject({ stage: "cold", holder: null });
    const kinds = (await head.get(`/api/companies/${company.id}/timeline`)).body.items.map((a: { kind: string }) => a.kind);
    expect(kinds.slice(0, 6)).toEqual(["stage_changed", "deal_lost", "deal_postponed", "proposal_sent", "deal_stage_changed", "deal_opened"]);
  });

  it("counts a lead as qualified only once its deal moves past the first stage or is won, not when a deal is opened to drop it", async () => {
    const managerUser = await server.createUser("manager");
    const manager = await server.signedIn(managerUser);
    const qualifiedAt = async (dealId: number) =>
      (await selectRows<{ at: string | null }>(server.database.db, sql`select qualified_at::text as at from deals where id = ${dealId}`))[0]!.at;
    const junk = await leadFor(managerUser, "Junk Lead Co");
    const junkDeal = (await manager.post(`/api/companies/${junk.id}/deals`, {})).body.deal.id;
    expect((await manager.post(`/api/deals/${junkDeal}/lose`, { reason: "Не наш клиент" })).status).toBe(200);
    expect(await qualifiedAt(junkDeal)).toBeNull();

    const real = await leadFor(managerUser, "Real Need Co");
    const realDeal = (await manager.post(`/api/companies/${real.id}/deals`, {})).body.deal.id;
    expect(await qualifiedAt(realDeal)).toBeNull();
    await manager.post(`/api/deals/${realDeal}/stage`, { stage: "need_identified" });
    const first = await qualifiedAt(realDeal);
    expect(first).not.toBeNull();
    // Moving on, or back to the first stage, keeps the first moment.
    await manager.post(`/api/deals/${realDeal}/stage`, { stage: "first_contact" });
    await manager.post(`/api/deals/${realDeal}/stage`, { stage: "negotiation" });
    expect(await qualifiedAt(realDeal)).toBe(first);

    const straight = await leadFor(managerUser, "Straight To Proposal Co");
    const straightDeal = (await manager.post(`/api/companies/${straight.id}/deals`, { stage: "proposal_sent" })).body.deal.id;
    expect(await qualifiedAt(straightDeal)).not.toBeNull();
  });

  it("shows a manager their leads and holdings with full history, and nothing else of the base", async () => {
    const managerUser = await server.createUser("manager");
    const manager = await server.signedIn(managerUser);
    const mine = await leadFor(managerUser, "Managers Own");
    const other = (await head.post("/api/companies", { legalName: "Managers Other" })).body.company;
    expect((await manager.get(`/api/companies?q=${encodeURIComponent("managers")}`)).body.items.map((c: { id: number }) => c.id)).toEqual([mine.id]);
    expect((await manager.get("/api/companies")).body.items.map((c: { id: number }) => c.id)).toEqual([mine.id]);
    expect((await manager.get("/api/companies/facets")).status).toBe(403);
    expect((await manager.get(`/api/companies/${other.id}`)).status).toBe(403);
    expect((await manager.get(`/api/companies/${other.id}/deals`)).status).toBe(403);
    const history = (await manager.get(`/api/companies/${mine.id}/timeline`)).body.items.map((a: { kind: string }) => a.kind);
    expect(history).toEqual(expect.arrayContaining(["company_created", "handed_over"]));
  });

  it("refuses deals to people who do not hold the lead", async () => {
    const holder = await server.createUser("manager");
    const company = await leadFor(holder, "Not Your Deal");
    const stranger = await server.signedIn("manager");
    expect((await stranger.post(`/api/companies/${company.id}/deals`, {})).status).toBe(403);
    const deal = (await (await server.signedIn(holder)).post(`/api/companies/${company.id}/deals`, {})).body.deal;
    expect((await stranger.post(`/api/deals/${deal.id}/stage`, { stage: "negotiation" })).status).toBe(403);
    expect((await (await server.signedIn("account_manager")).post(`/api/deals/${deal.id}/lose`, { reason: "x" })).status).toBe(403);
    const cold = (await head.post("/api/companies", { legalName: "Still Cold" })).body.company;
    expect((await head.post(`/api/companies/${cold.id}/deals`, {})).body.error.code).toBe("not_a_lead");
  });

  it("follows the team's own stages", async () => {
    const isolated = await startTestServer();
    try {
      const boss = await isolated.signedIn("head");
      const current = (await boss.get("/api/settings")).body.settings;
      const updated = await boss.request("PUT", "/api/settings", { settings: { ...current, dealStages: ["intro", "demo", "contract"] } });
      expect(updated.body.settings.dealStages).toEqual(["intro", "demo", "contract"]);
      expect((await boss.request("PUT", "/api/settings", { settings: { ...current, dealStages: ["won"] } })).status).toBe(400);
      expect((await boss.request("PUT", "/api/settings", { settings: { ...current, workingHours: { ...current.workingHours, timeZone: "Mars/Base" } } })).status).toBe(400);
      expect((await (await isolated.signedIn("manager")).request("PUT", "/api/settings", { settings: current })).status).toBe(403);
    } finally {
      await isolated.close();
    }
  });
});

describe("won: first order, promises, hand-over to account management", () => {
  it("records the order, hands the customer over, and tracks each promise to kept or broken against its maker", async () => {
    const managerUser = await server.createUser("manager");
    const amUser = await server.createUser("account_manager");
    const manager = await server.signedIn(managerUser);
    const company = await leadFor(managerUser, "Winner LLC");
    const boxes = (await head.post("/api/products", { name: "Коробка 40×30×20", sku: "BOX-40" })).body.product;
    const film = (await head.post("/api/products", { name: "Стрейч-плёнка 500 мм" })).body.product;
    expect((await head.post("/api/products", { name: "коробка 40×30×20" })).body.error.code).toBe("product_exists");
    expect((await manager.post("/api/products", { name: "Mine" })).status).toBe(403);
    const deal = (await manager.post(`/api/companies/${company.id}/deals`, {})).body.deal;

    const badRole = await manager.post(`/api/deals/${deal.id}/win`, { accountManagerId: managerUser.id, currency: "UAH", lines: [{ productId: boxes.id, quantity: 1, amountMinor: 100 }], promises: [] });
    expect(badRole.body.error.code).toBe("handoff_not_allowed");
    const noProduct = await manager.post(`/api/deals/${deal.id}/win`, { accountManagerId: amUser.id, currency: "UAH", lines: [{ productId: 99999, quantity: 1, amountMinor: 100 }], promises: [] });
    expect(noProduct.body.error.code).toBe("product_not_found");
    expect((await manager.post(`/api/deals/${deal.id}/win`, { accountManagerId: amUser.id, currency: "UAH", lines: [], promises: [] })).status).toBe(400);

    const won = await manager.post(`/api/deals/${deal.id}/win`, {
      accountManagerId: amUser.id,
      currency: "UAH",
      lines: [
        { productId: boxes.id, quantity: 1000, amountMinor: 2_500_000 },
        { productId: film.id, quantity: 20, amountMinor: 480_000 },
      ],
      promises: [
        { kind: "delivery_date", text: "Доставка за 48 часов", dueOn: nextWorkingDay(today(), wh) },
        { kind: "discount", text: "Скидка 5% на второй заказ" },
      ],
      note: "Ключевой контакт — Ирина, закупки",
    });
    expect(won.status).toBe(200);
    expect(won.body.deal).toMatchObject({ stage: "won", amountMinor: 2_980_000, currency: "UAH" });
    expect(won.body.company).toMatchObject({ stage: "customer", holder: { userId: amUser.id, tier: 3, acceptedAt: null } });
    const [holding] = await selectRows<{ accepted_at: Date | null }>(db(), sql`select accepted_at from holdings where company_id = ${company.id} and ended_at is null`);
    expect(holding!.accepted_at).toBeNull();
    const [order] = await selectRows<{ total_minor: string; lines: number }>(db(), sql`select o.total_minor, (select count(*)::int from order_lines l where l.order_id = o.id) as lines from orders o where o.company_id = ${company.id}`);
    expect(order).toEqual({ total_minor: expect.anything(), lines: 2 });
    expect(Number(order!.total_minor)).toBe(2_980_000);

    const am = await server.signedIn(amUser);
    const pending = (await am.get("/api/handovers/pending")).body.items;
    expect(pending).toEqual([
      expect.objectContaining({ company: expect.objectContaining({ id: company.id }), fromManager: { id: managerUser.id, fullName: expect.any(String) }, promises: expect.any(Array) }),
    ]);
    expect(pending[0].promises).toHaveLength(2);
    expect((await manager.get("/api/handovers/pending")).status).toBe(403);

    const otherAm = await server.signedIn("account_manager");
    expect((await otherAm.get("/api/handovers/pending")).body.items).toEqual([]);
    expect((await otherAm.post(`/api/companies/${company.id}/accept`)).status).toBe(403);
    expect((await manager.post(`/api/companies/${company.id}/accept`)).status).toBe(403);
    const accepted = await am.post(`/api/companies/${company.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.company.holder.acceptedAt).not.toBeNull();
    expect((await am.get("/api/handovers/pending")).body.items).toEqual([]);
    expect((await am.post(`/api/companies/${company.id}/accept`)).body.error.code).toBe("nothing_to_accept");

    const promises = (await am.get("/api/promises")).body.items;
    expect(promises.map((p: { text: string }) => p.text).sort()).toEqual(["Доставка за 48 часов", "Скидка 5% на второй заказ"]);
    const delivery = promises.find((p: { kind: string }) => p.kind === "delivery_date");
    const discount = promises.find((p: { kind: string }) => p.kind === "discount");
    expect((await manager.post(`/api/promises/${delivery.id}/resolve`, { status: "kept" })).status).toBe(403);
    expect((await am.post(`/api/promises/${delivery.id}/resolve`, { status: "broken", note: "Привезли на 4-й день" })).body.promise).toMatchObject({ status: "broken", madeBy: { id: managerUser.id } });
    expect((await am.post(`/api/promises/${delivery.id}/resolve`, { status: "kept" })).body.error.code).toBe("promise_resolved");
    await am.post(`/api/promises/${discount.id}/resolve`, { status: "kept" });
    expect((await am.post(`/api/promises/${discount.id}/resolve`, { status: "maybe" })).status).toBe(400);

    const broken = (await head.get("/api/promises?status=broken")).body.items;
    expect(broken).toEqual([expect.objectContaining({ id: delivery.id, legalName: "Winner LLC", madeBy: expect.objectContaining({ id: managerUser.id }) })]);
    expect((await manager.get("/api/promises")).body.items.map((p: { id: number }) => p.id).sort()).toEqual([delivery.id, discount.id].sort());
    expect((await (await server.signedIn("caller")).get("/api/promises")).status).toBe(403);

    const results = await head.get(`/api/conversion/results?from=${today()}&to=${nextWorkingDay(today(), wh)}&managerId=${managerUser.id}`);
    expect(results.status, JSON.stringify(results.body)).toBe(200);
    expect(results.body.items).toEqual([
      expect.objectContaining({ managerId: managerUser.id, leadsReceived: 1, won: 1, lost: 0, promisesBroken: 1, medianDaysToFirstSale: 0 }),
    ]);
    expect((await manager.get(`/api/conversion/results?from=${today()}&to=${today()}`)).body.items.map((r: { managerId: number }) => r.managerId)).toEqual([managerUser.id]);
  });
});
