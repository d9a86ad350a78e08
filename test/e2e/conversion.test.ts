import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectJson, handedOver } from "./support/arrange.js";
import { ADMIN_PASSWORD, pick, SHOTS, startBrowserHarness, TEAM_PASSWORD, type BrowserHarness } from "./support/browserHarness.js";

/**
 * Tier 2 in a real browser: a caller hands a lead over; the sales manager finds it in the
 * morning queue, makes the first contact, walks the deal through its stages to a won first
 * order with a promise, and hands the customer to an account manager, who accepts it and later
 * marks the promise broken — and the head sees that against the manager who made it.
 */
const LEAD = "Kharkiv Coffee Roasters";
const LATE = "Odesa Tea House";

let harness: BrowserHarness;
let leadId = 0;

const dealStage = (page: Page) => page.getByTestId("deal-open-panel").getAttribute("data-stage");

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "caller1", fullName: "Olena Caller", role: "caller" },
      { username: "manager1", fullName: "Maksym Manager", role: "manager" },
      { username: "am1", fullName: "Anna Account", role: "account_manager" },
    ],
  });
  const ids = await harness.userIds();

  // The team works round the clock in this test, so a lead handed over now is in today's queue.
  const head = await harness.api("head1", TEAM_PASSWORD);
  const current = ((await head("GET", "/api/settings")).json() as { settings: Record<string, unknown> }).settings;
  const rules = await head("PUT", "/api/settings", {
    settings: { ...current, workingHours: { ...(current.workingHours as object), startHour: 0, endHour: 24, workDays: [1, 2, 3, 4, 5, 6, 7] }, firstContactMinutes: 60 },
  });
  expectJson(rules, 200);
  for (const product of [{ name: "Corrugated box 40×30×20", sku: "BOX-40" }, { name: "Stretch film 500 mm" }]) {
    expectJson(await head("POST", "/api/products", product), 201);
  }

  // Tier 1 hands the lead over: a call list for the caller, one interested prospect.
  const company = await head("POST", "/api/companies", { legalName: LEAD, industry: "Coffee", region: "Kharkiv", contacts: [{ fullName: "Iryna Kovalenko", phones: ["067 123 45 71"], decisionMaker: true }] });
  leadId = expectJson<{ company: { id: number } }>(company, 201).company.id;
  expectJson(await head("POST", "/api/call-lists", { name: "Coffee", criteria: { industries: ["Coffee"] }, callerIds: [ids.get("caller1")!] }), 201);
  const caller = await harness.api("caller1", TEAM_PASSWORD);
  expectJson(await caller("POST", "/api/calling/next", {}), 200);
  const outcome = await caller("POST", `/api/calling/${leadId}/outcome`, { outcome: "interested", qualification: { need: "3,000 printed cartons a month", timing: "From next month" } });
  expectJson(outcome, 200);

  // A second lead, handed over by the head, whose first contact is already 25 minutes late.
  const lateId = await handedOver(head, LATE, { industry: "Tea", region: "Odesa" }, [ids.get("manager1")!]);
  await harness.database.db.execute(sql`update holdings set first_contact_due_at = now() - interval '25 minutes' where company_id = ${lateId} and ended_at is null`);
});

afterAll(() => harness?.close());

describe("tier 2 in the browser", () => {
  it("takes a lead from the manager's morning queue through the deal stages to a won first order handed to an account manager", async () => {
    const page = await harness.newPage("manager1", TEAM_PASSWORD, "queue-table", { viewport: { width: 1440, height: 960 } });
    await page.waitForURL(/\/queue$/);
    // A manager works the queue and what they hold — no base browsing, no head's screens.
    await expect(page.getByTestId("nav-companies").textContent()).resolves.toBe("My companies");
    await expect(page.getByTestId("nav-conversion").count()).resolves.toBe(0);
    await expect(page.getByTestId("nav-team-rules").count()).resolves.toBe(0);

    // The late first contact comes first, flagged red with how late it is.
    const first = page.getByTestId("queue-row").first();
    await first.waitFor();
    await expect(first.getByTestId("queue-company").textContent()).resolves.toBe(LATE);
    await expect(first.getAttribute("data-overdue")).resolves.toBe("true");
    await expect(first.getByTestId("queue-deadline").textContent()).resolves.toMatch(/^late by 2\d min/);
    await expect(page.getByTestId("queue-overdue-count").textContent()).resolves.toBe("Late: 1");
    const row = page.locator(`[data-testid="queue-row"][data-company-id="${leadId}"]`);
    await expect(row.getByTestId("queue-deadline").textContent()).resolves.toMatch(/^in (1 h 00 min|\d+ min)/);
    await expect(row.getAttribute("data-overdue")).resolves.toBe("false");
    await page.screenshot({ path: `${SHOTS}/conveyor-queue.png` });

    // Open it, make the first contact.
    await row.click();
    await page.waitForURL(new RegExp(`/companies/${leadId}$`));
    await page.getByTestId("activity-text").fill("Spoke to Iryna: they pack 3,000 cartons a month, want a quote for printed ones");
    await page.getByTestId("activity-submit").click();
    // The caller's call was first on the timeline; the manager's is the second.
    await expect.poll(() => page.locator('[data-testid="timeline-entry"][data-kind="call"]').count()).toBe(2);

    // A deal, moved through the team's stages, with a proposal on the way.
    await page.getByTestId("deal-open").click();
    await expect.poll(() => dealStage(page)).toBe("first_contact");
    await page.locator('[data-testid="deal-stage-step"][data-stage="need_identified"]').click();
    await expect.poll(() => dealStage(page)).toBe("need_identified");
    await page.getByTestId("deal-action-proposal").click();
    await page.getByTestId("proposal-amount").fill("125000.50");
    await page.getByTestId("proposal-document").fill("https://docs.example/kp-17.pdf");
    await page.getByTestId("proposal-submit").click();
    await expect.poll(() => page.getByTestId("deal-amount").textContent()).toContain("125,000.50");
    await expect(page.getByTestId("deal-proposal").count()).resolves.toBe(1);
    await page.locator('[data-testid="deal-stage-step"][data-stage="proposal_sent"]').click();
    await expect.poll(() => dealStage(page)).toBe("proposal_sent");
    await page.locator('[data-testid="deal-stage-step"][data-stage="negotiation"]').click();
    await expect.poll(() => dealStage(page)).toBe("negotiation");
    await page.getByTestId("deal-panel").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/conveyor-deal-panel.png`, fullPage: true });

    // The queue shows the deal's stage and amount, and the first contact made.
    await page.getByTestId("nav-queue").click();
    await expect.poll(() => row.getByTestId("queue-deal-stage").textContent()).toBe("Negotiation");
    await expect(row.getByTestId("queue-deadline").textContent()).resolves.toMatch(/^Contacted/);
    await row.click();

    // Won: the first order and a promise, handed to the account manager.
    await page.getByTestId("deal-action-win").click();
    await pick(page, page.getByTestId("win-account-manager"), "Anna Account");
    await pick(page, page.getByTestId("win-line-product"), /Corrugated box/);
    await page.getByTestId("win-line-quantity").fill("1000");
    await page.getByTestId("win-line-amount").fill("120000");
    await page.getByTestId("win-promise-add").click();
    await pick(page, page.getByTestId("win-promise-kind"), "Delivery date");
    await page.getByTestId("win-promise-text").fill("Delivery within 48 hours of payment");
    await expect.poll(() => page.getByTestId("win-total").textContent()).toContain("120,000.00");
    await page.screenshot({ path: `${SHOTS}/conveyor-win-dialog.png` });
    await page.getByTestId("win-submit").click();
    // The customer has left the manager's hands: back to the queue, where it is no more.
    await page.waitForURL(/\/queue$/);
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(1);
    await expect(page.getByTestId("queue-company").textContent()).resolves.toBe(LATE);
    await page.context().close();

    const admin = await harness.api("admin", ADMIN_PASSWORD);
    const card = (await admin("GET", `/api/companies/${leadId}`)).json() as { company: { stage: string; holder: { fullName: string; tier: number } } };
    expect(card.company.stage).toBe("customer");
    expect(card.company.holder).toMatchObject({ fullName: "Anna Account", tier: 3 });
    const deals = (await admin("GET", `/api/companies/${leadId}/deals`)).json() as { items: Array<{ stage: string; amountMinor: number }> };
    expect(deals.items[0]).toMatchObject({ stage: "won", amountMinor: 12_000_000 });
  });

  it("lets the account manager accept the customer and mark the promise broken", async () => {
    const page = await harness.newPage("am1", TEAM_PASSWORD, "accounts-table", { viewport: { width: 1440, height: 960 } });
    await page.getByTestId("nav-handovers").click();
    await page.getByTestId("handovers-table").waitFor();
    await page.waitForURL(/\/handovers$/);
    const row = page.locator(`[data-testid="handover-row"][data-company-id="${leadId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Delivery within 48 hours of payment");
    await expect(row.textContent()).resolves.toContain("Maksym Manager");
    await page.screenshot({ path: `${SHOTS}/conveyor-handovers.png` });

    await row.getByTestId("handover-company").click();
    await page.getByTestId("accept-banner").waitFor();
    await page.getByTestId("accept-customer").click();
    await expect.poll(() => page.getByTestId("accept-banner").count()).toBe(0);

    const promise = page.getByTestId("promise-row").first();
    await expect(promise.getAttribute("data-status")).resolves.toBe("open");
    await promise.getByTestId("promise-broken").click();
    await page.getByTestId("promise-note").fill("Delivered on day 4: the truck broke down");
    await page.getByTestId("promise-resolve-submit").click();
    await expect.poll(() => page.getByTestId("promise-row").first().getAttribute("data-status")).toBe("broken");
    await page.screenshot({ path: `${SHOTS}/conveyor-customer-card.png`, fullPage: true });

    // Nothing is waiting any more.
    await page.getByTestId("nav-handovers").click();
    await page.getByTestId("handovers-empty").waitFor();
    await page.context().close();
  });

  it("shows the head conversion per manager and the broken promise against its maker, and refuses the page to a manager", async () => {
    const page = await harness.newPage("head1", TEAM_PASSWORD, "nav-conversion", { viewport: { width: 1440, height: 1000 } });
    await page.getByTestId("nav-conversion").click();
    const manager = page.getByTestId("conversion-row").filter({ hasText: "Maksym Manager" });
    await manager.waitFor();
    await expect(manager.getByTestId("conversion-leadsReceived").textContent()).resolves.toBe("2");
    await expect(manager.getByTestId("conversion-contactedInTime").textContent()).resolves.toBe("1");
    await expect(manager.getByTestId("conversion-proposals").textContent()).resolves.toBe("1");
    await expect(manager.getByTestId("conversion-won").textContent()).resolves.toBe("1");
    await expect(manager.getByTestId("conversion-promisesBroken").textContent()).resolves.toBe("1");
    // The late first contact is on the head's screen too.
    await expect.poll(() => page.getByTestId("overdue-row").count()).toBe(1);
    await expect(page.getByTestId("overdue-row").textContent()).resolves.toContain(LATE);
    const broken = page.getByTestId("broken-promise-row");
    await expect.poll(() => broken.count()).toBe(1);
    await expect(broken.getByTestId("broken-promise-maker").textContent()).resolves.toBe("Maksym Manager");
    await expect(broken.textContent()).resolves.toContain("Delivery within 48 hours of payment");

    // Distribution with nothing waiting says so.
    await page.getByTestId("distribute-leads").click();
    await expect.poll(() => page.getByTestId("distribute-result").textContent()).toContain("No leads are waiting");
    await page.screenshot({ path: `${SHOTS}/conveyor-conversion.png`, fullPage: true });

    await page.getByTestId("nav-team-rules").click();
    await page.getByTestId("rules-stage").first().waitFor();
    await expect(page.getByTestId("rules-stage").count()).resolves.toBe(4);
    await page.screenshot({ path: `${SHOTS}/conveyor-team-rules.png`, fullPage: true });

    // In Ukrainian, the same page reads in Ukrainian.
    await page.getByTestId("language-switch").click();
    await page.getByTestId("language-uk").click();
    await expect.poll(() => page.getByTestId("nav-conversion").textContent()).toBe("Конверсія");
    await page.getByTestId("nav-conversion").click();
    await page.getByTestId("conversion-row").first().waitFor();
    await page.screenshot({ path: `${SHOTS}/conveyor-conversion-uk.png`, fullPage: true });
    await page.context().close();

    // A manager is refused the head's screens, in the browser and by the server.
    const managerPage = await harness.newPage("manager1", TEAM_PASSWORD, "queue-table", { viewport: { width: 1280, height: 800 } });
    await managerPage.goto(`${harness.baseUrl}/conversion`);
    await managerPage.getByTestId("forbidden").waitFor();
    await managerPage.goto(`${harness.baseUrl}/team-rules`);
    await managerPage.getByTestId("forbidden").waitFor();
    await managerPage.context().close();
    const asManager = await harness.api("manager1", TEAM_PASSWORD);
    expect((await asManager("POST", "/api/conversion/distribute")).statusCode).toBe(403);
    expect((await asManager("GET", "/api/conversion/overdue")).statusCode).toBe(200);
  });
});
