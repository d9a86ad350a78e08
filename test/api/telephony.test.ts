import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

const TOKEN = "pbx-secret-token-1";
let server: TestServer;
let head: ApiClient & { user: TestUser };
let amUser: TestUser;
let customerId: number;

beforeAll(async () => {
  server = await startTestServer({ TELEPHONY_TOKEN: TOKEN, DEFAULT_COUNTRY: "UA" });
  head = await server.signedIn("head");
  amUser = await server.createUser("account_manager");
  const manager = await server.createUser("manager");
  customerId = (await head.post("/api/companies", { legalName: "Known Customer", contacts: [{ fullName: "Ira", phones: ["067 555 00 11"] }] })).body.company.id;
  await head.post(`/api/companies/${customerId}/handoff`, { toUserId: manager.id });
  await head.post(`/api/companies/${customerId}/handoff`, { toUserId: amUser.id });
});
afterAll(() => server.close());

const inbound = (from: string, token = TOKEN) =>
  fetch(`${server.url}/api/telephony/inbound`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ from }),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe("inbound calls", () => {
  it("routes a known customer's call to its account manager and logs it on the timeline", async () => {
    const res = await inbound("+38 (067) 555-00-11");
    expect(res.status).toBe(200);
    expect(res.body.route).toMatchObject({ userId: amUser.id, role: "account_manager", reason: "account_manager", companyId: customerId, callerE164: "+380675550011" });
    const timeline = (await head.get(`/api/companies/${customerId}/timeline`)).body.items;
    expect(timeline[0]).toMatchObject({ kind: "call", data: { direction: "inbound", routedTo: amUser.id, reason: "account_manager" } });
  });

  it("sends a new number to a sales manager (tier 2)", async () => {
    const res = await inbound("+380 50 123 45 67");
    expect(res.status).toBe(200);
    expect(res.body.route).toMatchObject({ role: "manager", reason: "new_number", companyId: null });
  });

  it("refuses a wrong token, and answers 503 when telephony is not set up", async () => {
    const wrong = await inbound("+380675550011", "guess");
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("telephony_token_invalid");
    const bare = await startTestServer({ TELEPHONY_TOKEN: "" });
    try {
      const res = await fetch(`${bare.url}/api/telephony/inbound`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ from: "+380675550011" }) });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe("telephony_not_configured");
    } finally {
      await bare.close();
    }
    expect((await inbound("")).status).toBe(400);
  });

  it("pops the caller's card in the account manager's open browser (server-sent events)", async () => {
    const am = await server.signedIn(amUser);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/events`, { headers: { cookie: am.cookie }, signal: controller.signal });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const event = (async () => {
      while (!received.includes("event: inbound_call")) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
      return received;
    })();
    const simulated = await head.post("/api/telephony/simulate", { from: "067 555 00 11" });
    expect(simulated.status).toBe(200);
    const text = await event;
    controller.abort();
    const data = JSON.parse(text.split("event: inbound_call\ndata: ")[1]!.split("\n")[0]!);
    expect(data).toEqual({ from: "+380675550011", companyId: customerId, reason: "account_manager" });
  });

  it("lets only the head simulate a call", async () => {
    const caller = await server.signedIn("caller");
    expect((await caller.post("/api/telephony/simulate", { from: "+380675550011" })).status).toBe(403);
    expect((await fetch(`${server.url}/api/events`)).status).toBe(401);
  });
});
