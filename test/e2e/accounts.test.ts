import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { expectJson, handedOver } from "./support/arrange.js";
import { pick, SHOTS, startBrowserHarness, TEAM_PASSWORD, type ApiCall, type BrowserHarness } from "./support/browserHarness.js";

/**
 * Tier 3 in a real browser: an account manager's morning list of customers with their segment
 * and next expected purchase, filtered by segment; the customer's card with the instruction
 * (what, how often, when next), what similar customers also buy, and a repeat order recorded
 * through the dialog. A sales manager has no customers' list.
 *
 * The customer bought product A three times, 30 days apart, the last 28 days ago: it is expected
 * to buy again in 2 days (a reminder is due). Four other customers bought A and B, so B is what
 * to offer it.
 */
const CUSTOMER = "Lviv Bakery Supply";
const NEWCOMER = "Dnipro Print House";
const PRODUCT_A = "Kraft paper roll";
const PRODUCT_B = "Packing tape 48 mm";

let harness: BrowserHarness;
let head: ApiCall;
let today = "";
let customerId = 0;
let newcomerId = 0;
let userIds: Map<string, number>;
const productIds = new Map<string, number>();

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A customer: added cold, handed to the sales manager, then on to its account manager. */
const createCustomer = (legalName: string, fields: Record<string, unknown>, accountManager: string) =>
  handedOver(head, legalName, fields, [userIds.get("manager1")!, userIds.get(accountManager)!]);

async function order(companyId: number, daysAgo: number, lines: { product: string; quantity: number; amountMinor: number }[]) {
  const res = await head("POST", `/api/companies/${companyId}/orders`, {
    orderedOn: addDays(today, -daysAgo),
    currency: "UAH",
    lines: lines.map((l) => ({ productId: productIds.get(l.product)!, quantity: l.quantity, amountMinor: l.amountMinor })),
  });
  expectJson(res, 201);
}

/** A day as the web app shows it in English (formatDay), formatted by the browser itself. */
const shownDay = (page: Page, day: string) =>
  page.evaluate((d) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date(`${d}T12:00:00`)), day);

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "manager1", fullName: "Maksym Manager", role: "manager" },
      { username: "am1", fullName: "Anna Account", role: "account_manager" },
      { username: "am2", fullName: "Bohdan Account", role: "account_manager" },
    ],
  });
  userIds = await harness.userIds();
  head = await harness.api("head1", TEAM_PASSWORD);
  today = ((await head("GET", "/api/accounts")).json() as { today: string }).today;
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  for (const name of [PRODUCT_A, PRODUCT_B]) {
    productIds.set(name, expectJson<{ product: { id: number } }>(await head("POST", "/api/products", { name }), 201).product.id);
  }

  // The customer: A every 30 days, the last time 28 days ago.
  customerId = await createCustomer(CUSTOMER, { industry: "Bakery", size: "small", region: "Lviv" }, "am1");
  for (const daysAgo of [88, 58, 28]) await order(customerId, daysAgo, [{ product: PRODUCT_A, quantity: 100, amountMinor: 1_000_000 }]);
  // A newcomer of the same account manager's, and three quiet customers of another's: all bought A and B.
  newcomerId = await createCustomer(NEWCOMER, { industry: "Printing", region: "Dnipro" }, "am1");
  await order(newcomerId, 5, [
    { product: PRODUCT_A, quantity: 20, amountMinor: 300_000 },
    { product: PRODUCT_B, quantity: 50, amountMinor: 200_000 },
  ]);
  for (const name of ["Kyiv Pastry Co", "Odesa Bread Factory", "Kharkiv Bagels"]) {
    const id = await createCustomer(name, { industry: "Bakery" }, "am2");
    await order(id, 60, [
      { product: PRODUCT_A, quantity: 10, amountMinor: 150_000 },
      { product: PRODUCT_B, quantity: 20, amountMinor: 150_000 },
    ]);
  }

  // The nightly sweep ranks every customer against the others.
  const sweep = await runSweep(harness.database, SWEEPS.find((s) => s.name === "account-insights")!, { timeZone: "Europe/Kyiv" });
  expect(sweep.ran).toBe(true);
});

afterAll(() => harness?.close());

describe("tier 3 in the browser", () => {
  it("shows the account manager's customers with segment and expected purchase, filters by segment, and records a repeat order on the card", async () => {
    const page = await harness.newPage("am1", TEAM_PASSWORD, "accounts-table", { viewport: { width: 1440, height: 1000 } });
    await page.waitForURL(/\/accounts$/);
    await expect(page.getByTestId("nav-accounts").textContent()).resolves.toBe("My customers");

    // Own customers only, with their segment and next expected purchase.
    const row = page.getByTestId(`account-row-${customerId}`);
    const newcomer = page.getByTestId(`account-row-${newcomerId}`);
    await row.waitFor();
    await newcomer.waitFor();
    await expect(page.locator('[data-testid^="account-row-"]').count()).resolves.toBe(2);
    await expect(row.getAttribute("data-segment")).resolves.toBe("champions");
    await expect(row.getByTestId("segment-badge").textContent()).resolves.toBe("Champions");
    await expect(newcomer.getAttribute("data-segment")).resolves.toBe("new");
    const expected = addDays(today, 2);
    await expect(row.getByTestId("account-expected-on").getAttribute("data-day")).resolves.toBe(expected);
    await expect(row.getByTestId("account-expected-on").textContent()).resolves.toBe(await shownDay(page, expected));
    await expect(row.getByTestId("reorder-badge").textContent()).resolves.toBe("Remind");
    await expect(row.getByTestId("account-last").textContent()).resolves.toContain("28 days ago");
    await expect(row.getByTestId("account-rfm").textContent()).resolves.toMatch(/^R\d F\d M\d$/);
    // Both were handed over and not yet accepted: the banner leads to them.
    await expect(page.getByTestId("accounts-handovers-banner").textContent()).resolves.toContain("2");
    await page.screenshot({ path: `${SHOTS}/conveyor-accounts.png`, fullPage: true });

    // Segment chips filter the list (and show their counts).
    await expect(page.getByTestId("segment-champions").textContent()).resolves.toContain("1");
    await page.getByTestId("segment-new").click();
    await expect.poll(() => page.locator('[data-testid^="account-row-"]').count()).toBe(1);
    await expect(newcomer.count()).resolves.toBe(1);
    await page.getByTestId("segment-new").click();
    await page.getByTestId("segment-champions").click();
    await expect.poll(() => page.getByTestId("segment-champions").getAttribute("data-checked")).toBe("true");
    await expect.poll(() => page.locator('[data-testid^="account-row-"]').count()).toBe(1);
    await expect(row.count()).resolves.toBe(1);
    // Reminders due: only the customer expected in 2 days.
    await page.getByTestId("segment-champions").click();
    await page.getByTestId("accounts-reorder").getByText("Due to remind").click();
    await expect.poll(() => page.locator('[data-testid^="account-row-"]').count()).toBe(1);
    await expect(row.count()).resolves.toBe(1);
    await page.getByTestId("accounts-reorder").getByText("Overdue to buy").click();
    await page.getByTestId("accounts-empty").waitFor();

    // The card: the instruction in sentences, products, what similar customers buy.
    await page.getByTestId("accounts-reorder").getByText("All").click();
    await row.getByTestId("account-name").click();
    await page.waitForURL(new RegExp(`/companies/${customerId}$`));
    const instruction = page.getByTestId("account-instruction");
    await instruction.waitFor();
    await expect(page.getByTestId("instruction-who").textContent()).resolves.toBe("Who they are: Bakery, small company, Lviv.");
    await expect(page.getByTestId("instruction-last").textContent()).resolves.toBe(`Last purchase 28 days ago, on ${await shownDay(page, addDays(today, -28))}.`);
    await expect(page.getByTestId("instruction-what").textContent()).resolves.toContain(`${PRODUCT_A} × 300 (usually 100 at a time)`);
    await expect(page.getByTestId("instruction-rhythm").textContent()).resolves.toBe(
      `Buys about every 30 days; next purchase expected on ${await shownDay(page, expected)}, confidence 50%.`,
    );
    await expect(page.getByTestId("instruction-reorder").textContent()).resolves.toContain("Time to remind them");
    await expect(page.getByTestId("instruction-segment").textContent()).resolves.toContain("Segment: Champions — ");
    await expect(page.getByTestId("cross-sell").textContent()).resolves.toContain(`${PRODUCT_B} (4 of 4 similar customers)`);
    await expect(page.getByTestId("orders-table").getByTestId("order-row").count()).resolves.toBe(3);
    await page.getByTestId("account-section").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/conveyor-account-card.png`, fullPage: true });

    // A repeat order through the dialog: it shows in the orders, and the dates move at once.
    await page.getByTestId("record-order").click();
    await expect(page.getByTestId("order-date").inputValue()).resolves.toBe(today);
    await pick(page, page.getByTestId("order-line-product"), PRODUCT_A);
    await page.getByTestId("order-line-quantity").fill("120");
    await page.getByTestId("order-line-amount").fill("12500");
    await page.getByTestId("order-line-add").click();
    await pick(page, page.getByTestId("order-line-product").nth(1), PRODUCT_B);
    await page.getByTestId("order-line-quantity").nth(1).fill("10");
    await page.getByTestId("order-line-amount").nth(1).fill("800");
    await expect.poll(() => page.getByTestId("order-total").textContent()).toContain("13,300.00");
    await page.screenshot({ path: `${SHOTS}/conveyor-order-dialog.png` });
    await page.getByTestId("order-submit").click();
    await page.getByTestId("order-form").waitFor({ state: "detached" });
    const orders = page.getByTestId("orders-table").getByTestId("order-row");
    await expect.poll(() => orders.count()).toBe(4);
    await expect(orders.first().textContent()).resolves.toContain(`${PRODUCT_A} × 120`);
    await expect(orders.first().textContent()).resolves.toContain(`${PRODUCT_B} × 10`);
    await expect(orders.first().textContent()).resolves.toContain("13,300.00");
    await expect(orders.first().textContent()).resolves.toContain("Not billed yet");
    await expect.poll(() => page.getByTestId("instruction-last").textContent()).toContain("Last purchase today");
    await expect.poll(() => page.getByTestId("instruction-rhythm").textContent()).toContain(`next purchase expected on ${await shownDay(page, addDays(today, 30))}`);
    // B is bought now: nothing else to offer.
    await expect.poll(() => page.getByTestId("cross-sell-item").count()).toBe(0);
    // The order is on the timeline as a repeat order.
    await expect.poll(() => page.locator('[data-testid="timeline-entry"][data-kind="order_created"]').first().textContent()).toMatch(/^Order/);
    await page.screenshot({ path: `${SHOTS}/conveyor-account-card-after-order.png`, fullPage: true });

    // In Ukrainian, the instruction reads in Ukrainian.
    await page.getByTestId("language-switch").click();
    await page.getByTestId("language-uk").click();
    await expect.poll(() => page.getByTestId("instruction-rhythm").textContent()).toMatch(/^Купує приблизно раз на 30 дн\.; наступну покупку очікуємо .+, упевненість \d+\s%\.$/);
    await expect(page.getByTestId("instruction-segment").textContent()).resolves.toMatch(/^Сегмент: Чемпіони — /);
    await page.screenshot({ path: `${SHOTS}/conveyor-account-card-uk.png`, fullPage: true });
    await page.context().close();

    const am = await harness.api("am1", TEAM_PASSWORD);
    const list = (await am("GET", `/api/orders?companyId=${customerId}`)).json() as { total: number; items: { totalMinor: number; createdBy: number }[] };
    expect(list.total).toBe(4);
    expect(list.items[0]).toMatchObject({ totalMinor: 1_330_000, createdBy: userIds.get("am1") });
  });

  it("shows the head every customer with its account manager, filtered by holder", async () => {
    const page = await harness.newPage("head1", TEAM_PASSWORD, "nav-accounts", { viewport: { width: 1440, height: 1000 } });
    await page.getByTestId("nav-accounts").click();
    await page.getByTestId("accounts-table").waitFor();
    await expect(page.getByTestId("nav-accounts").textContent()).resolves.toBe("Customers");
    await expect.poll(() => page.locator('[data-testid^="account-row-"]').count()).toBe(5);
    await expect(page.getByTestId("segment-at_risk").textContent()).resolves.toContain("3");
    await pick(page, page.getByTestId("accounts-holder"), "Bohdan Account");
    await expect.poll(() => page.locator('[data-testid^="account-row-"]').count()).toBe(3);
    await expect(page.getByTestId("accounts-table").textContent()).resolves.not.toContain(CUSTOMER);
    await page.context().close();
  });

  it("gives a sales manager no customers' list", async () => {
    const page = await harness.newPage("manager1", TEAM_PASSWORD, "queue-table", { viewport: { width: 1280, height: 860 } });
    await expect(page.getByTestId("nav-accounts").count()).resolves.toBe(0);
    await page.goto(`${harness.baseUrl}/accounts`);
    await page.getByTestId("forbidden").waitFor();
    await expect(page.getByTestId("accounts-table").count()).resolves.toBe(0);
    await page.context().close();

    const manager = await harness.api("manager1", TEAM_PASSWORD);
    expect((await manager("GET", "/api/accounts")).statusCode).toBe(403);
    expect((await manager("GET", `/api/companies/${customerId}/account`)).statusCode).toBe(403);
  });
});
