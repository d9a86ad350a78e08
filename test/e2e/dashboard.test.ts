import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { expectJson } from "./support/arrange.js";
import { pick, SHOTS, startBrowserHarness, TEAM_PASSWORD, type BrowserHarness } from "./support/browserHarness.js";

/**
 * The head's dashboard in a real browser, over generated history. Two lead sources: «Steady
 * Referrals» converts the same all along; «Partner Collapse» had every lead qualified for three
 * months, then its last thirty leads got no deal at all. The source-watch sweep raises the alert;
 * the head lands on the dashboard and sees it among the open alerts with its figures, and the
 * source's row shows the collapse: 0 % this month, 50 % over the months before.
 */
const COLLAPSED = "Partner Collapse";
const STEADY = "Steady Referrals";
const DAY_MS = 86_400_000;

let harness: BrowserHarness;
let collapsedId = 0;
let steadyId = 0;
let leadCount = 0;

/** YYYY-MM-DD of a local date some days back (the browser and the team share a time zone here). */
const dayAgo = (days: number) => {
  const d = new Date(Date.now() - days * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/**
 * `count` leads of a source spread evenly between `oldest` and `newest` days ago, each written as
 * the conveyor would have: a tier-2 holding; when qualified a deal the next day; every second one
 * qualified also won two days after becoming a lead, with its first order and a tier-3 holding.
 */
async function leads(sourceId: number, count: number, oldest: number, newest: number, qualified: boolean, ids: Map<string, number>) {
  const manager = ids.get("managerA")!;
  const am = ids.get("am1")!;
  for (let i = 0; i < count; i++) {
    const daysAgo = oldest - ((oldest - newest) * i) / Math.max(1, count - 1);
    const leadAt = new Date(Date.now() - daysAgo * DAY_MS);
    const sold = qualified && i % 2 === 0;
    const soldAt = sold ? new Date(leadAt.getTime() + 2 * DAY_MS).toISOString() : null;
    const name = `Lead ${++leadCount} of source ${sourceId}`;
    await harness.database.db.execute(sql`
      with c as (insert into companies (legal_name, search_name, stage, source_id)
                 values (${name}, ${name.toLowerCase()}, ${sold ? "customer" : "lead"}, ${sourceId}) returning id),
           h2 as (insert into holdings (company_id, user_id, tier, started_at, ended_at, end_reason)
                  select id, ${manager}, 2, ${leadAt.toISOString()}::timestamptz, ${soldAt}::timestamptz, ${sold ? "sold" : null} from c),
           d as (insert into deals (company_id, manager_id, stage, opened_at, qualified_at, closed_at, amount_minor, currency)
                 select id, ${manager}, ${sold ? "won" : "need_identified"}, ${new Date(leadAt.getTime() + DAY_MS).toISOString()}::timestamptz,
                        ${new Date(leadAt.getTime() + DAY_MS).toISOString()}::timestamptz, ${soldAt}::timestamptz,
                        ${sold ? 120_000 : null}, ${sold ? "UAH" : null}
                 from c where ${qualified} returning id, company_id),
           o as (insert into orders (company_id, deal_id, ordered_at, currency, total_minor)
                 select company_id, id, ${soldAt}::timestamptz, 'UAH', 120000 from d where ${sold}),
           h3 as (insert into holdings (company_id, user_id, tier, started_at) select id, ${am}, 3, ${soldAt}::timestamptz from c where ${sold})
      select 1`);
  }
}

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "managerA", fullName: "Andriy Alpha", role: "manager" },
      { username: "am1", fullName: "Anna Account", role: "account_manager" },
    ],
  });
  const ids = await harness.userIds();
  const head = await harness.api("head1", TEAM_PASSWORD);
  expectJson(await head("PATCH", `/api/users/${ids.get("managerA")}`, { team: "North" }), 200);
  const source = async (name: string, kind: string, price: number) =>
    (
      await selectRows<{ id: number }>(
        harness.database.db,
        sql`insert into lead_sources (name, kind, cost_per_lead_minor, currency) values (${name}, ${kind}, ${price}, 'UAH') returning id`,
      )
    )[0]!.id;
  collapsedId = await source(COLLAPSED, "partner", 50_000);
  steadyId = await source(STEADY, "referral", 10_000);

  // Months before: both sources' leads all qualify and half of them buy.
  await leads(collapsedId, 40, 100, 31, true, ids);
  await leads(steadyId, 24, 100, 31, true, ids);
  // The last two weeks: the steady source goes on, the partner's leads get no deal at all.
  await leads(collapsedId, 30, 16, 4, false, ids);
  await leads(steadyId, 24, 16, 4, true, ids);

  const run = await runSweep(harness.database, SWEEPS.find((s) => s.name === "source-watch")!, { timeZone: "Europe/Kyiv", force: true });
  expect(run.ran).toBe(true);
  const raised = (run as { result: { raised: { sourceId: number; metric: string }[] } }).result.raised;
  expect(raised.map((a) => [a.sourceId, a.metric])).toEqual([[collapsedId, "qualified"]]);
}, 120_000);

afterAll(() => harness?.close());

describe("the head's dashboard", () => {
  it("shows the head, on landing, the alert of a source whose conversion collapsed, and the collapse in the source's row", async () => {
    const page = await harness.newPage("head1", TEAM_PASSWORD, "nav-dashboard", { viewport: { width: 1440, height: 1400 } });
    await page.waitForURL(/\/dashboard$/);

    // The open alert, with its figures: none of the 30 recent leads qualified, against all of them before.
    const alerts = page.getByTestId("open-alerts");
    const alert = alerts.getByTestId(`alert-${collapsedId}-qualified`);
    await alert.waitFor();
    const sentence = await alert.getByTestId("alert-sentence").textContent();
    expect(sentence).toContain(COLLAPSED);
    expect(sentence).toContain("0 of 30");
    expect(sentence).toContain("100%");
    await expect(alerts.locator('[data-testid^="alert-"][data-alert-id]').count()).resolves.toBe(1);

    // The last 30 days (the default period): the partner's leads are there, and none of them converted.
    const collapsed = page.getByTestId(`source-row-${collapsedId}`);
    await collapsed.waitFor();
    await expect(collapsed.getByTestId("source-leads").textContent()).resolves.toBe("30");
    await expect(collapsed.getByTestId("source-conversion").textContent()).resolves.toBe("0%");
    await expect(collapsed.getByTestId("source-cost-per-sale").textContent()).resolves.toBe("—");
    const steady = page.getByTestId(`source-row-${steadyId}`);
    await expect(steady.getByTestId("source-leads").textContent()).resolves.toBe("24");
    await expect(steady.getByTestId("source-conversion").textContent()).resolves.toBe("50%");
    await expect(page.getByTestId("funnel-lead").getByTestId("funnel-count").textContent()).resolves.toBe("54");
    await page.getByTestId("dashboard-trend").locator(".recharts-surface").first().waitFor();
    await page.screenshot({ path: `${SHOTS}/conveyor-dashboard.png`, fullPage: true });

    // The team filter goes into the URL; the partner's leads were all taken by the North team's manager.
    await pick(page, page.getByTestId("dashboard-team"), "North");
    await page.waitForURL(/team=North/);
    await expect.poll(() => page.getByTestId("dashboard-range").textContent()).toContain("North");
    await expect.poll(() => page.getByTestId(`source-row-${collapsedId}`).getByTestId("source-leads").textContent()).toBe("30");

    // The months before, as a custom period kept in the URL: the same source converted half its leads.
    await page.goto(`${harness.baseUrl}/dashboard?period=custom&from=${dayAgo(100)}&to=${dayAgo(31)}`);
    await expect.poll(() => page.getByTestId(`source-row-${collapsedId}`).getByTestId("source-leads").textContent()).toBe("40");
    await expect(page.getByTestId(`source-row-${collapsedId}`).getByTestId("source-conversion").textContent()).resolves.toBe("50%");
    await expect(page.getByTestId("dashboard-from").inputValue()).resolves.toBe(dayAgo(100));
    await page.context().close();
  });

  it("keeps the dashboard from a manager", async () => {
    const page = await harness.newPage("managerA", TEAM_PASSWORD, "queue-table");
    await expect(page.getByTestId("nav-dashboard").count()).resolves.toBe(0);
    await page.goto(`${harness.baseUrl}/dashboard`);
    await page.getByTestId("forbidden").waitFor();
    await expect(page.getByTestId("dashboard-funnel").count()).resolves.toBe(0);
    await page.context().close();
  });
});
