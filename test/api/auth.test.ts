import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ LOGIN_ATTEMPTS_PER_MINUTE: "5" });
});
afterAll(() => server.close());

describe("sign-in", () => {
  it("signs in with the right password, sets an httpOnly cookie and returns the CSRF token", async () => {
    const user = await server.createUser("head");
    const client = server.anonymous();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: user.username, password: "correct horse battery" }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^conveyor_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = await res.json();
    expect(body.user).toMatchObject({ id: user.id, role: "head" });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).not.toHaveProperty("passwordHash");
    client.cookie = cookie.split(";")[0]!;
    const me = await client.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(body.csrfToken);
  });

  it("refuses a wrong password and an unknown user alike, in the user's language", async () => {
    const user = await server.createUser("caller");
    const wrong = await server.anonymous("ru").post("/api/auth/login", { username: user.username, password: "nope-nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("invalid_credentials");
    expect(wrong.body.error.message).toBe("Неверное имя пользователя или пароль.");
    const unknown = await server.anonymous("uk").post("/api/auth/login", { username: "ghost", password: "whatever1" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe("Неправильне ім'я користувача або пароль.");
  });

  it("refuses a deactivated user", async () => {
    const user = await server.createUser("manager", undefined, { active: false });
    const res = await server.anonymous().signIn(user.username);
    expect(res.status).toBe(401);
  });

  it("rejects a malformed body with validation_failed naming the field", async () => {
    const res = await server.anonymous().post("/api/auth/login", { username: "x" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain("body.password");
  });

  it("answers 401 not_signed_in without a session and 403 csrf_missing without the header", async () => {
    const anon = await server.anonymous().get("/api/companies");
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe("not_signed_in");
    const client = await server.signedIn("head");
    const noCsrf = await client.request("POST", "/api/companies", { legalName: "Без токена" }, { "x-csrf-token": "" });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe("csrf_missing");
    const list = await client.get("/api/companies?q=%D0%91%D0%B5%D0%B7");
    expect(list.body.items).toHaveLength(0);
  });

  it("logs out: the cookie no longer opens a session", async () => {
    const client = await server.signedIn("caller");
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    const stale = new ApiClient(server.url);
    stale.cookie = client.cookie;
    expect((await stale.get("/api/auth/me")).status).toBe(401);
  });

  it("stores the chosen language and answers errors in it", async () => {
    const client = await server.signedIn("caller");
    const res = await client.patch("/api/auth/me", { language: "uk" });
    expect(res.status).toBe(200);
    expect(res.body.user.language).toBe("uk");
    const refused = await client.get("/api/companies/facets");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Ваша роль не дозволяє це зробити.");
    expect((await client.patch("/api/auth/me", { language: "de" })).status).toBe(400);
  });

  it("slows password guessing: failed sign-ins are limited, successful ones are not", async () => {
    const limited = await startTestServer({ LOGIN_ATTEMPTS_PER_MINUTE: "3" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.anonymous().post("/api/auth/login", { username: "a", password: "bbbbbbbb" })).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses[4]).toBe(429);
      const res = await limited.anonymous().post("/api/auth/login", { username: "a", password: "bbbbbbbb" });
      expect(res.body.error.code).toBe("too_many_attempts");
      // Even the right password waits out the window for a username under attack.
      const victim = await limited.createUser("head", "a");
      expect((await limited.anonymous().signIn(victim.username)).status).toBe(429);
      // Many successful sign-ins in a row are never throttled.
      const busy = await limited.createUser("caller");
      for (let i = 0; i < 5; i++) expect((await limited.anonymous().signIn(busy.username)).status).toBe(200);
      // One address guessing across many usernames is stopped too (3 per user x 5 per IP).
      const sprayed: number[] = [];
      for (let i = 0; i < 14; i++) sprayed.push((await limited.anonymous().post("/api/auth/login", { username: `u${i}`, password: "bbbbbbbb" })).status);
      // 3 failures already counted for this IP above, so 12 more reach the limit of 15.
      expect(sprayed.slice(0, 12)).toEqual(Array(12).fill(401));
      expect(sprayed.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
