import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { expectJson, handedOver } from "./support/arrange.js";
import { pick, SHOTS, startBrowserHarness, TEAM_PASSWORD, type ApiCall, type BrowserHarness } from "./support/browserHarness.js";

/**
 * Rotation of dead clients in a real browser. A lead held by manager A, with a meeting on its
 * timeline, passes its term; the nightly sweep puts it on the head's list. Manager A sees no
 * rotation screens, and the weekly report form refuses a submission without a line for every
 * held client. The head finds the lead on the list with reason "term expired" and sends it to a
 * rest of 0 days with manager B (not the rule's pick) to take it next; the next sweep ends the
 * rest. Manager B finds the lead among their companies with the whole history, manager A's
 * meeting included; manager A may no longer open it.
 */
const DEAD = "Dormant Timber LLC";
const FRESH = "Fresh Grain Co";
const BUSY = "Busy Bee Packaging";
const MEETING = "Walked the warehouse with the owner; no budget until spring";

let harness: BrowserHarness;
let head: ApiCall;
let deadId = 0;
let freshId = 0;
let holdingId = 0;
let ids: Map<string, number>;

const rotationSweep = async () => {
  const run = await runSweep(harness.database, SWEEPS.find((s) => s.name === "rotation")!, { timeZone: "Europe/Kyiv", force: true });
  expect(run.ran).toBe(true);
  return (run as { result: { woken: number; listed: number } }).result;
};

/** A lead created by the head and handed to a manager. */
const lead = (legalName: string, fields: Record<string, unknown>, manager: string) => handedOver(head, legalName, fields, [ids.get(manager)!]);

const openPage = (username: string, landmark: string): Promise<Page> =>
  harness.newPage(username, TEAM_PASSWORD, landmark, { viewport: { width: 1440, height: 1000 } });

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "managerA", fullName: "Andriy Alpha", role: "manager" },
      { username: "managerB", fullName: "Bohdan Beta", role: "manager" },
      { username: "managerC", fullName: "Cyril Gamma", role: "manager" },
    ],
  });
  ids = await harness.userIds();
  head = await harness.api("head1", TEAM_PASSWORD);

  deadId = await lead(DEAD, { industry: "Timber", region: "Zhytomyr" }, "managerA");
  freshId = await lead(FRESH, { industry: "Grain" }, "managerA");
  // Manager B holds a lead already: the rule would pick the idle manager C, the head picks B.
  await lead(BUSY, {}, "managerB");
  const managerA = await harness.api("managerA", TEAM_PASSWORD);
  expectJson(await managerA("POST", `/api/companies/${deadId}/activities`, { kind: "meeting", text: MEETING }), 201);

  // Forty days with the lead, the term over ten days ago, a touch yesterday: past its term without a sale.
  await harness.database.db.execute(
    sql`update holdings set started_at = now() - make_interval(days => 40), term_until = now() - make_interval(days => 10) where company_id = ${deadId} and ended_at is null`,
  );
  await harness.database.db.execute(sql`update companies set last_touch_at = now() - make_interval(days => 1) where id = ${deadId}`);
  expect((await rotationSweep()).listed).toBe(1);
  const [holding] = await selectRows<{ id: number; dead_reason: string | null }>(
    harness.database.db,
    sql`select id, dead_reason from holdings where company_id = ${deadId} and ended_at is null`,
  );
  expect(holding).toMatchObject({ dead_reason: "term_expired" });
  holdingId = holding!.id;
});

afterAll(() => harness?.close());

describe("rotation of dead clients in the browser", () => {
  it("gives manager A no rotation screens, and a weekly report form that refuses a submission without a line for every client", async () => {
    const page = await openPage("managerA", "queue-table");
    await expect(page.getByTestId("nav-rotation").count()).resolves.toBe(0);
    await expect(page.getByTestId("nav-weekly-reports").count()).resolves.toBe(0);
    await page.goto(`${harness.baseUrl}/rotation`);
    await page.getByTestId("forbidden").waitFor();
    await page.goto(`${harness.baseUrl}/weekly-reports`);
    await page.getByTestId("forbidden").waitFor();

    await page.getByTestId("nav-my-report").click();
    await page.getByTestId("report-form").waitFor();
    const dead = page.getByTestId(`report-client-${deadId}`);
    const fresh = page.getByTestId(`report-client-${freshId}`);
    await dead.waitFor();
    await fresh.waitFor();
    await expect(page.locator('[data-testid^="report-client-"]').count()).resolves.toBe(2);
    // The week's work is on the form, and the status is pre-filled from it.
    await expect(dead.getByTestId("report-activities").textContent()).resolves.toContain(MEETING);
    await expect(dead.getByTestId("report-status").inputValue()).resolves.toBe("Progressing");
    await expect(fresh.getByTestId("report-activities").textContent()).resolves.toContain("No calls, meetings or e-mails this week");
    await expect(fresh.getByTestId("report-status").inputValue()).resolves.toBe("Stalled");
    await expect(page.getByTestId("report-state").getAttribute("data-state")).resolves.toBe("draft");

    // A line for one client only: submitting is refused, and the client without a line is marked.
    await dead.getByTestId("report-next-step").fill("Call the owner in March");
    await page.getByTestId("report-submit").first().click();
    await expect.poll(() => page.getByTestId("error-alert").textContent()).toContain("The report needs a line for every client you hold.");
    await expect(fresh.getAttribute("data-missing")).resolves.toBe("true");
    await expect(dead.getAttribute("data-missing")).resolves.toBe("false");
    await expect(page.getByTestId("report-missing").textContent()).resolves.toContain(FRESH);
    await expect(page.getByTestId("report-state").getAttribute("data-state")).resolves.toBe("draft");
    await page.screenshot({ path: `${SHOTS}/conveyor-my-report.png`, fullPage: true });

    // The draft keeps the line that was written.
    await page.getByTestId("report-save").first().click();
    await expect.poll(async () => (await page.getByTestId("error-alert").count()) === 0).toBe(true);
    await page.reload();
    await page.getByTestId(`report-client-${deadId}`).waitFor();
    await expect(page.getByTestId(`report-client-${deadId}`).getByTestId("report-next-step").inputValue()).resolves.toBe("Call the owner in March");
    await page.context().close();
  });

  it("lets the head see the missing report line, and send the lead past its term to a rest with manager B to take it next", async () => {
    const page = await openPage("head1", "nav-rotation");

    // The weekly reports: manager A has not reported on the fresh lead.
    await page.getByTestId("nav-weekly-reports").click();
    const person = page.getByTestId(`report-person-${ids.get("managerA")}`);
    await person.waitFor();
    await expect(person.getByTestId("person-state").getAttribute("data-state")).resolves.toMatch(/^(missing|late)$/);
    await expect(person.getByTestId("person-missing").textContent()).resolves.toContain(FRESH);
    await expect(person.getByTestId(`report-line-${deadId}`).textContent()).resolves.toContain("Call the owner in March");
    await expect(person.getByTestId(`recall-${holdingId}`).count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/conveyor-weekly-reports.png`, fullPage: true });

    // The dead list: past its term, with the rule's pick.
    await page.getByTestId("nav-rotation").click();
    await page.getByTestId("dead-table").waitFor();
    const row = page.getByTestId(`dead-row-${holdingId}`);
    await row.waitFor();
    await expect(row.getByTestId("dead-reason").textContent()).resolves.toBe("Term expired");
    await expect(row.textContent()).resolves.toContain(DEAD);
    await expect(row.textContent()).resolves.toContain("Andriy Alpha");
    await expect(row.getByTestId("dead-days-held").textContent()).resolves.toBe("40 d.");
    await expect(row.getByTestId("dead-suggested").textContent()).resolves.toBe("Cyril Gamma");
    await page.screenshot({ path: `${SHOTS}/conveyor-rotation-dead.png`, fullPage: true });

    // Selected, then "transfer after rest": no rest, manager B instead of the suggested person.
    await row.getByTestId("dead-select").check();
    await expect(page.getByTestId("dead-selected-count").textContent()).resolves.toBe("Selected: 1");
    await page.getByTestId("batch-transfer-after-rest").click();
    const form = page.getByTestId("decision-form");
    await form.waitFor();
    await expect(form.getAttribute("data-decision")).resolves.toBe("transfer_after_rest");
    await expect(page.getByTestId("decision-person").inputValue()).resolves.toBe("Cyril Gamma (suggested)");
    await page.getByTestId("decision-rest-days").fill("0");
    await pick(page, page.getByTestId("decision-person"), "Bohdan Beta");
    await page.getByTestId("decision-note").fill("Two months without movement; a fresh voice");
    await page.screenshot({ path: `${SHOTS}/conveyor-rotation-rest-dialog.png` });
    await page.getByTestId("decision-submit").click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId("dead-empty").waitFor();

    // Resting, with manager B to take it.
    await page.getByTestId("rotation-tab-resting").click();
    const rest = page.locator(`[data-testid^="rest-row-"][data-company-id="${deadId}"]`);
    await rest.waitFor();
    await expect(rest.getByTestId("rest-next").textContent()).resolves.toBe("Bohdan Beta");
    await page.getByTestId("rotation-tab-period").click();
    await expect.poll(() => page.getByTestId("period-source").getAttribute("data-source")).toBe("fallback");
    await expect(page.getByTestId("period-days").textContent()).resolves.toBe("30 d.");
    await page.screenshot({ path: `${SHOTS}/conveyor-rotation-period.png`, fullPage: true });

    // The team rules: the head fixes the sales period, and clears it again (empty: computed).
    await page.getByTestId("period-rules-link").click();
    const override = page.getByTestId("rules-rotation-salesPeriodOverrideDays");
    await override.waitFor();
    await expect(override.inputValue()).resolves.toBe("");
    await expect(page.getByTestId("rules-rotation-restDays").inputValue()).resolves.toBe("14");
    await override.fill("45");
    await page.getByTestId("team-rules-save").click();
    await expect.poll(async () => ((await head("GET", "/api/settings")).json() as { settings: { rotation: { salesPeriodOverrideDays: number | null } } }).settings.rotation.salesPeriodOverrideDays).toBe(45);
    await page.getByTestId("rules-rotation").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/conveyor-rules-rotation.png`, fullPage: true });
    await override.fill("");
    await page.getByTestId("team-rules-save").click();
    await expect.poll(async () => ((await head("GET", "/api/settings")).json() as { settings: { rotation: { salesPeriodOverrideDays: number | null } } }).settings.rotation.salesPeriodOverrideDays).toBeNull();
    await page.context().close();

    const company = (await head("GET", `/api/companies/${deadId}`)).json() as { company: { stage: string; holder: unknown } };
    expect(company.company).toMatchObject({ stage: "resting", holder: null });
    // The night: the rest of 0 days is over.
    expect((await rotationSweep()).woken).toBe(1);
  });

  it("gives the lead to manager B with its whole history, and takes it from manager A", async () => {
    const page = await openPage("managerB", "queue-table");
    await page.getByTestId("nav-companies").click();
    const row = page.locator(`[data-testid="company-row"][data-company-id="${deadId}"]`);
    await row.waitFor();
    await row.click();
    await page.waitForURL(new RegExp(`/companies/${deadId}$`));
    await page.getByTestId("timeline").waitFor();
    await expect.poll(() => page.locator('[data-testid="timeline-entry"][data-kind="meeting"]').first().textContent()).toContain(MEETING);
    await expect(page.locator('[data-testid="timeline-entry"][data-kind="meeting"]').first().textContent()).resolves.toContain("Andriy Alpha");
    const rested = page.locator('[data-testid="timeline-entry"][data-kind="rotation_rested"]');
    await expect(rested.textContent()).resolves.toContain("then goes to Bohdan Beta");
    await expect(rested.textContent()).resolves.toContain("Halyna Head");
    await expect(page.locator('[data-testid="timeline-entry"][data-kind="rest_ended"]').textContent()).resolves.toContain("now held by Bohdan Beta");
    await expect(page.locator('[data-testid="timeline-entry"][data-kind="rotation_listed"]').textContent()).resolves.toContain("Term expired");
    await page.screenshot({ path: `${SHOTS}/conveyor-rotation-new-holder.png`, fullPage: true });
    await page.context().close();

    const previous = await openPage("managerA", "queue-table");
    await previous.goto(`${harness.baseUrl}/companies/${deadId}`);
    await previous.getByTestId("forbidden").waitFor();
    await expect(previous.getByTestId("timeline").count()).resolves.toBe(0);
    await previous.context().close();
  });
});
