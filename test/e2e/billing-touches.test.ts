import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectJson, handedOver } from "./support/arrange.js";
import { SHOTS, startBrowserHarness, TEAM_PASSWORD, type ApiCall, type BrowserHarness } from "./support/browserHarness.js";

/**
 * The back office and the weekly contact system in a real browser. An account manager records a
 * customer's order; the back office, landing on its invoices, issues the invoice through the
 * dialog (numbered by the server), marks it paid and finds it under "Paid", while the head only
 * looks on. A customer whose touch is three days late is flagged to its account manager beside
 * their own coverage; the head sees everyone's coverage and narrows the list to one person with a
 * click. The head's new touch cadence survives a reload of the team rules.
 */
const CUSTOMER = "Lviv Packaging Works";
const LEAD = "Dnipro Bakery Supply";

let harness: BrowserHarness;
let head: ApiCall;
let am: ApiCall;
let backOffice: ApiCall;
let amId = 0;
let managerId = 0;
let customerId = 0;
let leadId = 0;
let orderId = 0;
let secondOrderId = 0;

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const inDays = (days: number) => {
  const d = new Date();
  return isoDay(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days));
};

const signedInPage = (username: string, landmark: string): Promise<Page> =>
  harness.newPage(username, TEAM_PASSWORD, landmark, { viewport: { width: 1440, height: 960 } });

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "manager1", fullName: "Maksym Manager", role: "manager" },
      { username: "am1", fullName: "Anna Account", role: "account_manager" },
      { username: "bo1", fullName: "Bohdana Books", role: "back_office" },
    ],
  });
  const ids = await harness.userIds();
  amId = ids.get("am1")!;
  managerId = ids.get("manager1")!;
  head = await harness.api("head1", TEAM_PASSWORD);
  am = await harness.api("am1", TEAM_PASSWORD);
  backOffice = await harness.api("bo1", TEAM_PASSWORD);

  const { product } = expectJson<{ product: { id: number } }>(await head("POST", "/api/products", { name: "Corrugated box 60×40×40" }), 201);

  // A customer held by its account manager: added cold, handed to a sales manager, then on to the account manager.
  customerId = await handedOver(head, CUSTOMER, { industry: "Packaging", region: "Lviv" }, [managerId, amId]);
  // A lead the sales manager holds, so that the head's coverage has more than one person in it.
  leadId = await handedOver(head, LEAD, { industry: "Food", region: "Dnipro" }, [managerId]);

  // The account manager records two orders: one the back office bills in the browser, one billed beforehand.
  const order = (quantity: number, amountMinor: number) => am("POST", `/api/companies/${customerId}/orders`, { currency: "UAH", lines: [{ productId: product.id, quantity, amountMinor }] });
  orderId = expectJson<{ order: { id: number } }>(await order(500, 1_250_000), 201).order.id;
  secondOrderId = expectJson<{ order: { id: number } }>(await order(200, 480_000), 201).order.id;
  expectJson(await backOffice("POST", `/api/orders/${secondOrderId}/invoice`, { number: "PRE-1", dueOn: inDays(30) }), 201);

  // Both companies' weekly touches are late: the customer's by three days, the lead's by one.
  await harness.database.db.execute(sql`update companies set next_touch_at = now() - interval '3 days' where id = ${customerId}`);
  await harness.database.db.execute(sql`update companies set next_touch_at = now() - interval '1 day' where id = ${leadId}`);
});

afterAll(() => harness?.close());

describe("back office invoices in the browser", () => {
  it("issues an invoice for an order through the dialog, marks it paid, and finds it under Paid", async () => {
    const page = await signedInPage("bo1", "nav-invoices");
    await page.waitForURL(/\/invoices$/);
    // The back office bills; it keeps nobody in touch.
    await expect(page.getByTestId("nav-touches").count()).resolves.toBe(0);

    // "To bill" is the landing tab: the unbilled order, not the one billed beforehand.
    const orderRow = page.getByTestId(`order-row-${orderId}`);
    await orderRow.waitFor();
    await expect(orderRow.textContent()).resolves.toContain(CUSTOMER);
    await expect(orderRow.getByTestId("order-total").textContent()).resolves.toContain("12,500.00");
    await expect(page.getByTestId(`order-row-${secondOrderId}`).count()).resolves.toBe(0);

    // The dialog: number left blank for the server, issued today, due in two weeks.
    await page.getByTestId(`issue-invoice-${orderId}`).click();
    await page.getByTestId("issue-invoice-form").waitFor();
    await expect(page.getByTestId("issue-number").inputValue()).resolves.toBe("");
    await expect(page.getByTestId("issue-issued-on").inputValue()).resolves.toBe(inDays(0));
    await expect(page.getByTestId("issue-due-on").inputValue()).resolves.toBe(inDays(14));
    await page.screenshot({ path: `${SHOTS}/conveyor-issue-invoice.png` });
    await page.getByTestId("issue-submit").click();
    await page.getByTestId("issue-invoice-form").waitFor({ state: "detached" });
    await expect.poll(() => orderRow.count()).toBe(0);

    // Under "Unpaid", numbered by the server: YYYY-000001 (the other invoice has its own number).
    await page.getByTestId("billing-tab-issued").click();
    const invoice = (
      expectJson<{ items: { id: number; orderId: number; number: string; dueOn: string; amountMinor: number }[] }>(await backOffice("GET", "/api/invoices?status=issued"), 200).items
    ).find((i) => i.orderId === orderId)!;
    expect(invoice).toMatchObject({ number: `${new Date().getFullYear()}-000001`, dueOn: inDays(14), amountMinor: 1_250_000 });
    const row = page.getByTestId(`invoice-row-${invoice.id}`);
    await row.waitFor();
    await expect(row.getByTestId("invoice-number").textContent()).resolves.toMatch(/^\d{4}-\d{6}$/);
    await expect(row.getByTestId("invoice-number").textContent()).resolves.toBe(invoice.number);
    await expect(row.getByTestId("invoice-company").textContent()).resolves.toBe(CUSTOMER);
    await expect(row.getByTestId("invoice-amount").textContent()).resolves.toContain("12,500.00");
    await expect(row.getByTestId("invoice-status").textContent()).resolves.toBe("Unpaid");
    await page.screenshot({ path: `${SHOTS}/conveyor-invoices-unpaid.png` });

    // Paid today: it leaves "Unpaid" and is found under "Paid".
    await page.getByTestId(`invoice-pay-${invoice.id}`).click();
    await expect(page.getByTestId("pay-paid-on").inputValue()).resolves.toBe(inDays(0));
    await page.getByTestId("pay-submit").click();
    await page.getByTestId("pay-invoice-form").waitFor({ state: "detached" });
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId("billing-tab-paid").click();
    const paid = page.getByTestId(`invoice-row-${invoice.id}`);
    await paid.waitFor();
    await expect(paid.getByTestId("invoice-status").textContent()).resolves.toBe("Paid");
    await expect(paid.getByTestId(`invoice-pay-${invoice.id}`).count()).resolves.toBe(0);
    const stored = expectJson<{ items: { id: number; status: string; paidOn: string }[] }>(await backOffice("GET", "/api/invoices?status=paid"), 200).items;
    expect(stored.find((i) => i.id === invoice.id)).toMatchObject({ status: "paid", paidOn: inDays(0) });
    await page.context().close();
  });

  it("shows the head the invoices read-only, and gives the account manager no invoices", async () => {
    const page = await signedInPage("head1", "nav-invoices");
    await page.getByTestId("nav-invoices").click();
    await page.getByTestId("billing-tab-issued").click();
    const prebilled = expectJson<{ items: { id: number; orderId: number }[] }>(await head("GET", "/api/invoices?status=issued"), 200).items.find((i) => i.orderId === secondOrderId)!;
    const row = page.getByTestId(`invoice-row-${prebilled.id}`);
    await row.waitFor();
    await expect(row.getByTestId("invoice-number").textContent()).resolves.toBe("PRE-1");
    await expect(page.getByTestId(`invoice-pay-${prebilled.id}`).count()).resolves.toBe(0);
    await expect(page.getByTestId(`invoice-cancel-${prebilled.id}`).count()).resolves.toBe(0);
    await page.context().close();

    const amPage = await signedInPage("am1", "nav-touches");
    await expect(amPage.getByTestId("nav-invoices").count()).resolves.toBe(0);
    await amPage.context().close();
  });
});

describe("weekly contact in the browser", () => {
  it("flags the account manager's late touch beside their own coverage", async () => {
    const page = await signedInPage("am1", "nav-touches");
    await page.getByTestId("nav-touches").click();
    await page.waitForURL(/\/touches$/);
    await page.getByTestId("coverage-own").waitFor();
    await expect(page.getByTestId("coverage-table").count()).resolves.toBe(0);
    const own = expectJson<{ team: { live: number; touched: number; share: number; overdue: number } }>(await am("GET", "/api/touches/coverage"), 200).team;
    expect(own).toMatchObject({ live: 1, overdue: 1 });
    await expect(page.getByTestId("coverage-own-live").textContent()).resolves.toBe("1");
    await expect(page.getByTestId("coverage-own-overdue").textContent()).resolves.toBe("1");
    await expect(page.getByTestId("coverage-own-touched").textContent()).resolves.toBe(String(own.touched));
    await expect(page.getByTestId("coverage-own-share").textContent()).resolves.toBe(`${Math.round(own.share * 100)}%`);

    // Only their own company, flagged overdue by three days; the sales manager's lead is not theirs.
    const row = page.getByTestId(`touch-row-${customerId}`);
    await row.waitFor();
    await expect(row.getAttribute("data-status")).resolves.toBe("overdue");
    await expect(row.getByTestId("touch-status").textContent()).resolves.toBe("Overdue, days: 3");
    await expect(page.getByTestId(`touch-row-${leadId}`).count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/conveyor-touches-own.png` });

    // The company's name leads to its card, where the touch is logged.
    await row.getByTestId("touch-company").click();
    await page.waitForURL(new RegExp(`/companies/${customerId}$`));
    await page.context().close();
  });

  it("shows the head everyone's coverage and narrows the list to one person with a click", async () => {
    const page = await signedInPage("head1", "nav-touches");
    await page.getByTestId("nav-touches").click();
    await page.getByTestId("coverage-table").waitFor();
    await expect(page.getByTestId("coverage-own").count()).resolves.toBe(0);
    const amLine = page.getByTestId(`coverage-row-${amId}`);
    await amLine.waitFor();
    await expect(amLine.getByTestId("coverage-person").textContent()).resolves.toContain("Anna Account");
    await expect(amLine.getByTestId("coverage-live").textContent()).resolves.toBe("1");
    await expect(amLine.getByTestId("coverage-overdue").textContent()).resolves.toBe("1");
    await expect(page.getByTestId(`coverage-row-${managerId}`).getByTestId("coverage-overdue").textContent()).resolves.toBe("1");
    await expect(page.getByTestId("coverage-team").getByTestId("coverage-overdue").textContent()).resolves.toBe("2");

    // Both late touches are listed, until the account manager's line is clicked.
    const rows = page.locator('[data-testid^="touch-row-"]');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(page.getByTestId(`touch-row-${leadId}`).getByTestId("touch-holder").textContent()).resolves.toBe("Maksym Manager");
    await amLine.click();
    await page.waitForURL(new RegExp(`holder=${amId}`));
    await expect.poll(() => amLine.getAttribute("data-selected")).toBe("true");
    await expect.poll(() => rows.count()).toBe(1);
    await expect(page.getByTestId(`touch-row-${customerId}`).getByTestId("touch-holder").textContent()).resolves.toBe("Anna Account");
    await expect(page.getByTestId(`touch-row-${leadId}`).count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/conveyor-touches-head.png`, fullPage: true });
    await page.context().close();
  });

  it("keeps the head's new touch cadence across a reload of the team rules", async () => {
    const page = await signedInPage("head1", "nav-team-rules");
    await page.getByTestId("nav-team-rules").click();
    const cadence = page.getByTestId("rules-cadence-days");
    await cadence.waitFor();
    await expect(cadence.inputValue()).resolves.toBe("7");
    await expect(page.getByTestId("rules-reorder-reminder-days").inputValue()).resolves.toBe("3");
    await cadence.fill("5");
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/settings") && r.request().method() === "PUT");
    await page.getByTestId("team-rules-save").click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.getByTestId("rules-cadence-days").waitFor();
    await expect(page.getByTestId("rules-cadence-days").inputValue()).resolves.toBe("5");
    const settings = expectJson<{ settings: { cadenceDays: number; reorderReminderDays: number } }>(await head("GET", "/api/settings"), 200).settings;
    expect(settings).toMatchObject({ cadenceDays: 5, reorderReminderDays: 3 });
    await page.context().close();
  });
});
