import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectJson } from "./support/arrange.js";
import { pick, SHOTS, startBrowserHarness, TEAM_PASSWORD, type ApiCall, type BrowserHarness } from "./support/browserHarness.js";

/**
 * Lead sources in a real browser: the head adds a source with its cost and owner, connects its
 * intake and is shown the token once with a ready call; posts made with it show up as counts and
 * in the log; a new company takes its source from a list; a new caller's company starts with the
 * caller's number and the inbound-calls source; the source's owner sees it read-only.
 */
let harness: BrowserHarness;
let head: ApiCall;
let managerId = 0;

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "manager1", fullName: "Maksym Manager", role: "manager" },
    ],
  });
  managerId = (await harness.userIds()).get("manager1")!;
  head = await harness.api("head1", TEAM_PASSWORD);
  expectJson(await head("POST", "/api/sources", { name: "Inbound calls", kind: "inbound_call" }), 201);
});
afterAll(() => harness?.close());

const postLead = (token: string, body: unknown) =>
  fetch(`${harness.baseUrl}/api/intake/leads`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

const rowOf = (page: Page, name: string) => page.getByTestId("source-row").filter({ hasText: name });

describe("lead sources in the browser", () => {
  let page: Page;
  let token = "";

  it("lets the head add a priced source with an owner and connect its intake, showing the token once", async () => {
    page = await harness.newPage("head1", TEAM_PASSWORD, "nav-sources");
    await page.getByTestId("nav-sources").click();
    await page.getByTestId("source-new").click();
    await page.getByTestId("source-name").fill("Website form");
    await pick(page, page.getByTestId("source-kind"), "Website form");
    await page.getByTestId("source-cost").fill("180");
    await pick(page, page.getByTestId("source-owner"), /Maksym Manager/);
    await page.getByTestId("source-save").click();
    await rowOf(page, "Website form").waitFor();
    await expect(rowOf(page, "Website form").textContent()).resolves.toMatch(/180[.,]00/);
    await expect(rowOf(page, "Website form").textContent()).resolves.toContain("Maksym Manager");

    await rowOf(page, "Website form").click();
    await page.getByTestId("intake-enable").click();
    const shown = page.getByTestId("intake-token-value");
    await shown.waitFor();
    token = (await shown.textContent())!.trim();
    expect(token).toMatch(/^cvi_/);
    const curl = (await page.getByTestId("intake-curl").textContent())!;
    expect(curl).toContain(`Authorization: Bearer ${token}`);
    expect(curl).toContain(`${harness.baseUrl}/api/intake/leads`);
    await expect(page.getByTestId("intake-state").textContent()).resolves.toBe("Connected");
    await page.screenshot({ path: `${SHOTS}/conveyor-sources-token.png` });
  });

  it("counts what the form posts, rejects highlighted, and lists the posts", async () => {
    expect((await postLead(token, { legalName: "Horizon Trade LLC", phone: "+380671234501", comment: "Wants a quote" })).status).toBe(201);
    expect((await postLead(token, { legalName: "Broken Form LLC", phone: "12" })).status).toBe(400);
    await page.reload();
    await rowOf(page, "Website form").click();
    const day = rowOf(page, "Website form").getByTestId("source-24h");
    await expect.poll(() => day.textContent()).toBe("11");
    await expect(day.locator('[data-outcome="invalid"]').textContent()).resolves.toBe("1");
    const rows = page.getByTestId("intake-row");
    await expect.poll(() => rows.count()).toBe(2);
    await expect(page.locator('[data-testid="intake-row"][data-outcome="accepted"]').textContent()).resolves.toContain("Horizon Trade LLC");
    await expect(page.locator('[data-testid="intake-row"][data-outcome="invalid"]').textContent()).resolves.toContain("The phone number is not valid");
    await page.screenshot({ path: `${SHOTS}/conveyor-sources.png`, fullPage: true });
  });

  it("offers the active sources when a company is added, and its card names the source", async () => {
    await page.getByTestId("nav-companies").click();
    await page.getByTestId("company-create-open").click();
    await page.getByTestId("company-legal-name").fill("Picked Source LLC");
    await pick(page, page.getByTestId("company-source"), "Website form");
    await page.getByTestId("new-contact-0-full-name").fill("Iryna Koval");
    await page.getByTestId("company-create-submit").click();
    await page.waitForURL(/\/companies\/\d+$/);
    await expect.poll(() => page.locator("body").textContent()).toContain("Website form");
    await page.context().close();
  });

  it("starts a new caller's company with their number and the inbound-calls source", async () => {
    const manager = await harness.openPage();
    const stream = manager.waitForResponse((r) => r.url().endsWith("/api/events"));
    await harness.signIn(manager, "manager1", TEAM_PASSWORD, "nav-queue");
    await stream;
    expectJson(await head("POST", "/api/telephony/simulate", { from: "+380 50 765 43 21" }), 200);
    await manager.getByTestId("inbound-call-create").click();
    const form = manager.getByTestId("company-create");
    await manager.getByTestId("company-legal-name").waitFor();
    await expect.poll(() => manager.getByTestId("company-source").inputValue()).toBe("Inbound calls");
    await expect(form.textContent()).resolves.toContain("+380507654321");
    await manager.context().close();
  });

  it("shows the owner their source read-only, with its posts", async () => {
    const owner = await harness.newPage("manager1", TEAM_PASSWORD, "nav-queue");
    await owner.goto(`${harness.baseUrl}/sources`);
    await rowOf(owner, "Website form").waitFor();
    await expect(owner.getByTestId("source-row").count()).resolves.toBe(1);
    await expect(owner.getByTestId("source-new").count()).resolves.toBe(0);
    await expect(owner.getByTestId("source-edit").count()).resolves.toBe(0);
    await rowOf(owner, "Website form").click();
    await owner.getByTestId("intake-log").waitFor();
    await expect(owner.getByTestId("intake-panel").count()).resolves.toBe(0);
    await expect.poll(() => owner.getByTestId("intake-row").count()).toBe(2);
    expect(managerId).toBeGreaterThan(0);
    await owner.context().close();
  });
});
