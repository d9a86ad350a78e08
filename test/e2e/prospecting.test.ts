import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectJson } from "./support/arrange.js";
import { ADMIN_PASSWORD, pick, SHOTS, startBrowserHarness, TEAM_PASSWORD, type BrowserHarness } from "./support/browserHarness.js";

/**
 * Tier 1 in a real browser: the head writes a branching script and builds a call list for a
 * caller; the caller walks the script, qualifies an interested prospect and hands the lead to a
 * sales manager, and the next company is in front of them at once.
 */
let harness: BrowserHarness;
/** The company the caller handed over, for the head to open afterwards. */
let handedOverId = 0;

const companyOnScreen = async (page: Page) => Number(await page.getByTestId("calling-company").getAttribute("data-company-id"));

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "caller1", fullName: "Olena Caller", role: "caller" },
      { username: "caller2", fullName: "Taras Caller", role: "caller" },
      { username: "manager1", fullName: "Maksym Manager", role: "manager" },
    ],
  });

  // Three packaging companies to call, and one retailer the list must leave out.
  const admin = await harness.api("admin", ADMIN_PASSWORD);
  const seed = [
    { legalName: "Kyiv Carton Works", industry: "Packaging", region: "Kyiv", size: "medium", contacts: [{ fullName: "Iryna Kovalenko", position: "Procurement director", phones: ["067 123 45 61"], decisionMaker: true }] },
    { legalName: "Boryspil Box LLC", industry: "Packaging", region: "Kyiv", size: "small", contacts: [{ fullName: "Petro Melnyk", position: "Owner", phones: ["067 123 45 62"] }] },
    { legalName: "Irpin Film & Foil", industry: "Packaging", region: "Kyiv", size: "large", contacts: [{ fullName: "Oksana Bondar", phones: ["067 123 45 63"] }] },
    { legalName: "Lviv Corner Shop", industry: "Retail", region: "Lviv", size: "micro", contacts: [] },
  ];
  for (const company of seed) expectJson(await admin("POST", "/api/companies", company), 201);
  // A "what to do when…" page for the caller to open mid-call.
  const head = await harness.api("head1", TEAM_PASSWORD);
  const page = await head("POST", "/api/instructions", { title: "They ask for a price at once", body: "Say prices depend on volume; offer a manager's call with an exact quote.\nNever name a number yourself." });
  expectJson(page, 201);
});

afterAll(() => harness?.close());

describe("tier 1 in the browser", () => {
  it("lets the head write a branching script and build a call list with a live count", async () => {
    const page = await harness.newPage("head1", TEAM_PASSWORD, "nav-call-lists");
    await expect(page.getByTestId("nav-scripts").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("nav-results").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("nav-calling").count()).resolves.toBe(0);

    // Step 1 with two answers: one leads to a new step 2, one ends with a call-back.
    await page.getByTestId("nav-scripts").click();
    await page.getByTestId("script-new").click();
    await page.getByTestId("script-name").fill("Cold call: packaging");
    const step1 = page.locator('[data-testid="script-step-editor"][data-step="s1"]');
    await step1.getByTestId("step-say").fill("Good afternoon! This is Olena from Conveyor Packaging. Who buys packaging for your company?");
    await step1.getByTestId("answer-label").nth(0).fill("That's me, go on");
    await pick(page, step1.getByTestId("answer-then").nth(0), "+ New step");
    await step1.getByTestId("answer-add").click();
    await step1.getByTestId("answer-label").nth(1).fill("Busy now");
    await pick(page, step1.getByTestId("answer-then").nth(1), "Call back");

    const step2 = page.locator('[data-testid="script-step-editor"][data-step="s2"]');
    await step2.waitFor();
    // An empty step is flagged before saving.
    await expect(page.getByTestId("script-problem-count").isVisible()).resolves.toBe(true);
    await step2.getByTestId("step-say").fill("We make cartons to size from 500 pieces, delivered in 5 days. How do you pack your goods today?");
    await step2.getByTestId("answer-label").nth(0).fill("We need a better supplier");
    await pick(page, step2.getByTestId("answer-then").nth(0), "Interested");
    await step2.getByTestId("answer-add").click();
    await step2.getByTestId("answer-label").nth(1).fill("Happy with ours");
    await pick(page, step2.getByTestId("answer-then").nth(1), "Not interested");
    await page.getByTestId("script-sound").waitFor();
    await page.getByTestId("script-save").click();
    await expect.poll(() => page.getByTestId("script-version").textContent()).toBe("v1");
    await page.screenshot({ path: `${SHOTS}/conveyor-script-editor.png`, fullPage: true });

    // The call list: Packaging only (3 of 4 companies), this script, caller1.
    await page.getByTestId("nav-call-lists").click();
    await page.getByTestId("call-list-new").click();
    await page.getByTestId("call-list-name").fill("Kyiv packaging buyers");
    await expect.poll(() => page.getByTestId("call-list-preview-count").textContent()).toBe("4");
    await pick(page, page.getByTestId("criteria-industries"), "Packaging");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("call-list-preview-count").textContent()).toBe("3");
    await pick(page, page.getByTestId("call-list-script"), /Cold call: packaging/);
    await page.locator('[data-testid="call-list-caller"][data-username="caller1"]').check();
    await page.screenshot({ path: `${SHOTS}/conveyor-call-list-editor.png` });
    await page.getByTestId("call-list-submit").click();
    const row = page.getByTestId("call-list-row");
    await expect.poll(() => row.count()).toBe(1);
    await expect(page.getByTestId("call-list-ready").textContent()).resolves.toBe("3");
    await expect(row.textContent()).resolves.toContain("Olena Caller");
    await page.screenshot({ path: `${SHOTS}/conveyor-call-lists.png` });
    await page.context().close();
  });

  it("walks the caller through the script to a hand-over, then the next company at once", async () => {
    const page = await harness.newPage("caller1", TEAM_PASSWORD, "nav-calling", { viewport: { width: 1440, height: 960 } });
    await page.waitForURL(/\/calling$/);
    // A caller works the list, not the base: only what they hold, no team, no list building.
    await expect(page.getByTestId("nav-companies").textContent()).resolves.toBe("My companies");
    await expect(page.getByTestId("nav-team").count()).resolves.toBe(0);
    await expect(page.getByTestId("nav-call-lists").count()).resolves.toBe(0);

    await page.getByTestId("calling-start-button").click();
    await page.getByTestId("calling-company").waitFor();
    const first = await companyOnScreen(page);
    handedOverId = first;
    await expect(page.getByTestId("contact-phone").first().getAttribute("href")).resolves.toMatch(/^tel:\+380671234/);

    // The instructions open mid-call and close again.
    await page.getByTestId("instructions-open").click();
    await page.getByText("They ask for a price at once").waitFor();
    await page.keyboard.press("Escape");

    // Step 1 -> step 2 -> "we need a better supplier" pre-selects Interested.
    await expect(page.getByTestId("script-say").textContent()).resolves.toContain("Who buys packaging");
    await page.locator('[data-testid="script-answer"][data-answer="a1"]').click();
    await expect.poll(() => page.getByTestId("script-say").textContent()).toContain("How do you pack your goods");
    await page.getByRole("button", { name: /We need a better supplier/ }).click();
    await page.getByTestId("script-finished").waitFor();
    await expect.poll(() => page.getByTestId("outcome-interested").getAttribute("data-active")).toBe("true");

    await page.getByTestId("qualification-need").fill("2,000 cartons a month for coffee, printed");
    await page.getByTestId("qualification-timing").fill("From next month");
    await page.getByTestId("qualification-budget").fill("About 40,000 UAH a month");
    await page.screenshot({ path: `${SHOTS}/conveyor-caller-screen.png`, fullPage: true });
    await page.getByTestId("outcome-submit").click();

    // The next company is there at once, and today's figures count the call.
    await expect.poll(() => companyOnScreen(page)).not.toBe(first);
    const second = await companyOnScreen(page);
    await expect.poll(() => page.getByTestId("today-handedOver").textContent()).toContain("1");
    await page.screenshot({ path: `${SHOTS}/conveyor-caller-next.png`, fullPage: true });

    // "1" on the keyboard: no answer, and the third company comes up.
    await page.keyboard.press("1");
    await expect.poll(() => companyOnScreen(page)).not.toBe(second);
    await expect.poll(() => page.getByTestId("today-calls").textContent()).toContain("2");
    const third = await companyOnScreen(page);

    // "6": not our target. Nothing else is due, and the screen says so.
    await page.keyboard.press("6");
    await page.getByTestId("calling-nothing-due").waitFor();
    await page.screenshot({ path: `${SHOTS}/conveyor-caller-nothing-due.png` });
    await page.context().close();

    // The first company is now a lead held by the sales manager, with the hand-over on its timeline.
    const admin = await harness.api("admin", ADMIN_PASSWORD);
    const card = (await admin("GET", `/api/companies/${first}`)).json() as any;
    expect(card.company.stage).toBe("lead");
    expect(card.company.holder.fullName).toBe("Maksym Manager");
    const timeline = (await admin("GET", `/api/companies/${first}/timeline`)).json() as any;
    const handedOver = timeline.items.find((e: any) => e.kind === "handed_over");
    expect(handedOver, JSON.stringify(timeline.items.map((e: any) => e.kind))).toBeTruthy();
    expect(handedOver.data.qualification.need).toBe("2,000 cartons a month for coffee, printed");
    const call = timeline.items.find((e: any) => e.kind === "call");
    expect(call.data.outcome).toBe("interested");
    expect(call.data.answers).toEqual(["a1", "a1"]);
    const secondTimeline = (await admin("GET", `/api/companies/${second}/timeline`)).json() as any;
    expect(secondTimeline.items.find((e: any) => e.kind === "call")?.data.outcome).toBe("no_answer");
    const thirdTimeline = (await admin("GET", `/api/companies/${third}/timeline`)).json() as any;
    expect(thirdTimeline.items.find((e: any) => e.kind === "call")?.data.outcome).toBe("not_target");
  });

  it("shows the head every caller's results side by side, in Ukrainian too", async () => {
    const page = await harness.newPage("head1", TEAM_PASSWORD, "nav-results");
    await page.getByTestId("nav-results").click();
    const row = page.getByTestId("results-row");
    // Every active caller is listed, the idle one with zeros, so the head sees who is not calling.
    await expect.poll(() => row.count()).toBe(2);
    const cells = await row.filter({ hasText: "Olena Caller" }).locator("td").allTextContents();
    // Caller, calls, connects, interested, handed over, converted.
    expect(cells.slice(0, 6)).toEqual(["Olena Caller", "3", "2", "1", "1", "0"]);
    const idle = await row.filter({ hasText: "Taras Caller" }).locator("td").allTextContents();
    expect(idle.slice(0, 6)).toEqual(["Taras Caller", "0", "0", "0", "0", "0"]);
    await page.screenshot({ path: `${SHOTS}/conveyor-caller-results.png` });

    // The lead's card shows what the caller learnt, for the manager who picks it up.
    await page.goto(`${harness.baseUrl}/companies/${handedOverId}`);
    await expect.poll(() => page.getByTestId("handover-qualification").textContent()).toContain("2,000 cartons a month for coffee, printed");
    await page.screenshot({ path: `${SHOTS}/conveyor-lead-card.png`, fullPage: true });

    await page.getByTestId("nav-instructions").click();
    await page.getByTestId("instruction-item").first().click();
    await expect(page.getByTestId("instruction-title").inputValue()).resolves.toBe("They ask for a price at once");
    await page.screenshot({ path: `${SHOTS}/conveyor-instructions.png` });

    await page.getByTestId("language-switch").click();
    await page.getByTestId("language-uk").click();
    await expect.poll(() => page.getByTestId("nav-call-lists").textContent()).toBe("Списки обдзвону");
    await page.getByTestId("nav-call-lists").click();
    await page.getByTestId("call-list-row").first().waitFor();
    await page.screenshot({ path: `${SHOTS}/conveyor-call-lists-uk.png` });
    await page.context().close();
  });
});
