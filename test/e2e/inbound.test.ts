import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectJson, handedOver } from "./support/arrange.js";
import { SHOTS, startBrowserHarness, TEAM_PASSWORD, type ApiCall, type BrowserHarness } from "./support/browserHarness.js";

/**
 * Inbound calls in real browsers: the head simulates a customer calling (its number typed in
 * national format), the call is routed to the customer's account manager, whose open page pops
 * the customer's card up at once; new callers queue on a sales manager's screen with a way to add
 * the company. Only the head and admin are offered the simulation.
 */
const CUSTOMER = "Kyiv Paper Mill";

let harness: BrowserHarness;
let head: ApiCall;
let customerId = 0;
let amId = 0;
let managerId = 0;

/** A fresh browser context with one page, signed in, whose event stream is already open. */
async function signedInPage(username: string, landmark: string): Promise<{ context: BrowserContext; page: Page }> {
  const page = await harness.openPage({ viewport: { width: 1280, height: 860 } });
  const stream = page.waitForResponse((response) => response.url().endsWith("/api/events"));
  await harness.signIn(page, username, TEAM_PASSWORD, landmark);
  expect((await stream).headers()["content-type"]).toContain("text/event-stream");
  return { context: page.context(), page };
}

beforeAll(async () => {
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "manager1", fullName: "Maksym Manager", role: "manager" },
      { username: "am1", fullName: "Anna Account", role: "account_manager" },
    ],
  });
  const ids = await harness.userIds();
  amId = ids.get("am1")!;
  managerId = ids.get("manager1")!;

  // A customer held by its account manager: added cold, handed to a sales manager, then on to the account manager.
  head = await harness.api("head1", TEAM_PASSWORD);
  const contacts = [
    { fullName: "Iryna Bondar", position: "Buyer", phones: ["+380 44 235 12 34"], decisionMaker: true },
    { fullName: "Petro Shevchenko", position: "Warehouse", phones: ["+380 67 555 00 12"] },
  ];
  customerId = await handedOver(head, CUSTOMER, { industry: "Paper", contacts }, [managerId, amId]);
  const card = (await head("GET", `/api/companies/${customerId}`)).json() as { company: { stage: string; holder: { userId: number; tier: number } } };
  expect(card.company).toMatchObject({ stage: "customer", holder: { userId: amId, tier: 3 } });
});

afterAll(() => harness?.close());

describe("inbound calls in the browser", () => {
  it("pops the customer's card up for its account manager when the head simulates a call, and opens the card", async () => {
    const am = await signedInPage("am1", "nav-handovers");
    // The simulation is the head's: an account manager is not offered it.
    await expect(am.page.getByTestId("simulate-call").count()).resolves.toBe(0);
    await expect(am.page.getByTestId("inbound-call").count()).resolves.toBe(0);

    const headSide = await signedInPage("head1", "nav-companies");
    await headSide.page.getByTestId("simulate-call").click();
    await headSide.page.getByTestId("simulate-call-from").fill("044 235-12-34");
    await headSide.page.getByTestId("simulate-call-submit").click();
    const result = headSide.page.getByTestId("simulate-call-result");
    await result.waitFor();
    await expect(result.getAttribute("data-reason")).resolves.toBe("account_manager");
    await expect(result.getAttribute("data-user-id")).resolves.toBe(String(amId));
    await expect(result.textContent()).resolves.toContain("Routed to Anna Account");
    await expect(result.textContent()).resolves.toContain("the customer's account manager");
    await headSide.page.screenshot({ path: `${SHOTS}/conveyor-simulate-call.png` });
    await headSide.context.close();

    // The account manager's page shows the caller's card at once, without reloading.
    const popup = am.page.getByTestId("inbound-call");
    await am.page.getByTestId("inbound-call-company").waitFor();
    await expect(am.page.getByTestId("inbound-call-company").textContent()).resolves.toBe(CUSTOMER);
    await expect(am.page.getByTestId("inbound-call-from").textContent()).resolves.toBe("+380442351234");
    await expect(am.page.getByTestId("inbound-call-reason").getAttribute("data-reason")).resolves.toBe("account_manager");
    await expect(am.page.getByTestId("inbound-call-reason").textContent()).resolves.toBe("Why you: the customer's account manager");
    await expect(am.page.getByTestId("inbound-call-holder").textContent()).resolves.toContain("Anna Account");
    // The contact with the caller's number comes first, marked as the one on the line.
    const contacts = am.page.getByTestId("inbound-call-contact");
    await expect(contacts.count()).resolves.toBe(2);
    await expect(contacts.first().textContent()).resolves.toContain("Iryna Bondar");
    await expect(contacts.first().getByTestId("inbound-call-on-line").count()).resolves.toBe(1);
    await expect(contacts.nth(1).textContent()).resolves.toContain("+380675550012");
    await expect(popup.getByTestId("stage-badge").getAttribute("data-stage")).resolves.toBe("customer");
    await expect(am.page.getByTestId("simulate-call").count()).resolves.toBe(0);
    await am.page.screenshot({ path: `${SHOTS}/conveyor-inbound-call.png` });

    await am.page.getByTestId("inbound-call-open").click();
    await am.page.waitForURL(new RegExp(`/companies/${customerId}$`));
    await expect.poll(() => am.page.getByTestId("company-title").textContent()).toBe(CUSTOMER);
    await expect.poll(() => am.page.getByTestId("inbound-call-from").count()).toBe(0);
    await am.context.close();
  });

  it("queues new callers on the sales manager's screen, newest first, and offers to add the company", async () => {
    const manager = await signedInPage("manager1", "nav-queue");
    await expect(manager.page.getByTestId("simulate-call").count()).resolves.toBe(0);
    for (const from of ["+380 50 111 22 33", "+380 63 444 55 66"]) {
      const routed = expectJson(await head("POST", "/api/telephony/simulate", { from }), 200);
      expect(routed).toMatchObject({ route: { userId: managerId, reason: "new_number", companyId: null } });
    }

    const from = manager.page.getByTestId("inbound-call-from");
    await expect.poll(() => from.count()).toBe(1);
    await expect.poll(() => from.textContent()).toBe("+380634445566");
    await expect(manager.page.getByTestId("inbound-call-waiting").textContent()).resolves.toBe("More calls: 1");
    await expect(manager.page.getByTestId("inbound-call-new").textContent()).resolves.toContain("New caller — a lead for you");
    await expect(manager.page.getByTestId("inbound-call-reason").getAttribute("data-reason")).resolves.toBe("new_number");
    await expect(manager.page.getByTestId("inbound-call-open").count()).resolves.toBe(0);
    await manager.page.screenshot({ path: `${SHOTS}/conveyor-inbound-new-caller.png` });

    // Closing the newest shows the one waiting behind it.
    await manager.page.getByTestId("inbound-call-close").click();
    await expect.poll(() => from.textContent()).toBe("+380501112233");
    await expect(manager.page.getByTestId("inbound-call-waiting").count()).resolves.toBe(0);

    // Adding the caller's company starts from the pop-up.
    await manager.page.getByTestId("inbound-call-create").click();
    await manager.page.getByTestId("company-legal-name").waitFor();
    await expect(from.count()).resolves.toBe(0);
    await manager.context.close();
  });
});
