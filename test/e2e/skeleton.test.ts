import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectJson } from "./support/arrange.js";
import { ADMIN_PASSWORD, SHOTS, startBrowserHarness, type BrowserHarness } from "./support/browserHarness.js";
import { edrpouCheckDigit } from "../../src/domain/legalIds.js";

/**
 * The walking skeleton in a real browser: the built web app (dist/web, from `vite build`)
 * served by the real server on an in-memory database, driven through Debian's Chromium.
 */
const CALLER_PASSWORD = "caller-password-1";

let harness: BrowserHarness;

const edrpou = (body: string) => body + edrpouCheckDigit(body);

beforeAll(async () => {
  harness = await startBrowserHarness({ password: CALLER_PASSWORD, team: [{ username: "caller1", fullName: "Olena Caller", role: "caller" }] });

  // A few companies so the list looks like a working day, not an empty demo.
  const call = await harness.api("admin", ADMIN_PASSWORD);
  const seed = [
    { legalName: "Dnipro Steel Components LLC", legalId: edrpou("3131672"), industry: "Manufacturing", region: "Dnipro", size: "large" },
    { legalName: "Lviv Coffee Roasters", legalId: edrpou("2234561"), industry: "Food & beverage", region: "Lviv", size: "small" },
    { legalName: "Odesa Port Logistics", industry: "Logistics", region: "Odesa", size: "medium" },
    { legalName: "Kharkiv Agro Holding", groupName: "Agro Group", industry: "Agriculture", region: "Kharkiv", size: "large" },
  ];
  for (const company of seed) expectJson(await call("POST", "/api/companies", { ...company, contacts: [] }), 201);
});

afterAll(() => harness?.close());

describe("walking skeleton in the browser", () => {
  it("signs in, adds a company with a contact, finds it by phone, opens its card, speaks Ukrainian", async () => {
    const page = await harness.openPage();

    await page.goto(`${harness.baseUrl}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByTestId("sign-in-form").waitFor();
    await expect(page.getByRole("heading", { name: "Sign in to Conveyor" }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/conveyor-sign-in.png` });

    // A wrong password is refused, in words.
    await page.getByTestId("sign-in-username").fill("admin");
    await page.getByTestId("sign-in-password").fill("not-the-password");
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("sign-in-error").textContent()).resolves.toContain("Wrong username or password");

    await harness.signIn(page, "admin", ADMIN_PASSWORD);
    await page.waitForURL(/\/companies$/);
    await expect(page.getByTestId("nav-team").isVisible()).resolves.toBe(true);

    // A new company with one contact; the phone is typed the way people dial it.
    await page.getByTestId("company-create-open").click();
    await page.getByTestId("company-legal-name").fill("Horizon Trade LLC");
    await page.getByTestId("company-legal-id").fill(edrpou("4123456"));
    await page.getByTestId("company-industry").fill("Wholesale");
    await page.getByTestId("company-region").fill("Kyiv");
    await page.getByTestId("new-contact-0-full-name").fill("Iryna Kovalenko");
    await page.getByTestId("new-contact-0-position").fill("Procurement director");
    await page.getByTestId("new-contact-0-phones").fill("067 123 45 67");
    await page.getByTestId("company-create-submit").click();
    await page.waitForURL(/\/companies\/\d+$/);
    await expect(page.getByTestId("company-title").textContent()).resolves.toBe("Horizon Trade LLC");

    // Found by that phone from the list's one search box.
    await page.getByTestId("nav-companies").click();
    await page.getByTestId("company-row").first().waitFor();
    await page.screenshot({ path: `${SHOTS}/conveyor-company-list.png` });
    await page.getByTestId("company-search").fill("067 123 45 67");
    await page.waitForURL(/q=067/);
    const row = page.getByTestId("company-row");
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.first().textContent()).resolves.toContain("Horizon Trade LLC");

    // The card shows the contact with the phone stored in E.164.
    await row.first().click();
    await page.waitForURL(/\/companies\/\d+$/);
    const phone = page.getByTestId("contact-phone");
    await phone.waitFor();
    await expect(phone.textContent()).resolves.toBe("+380671234567");
    await expect(phone.getAttribute("href")).resolves.toBe("tel:+380671234567");
    await expect(page.getByTestId("contact").textContent()).resolves.toContain("Iryna Kovalenko");

    // Log a call; it appears on the timeline.
    await page.getByTestId("activity-text").fill("Spoke with Iryna: wants a price list for Q3.");
    await page.getByTestId("activity-submit").click();
    await page.locator('[data-testid="timeline-entry"][data-kind="call"]').waitFor();
    await page.screenshot({ path: `${SHOTS}/conveyor-company-card.png`, fullPage: true });

    // The same phone on another company is refused with a link to the one that has it.
    await page.getByTestId("nav-companies").click();
    await page.getByTestId("company-create-open").click();
    await page.getByTestId("company-legal-name").fill("Someone Else Ltd");
    await page.getByTestId("new-contact-0-full-name").fill("Petro Shevchenko");
    await page.getByTestId("new-contact-0-phones").fill("+380 67 123 4567");
    await page.getByTestId("company-create-submit").click();
    const existing = page.getByTestId("existing-company-link");
    await existing.waitFor();
    await expect(existing.textContent()).resolves.toBe("Horizon Trade LLC");
    await expect(page.getByTestId("error-alert").textContent()).resolves.toContain("already belongs to another company");
    await page.screenshot({ path: `${SHOTS}/conveyor-duplicate-phone.png` });
    await page.keyboard.press("Escape");

    // Ukrainian at once, and still after a reload (stored on the user).
    await page.getByTestId("language-switch").click();
    await page.getByTestId("language-uk").click();
    await expect.poll(() => page.getByTestId("nav-companies").textContent()).toBe("Компанії");
    await expect(page.getByTestId("company-search").getAttribute("placeholder")).resolves.toBe("Назва, ЄДРПОУ або телефон");
    await expect(page.getByRole("textbox", { name: "Пошук компаній" }).count()).resolves.toBe(1);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("uk");
    await page.reload();
    await page.getByTestId("nav-companies").waitFor();
    await expect(page.getByTestId("nav-companies").textContent()).resolves.toBe("Компанії");
    await expect(page.getByTestId("company-create-open").textContent()).resolves.toBe("Нова компанія");
    await page.screenshot({ path: `${SHOTS}/conveyor-company-list-uk.png` });
    await page.context().close();
  });

  it("shows a caller only their own companies and refuses the team page", async () => {
    const page = await harness.newPage("caller1", CALLER_PASSWORD, "nav-companies", { viewport: { width: 1280, height: 800 } });
    await expect(page.getByTestId("nav-companies").textContent()).resolves.toBe("My companies");
    await expect(page.getByTestId("nav-team").count()).resolves.toBe(0);
    // A caller's home is the calling screen (tier 1); what they hold is one click away.
    await page.waitForURL(/\/calling$/);
    await page.getByTestId("nav-companies").click();
    // Nothing is held by this caller yet: the whole base stays out of sight.
    await page.getByTestId("company-list-empty").waitFor();
    await expect(page.getByTestId("company-row").count()).resolves.toBe(0);

    await page.goto(`${harness.baseUrl}/team`);
    const forbidden = page.getByTestId("forbidden");
    await forbidden.waitFor();
    await expect(forbidden.textContent()).resolves.toContain("Not available for your role");
    await page.screenshot({ path: `${SHOTS}/conveyor-forbidden.png` });
    await page.context().close();
  });

  it("lets the head add a manager, assign a holder, hand off, and shows field errors in Ukrainian", async () => {
    // The admin chose Ukrainian in the first test: the UI follows the stored choice.
    const page = await harness.newPage("admin", ADMIN_PASSWORD);
    await expect(page.getByTestId("nav-team").textContent()).resolves.toBe("Команда");

    await page.getByTestId("nav-team").click();
    await page.getByTestId("user-add").click();
    await page.getByTestId("user-username").fill("manager1");
    await page.getByTestId("user-full-name").fill("Maksym Manager");
    await page.getByTestId("user-role").click();
    await page.getByRole("option", { name: "Менеджер з продажів" }).click();
    await page.getByTestId("user-password").fill("manager-password-1");
    await page.getByTestId("user-submit").click();
    await expect.poll(() => page.getByTestId("team-table").textContent()).toContain("Maksym Manager");
    await page.screenshot({ path: `${SHOTS}/conveyor-team.png` });

    await page.getByTestId("nav-companies").click();
    await page.getByTestId("company-search").fill("Odesa");
    await expect.poll(() => page.getByTestId("company-row").count()).toBe(1);
    await page.getByTestId("company-row").first().click();

    // Within the cold tier the head gives it to a caller…
    await page.getByTestId("action-assign-holder").click();
    await page.getByTestId("assign-holder-user").click();
    await page.getByRole("option", { name: "Olena Caller" }).click();
    await page.getByTestId("assign-holder-submit").click();
    await expect.poll(() => page.getByTestId("company-holder").textContent()).toContain("Olena Caller");

    // …then hands it on to a sales manager: the stage becomes lead.
    await page.getByTestId("action-hand-off").click();
    await page.getByTestId("hand-off-user").click();
    await page.getByRole("option", { name: "Maksym Manager" }).click();
    await page.getByTestId("hand-off-submit").click();
    await expect.poll(() => page.getByTestId("company-card").getByTestId("stage-badge").getAttribute("data-stage")).toBe("lead");
    await expect.poll(() => page.getByTestId("company-holder").textContent()).toContain("Maksym Manager");
    await page.locator('[data-testid="timeline-entry"][data-kind="handed_over"]').waitFor();

    // A tax id with a wrong check digit is refused and the field says why.
    const body = "4123457";
    const wrong = body + String((Number(edrpouCheckDigit(body)) + 1) % 10);
    await page.getByTestId("action-edit").click();
    await page.getByTestId("company-legal-id").fill(wrong);
    await page.getByTestId("company-edit-submit").click();
    await expect.poll(() => page.getByTestId("company-edit").textContent()).toContain("ЄДРПОУ / ІПН недійсний");
    await page.screenshot({ path: `${SHOTS}/conveyor-edit-error.png` });
    await page.keyboard.press("Escape");
    await page.screenshot({ path: `${SHOTS}/conveyor-company-card-lead.png`, fullPage: true });
    await page.context().close();
  });
});
