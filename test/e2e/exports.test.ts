import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectJson } from "./support/arrange.js";
import { SHOTS, startBrowserHarness, TEAM_PASSWORD, type ApiCall, type BrowserHarness } from "./support/browserHarness.js";

/**
 * Exports in a real browser: the back office narrows the company list and downloads it as CSV
 * from the Export menu (every filtered company, not the page); the head, in Russian, finds that
 * export in the exports log with its filters and row count; a caller is offered no export at all.
 */
let harness: BrowserHarness;
let head: ApiCall;

const signedInPage = (username: string, landmark: string): Promise<Page> => harness.newPage(username, TEAM_PASSWORD, landmark, { viewport: { width: 1440, height: 960 } });

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Галина Руководитель", role: "head", language: "ru" },
      { username: "bo1", fullName: "Bohdana Books", role: "back_office" },
      { username: "caller1", fullName: "Carl Caller", role: "caller" },
    ],
  });
  head = await harness.api("head1", TEAM_PASSWORD);
  for (const [legalName, industry] of [["Одеська Пекарня", "Food"], ["Kyiv Steel", "Metal"], ["Lviv Bakery", "Food"]] as const) {
    expectJson(await head("POST", "/api/companies", { legalName, industry, region: "Odesa" }), 201);
  }
});

afterAll(() => harness?.close());

describe("exports in the browser", () => {
  it("downloads the filtered company list as CSV, and the head finds it in the exports log", async () => {
    const page = await signedInPage("bo1", "nav-invoices");
    await page.goto(`${harness.baseUrl}/companies?industry=Food`);
    await page.getByTestId("company-row").first().waitFor();
    await page.getByTestId("companies-export").click();
    await expect(page.getByTestId("companies-export-xlsx").getAttribute("href")).resolves.toBe("/api/companies/export?industry=Food&format=xlsx");
    // The menu fades in; the screenshot waits for it to settle.
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/conveyor-export-menu.png` });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("companies-export-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^companies-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile((await download.path())!)).toString("utf8");
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]!.startsWith("\uFEFFID,Legal name,")).toBe(true);
    expect(lines.slice(1).map((l) => l.split(",")[1]).sort()).toEqual(["Lviv Bakery", "Одеська Пекарня"]);
    await page.context().close();

    const log = await signedInPage("head1", "nav-exports-log");
    await log.getByTestId("nav-exports-log").click();
    const row = log.getByTestId("exports-log-row").first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Bohdana Books.*Компании.*CSV.*2.*Отрасль: Food/);
    await log.screenshot({ path: `${SHOTS}/conveyor-exports-log.png` });
    await log.context().close();
  });

  it("offers a caller no export and no log; the back office exports an invoice tab, not the orders to bill", async () => {
    const page = await signedInPage("caller1", "nav-calling");
    await page.goto(`${harness.baseUrl}/companies`);
    await page.getByTestId("company-table").waitFor();
    await expect(page.getByTestId("companies-export").count()).resolves.toBe(0);
    await expect(page.getByTestId("nav-exports-log").count()).resolves.toBe(0);
    await page.goto(`${harness.baseUrl}/exports-log`);
    await page.getByTestId("forbidden").waitFor();
    await page.context().close();

    const office = await signedInPage("bo1", "nav-invoices");
    await office.getByTestId("billing-tab-toBill").waitFor();
    await expect(office.getByTestId("invoices-export").count()).resolves.toBe(0);
    await office.getByTestId("billing-tab-overdue").click();
    await office.getByTestId("invoices-export").click();
    await expect(office.getByTestId("invoices-export-csv").getAttribute("href")).resolves.toBe("/api/invoices/export?status=overdue&format=csv");
    await office.context().close();
  });
});
