import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("the API document", () => {
  it("serves OpenAPI generated from the route schemas, with the error shape", async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ["/api/auth/login", "/api/companies", "/api/companies/{id}", "/api/companies/{id}/handoff", "/api/companies/{id}/timeline", "/api/users"]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["ErrorBody", "Company", "Contact", "User"]));
    expect(doc.paths["/api/companies"].post.responses["409"]).toBeDefined();
    expect(doc.paths["/api/companies"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["q", "stage", "industry"]));
  });

  it("answers unknown API paths with a documented 404", async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("never sends a stack trace for broken JSON", async () => {
    const head = await server.signedIn("head");
    const res = await fetch(`${server.url}/api/companies`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: head.cookie, "x-csrf-token": head.csrfToken },
      body: "{ not json",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/);
  });
});
