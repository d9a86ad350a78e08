import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("team management", () => {
  it("lets the head add a caller who can then sign in", async () => {
    const head = await server.signedIn("head");
    const res = await head.post("/api/users", { username: "olena.k", fullName: "Олена Коваль", role: "caller", password: "s3cret-pass", language: "uk" });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: "olena.k", role: "caller", language: "uk", active: true });
    const olena = server.anonymous();
    expect((await olena.signIn("olena.k", "s3cret-pass")).status).toBe(200);
  });

  it("refuses a duplicate username regardless of case with 409", async () => {
    const head = await server.signedIn("head");
    await head.post("/api/users", { username: "Dup.User", fullName: "A", role: "caller", password: "12345678" });
    const res = await head.post("/api/users", { username: "dup.user", fullName: "B", role: "caller", password: "12345678" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("username_taken");
  });

  it("rejects bad input: short password, unknown role, stray fields", async () => {
    const admin = await server.signedIn("admin");
    for (const body of [
      { username: "x1", fullName: "X", role: "caller", password: "short" },
      { username: "x2", fullName: "X", role: "king", password: "12345678" },
      { username: "x3", fullName: "X", role: "caller", password: "12345678", isRoot: true },
      { username: "bad name!", fullName: "X", role: "caller", password: "12345678" },
    ]) {
      const res = await admin.post("/api/users", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });

  it.each(["caller", "manager", "account_manager", "back_office"] as const)("refuses %s adding users (403)", async (role) => {
    const client = await server.signedIn(role);
    const res = await client.post("/api/users", { username: `by-${role}`, fullName: "X", role: "caller", password: "12345678" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("does not let the head create or edit admins; the admin may", async () => {
    const head = await server.signedIn("head");
    expect((await head.post("/api/users", { username: "wannabe", fullName: "X", role: "admin", password: "12345678" })).status).toBe(403);
    const admin = await server.createUser("admin");
    expect((await head.patch(`/api/users/${admin.id}`, { fullName: "Renamed" })).status).toBe(403);
    const root = await server.signedIn("admin");
    expect((await root.post("/api/users", { username: "second.admin", fullName: "X", role: "admin", password: "12345678" })).status).toBe(201);
  });

  it("deactivating a user ends their session at once", async () => {
    const head = await server.signedIn("head");
    const caller = await server.signedIn("caller");
    expect((await caller.get("/api/auth/me")).status).toBe(200);
    expect((await head.patch(`/api/users/${caller.user.id}`, { active: false })).status).toBe(200);
    expect((await caller.get("/api/auth/me")).status).toBe(401);
    const directory = await head.get("/api/users");
    expect(directory.body.items.map((u: { id: number }) => u.id)).not.toContain(caller.user.id);
    const all = await head.get("/api/users?includeInactive=true");
    expect(all.body.items.map((u: { id: number }) => u.id)).toContain(caller.user.id);
  });

  it("keeps the last active admin", async () => {
    const isolated = await startTestServer();
    try {
      const admin = await isolated.signedIn("admin");
      const res = await admin.patch(`/api/users/${admin.user.id}`, { role: "head" });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("last_admin");
      expect((await admin.get("/api/auth/me")).body.user.role).toBe("admin");
    } finally {
      await isolated.close();
    }
  });

  it("shows the team directory to everyone but inactive users only to admin and head", async () => {
    const caller = await server.signedIn("caller");
    const res = await caller.get("/api/users?role=manager");
    expect(res.status).toBe(200);
    expect(res.body.items.every((u: { role: string }) => u.role === "manager")).toBe(true);
    expect((await caller.get("/api/users?includeInactive=true")).status).toBe(403);
  });

  it("keeps a person's team trimmed, blank as none, and lists the team names in use", async () => {
    const head = await server.signedIn("head");
    const created = await head.post("/api/users", { username: "team.north", fullName: "North Caller", role: "caller", password: "12345678", team: "  Kyiv North " });
    expect(created.status).toBe(201);
    expect(created.body.user.team).toBe("Kyiv North");
    const plain = await head.post("/api/users", { username: "team.none", fullName: "No Team", role: "manager", password: "12345678", team: "   " });
    expect(plain.body.user.team).toBeNull();
    const moved = await head.patch(`/api/users/${plain.body.user.id}`, { team: "Lviv" });
    expect(moved.body.user.team).toBe("Lviv");
    // A change of something else leaves the team alone.
    expect((await head.patch(`/api/users/${plain.body.user.id}`, { fullName: "Still Lviv" })).body.user.team).toBe("Lviv");
    const caller = await server.signedIn("caller");
    const teams = await caller.get("/api/users/teams");
    expect(teams.status).toBe(200);
    expect(teams.body.items).toEqual(["Kyiv North", "Lviv"]);
    expect((await head.get("/api/users?role=caller")).body.items.find((u: { id: number }) => u.id === created.body.user.id).team).toBe("Kyiv North");

    expect((await head.patch(`/api/users/${created.body.user.id}`, { team: "" })).body.user.team).toBeNull();
    expect((await caller.get("/api/users/teams")).body.items).toEqual(["Lviv"]);
    const tooLong = await head.patch(`/api/users/${plain.body.user.id}`, { team: "x".repeat(61) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe("validation_failed");
    expect((await caller.patch(`/api/users/${plain.body.user.id}`, { team: "Mine" })).status).toBe(403);
  });

  it("clears a manager's lead cap back to the team default with null (not 0, which would stop their leads)", async () => {
    const head = await server.signedIn("head");
    const manager = await server.createUser("manager");
    expect((await head.patch(`/api/users/${manager.id}`, { dailyLeadCap: 10 })).body.user.dailyLeadCap).toBe(10);
    const cleared = await head.patch(`/api/users/${manager.id}`, { dailyLeadCap: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.user.dailyLeadCap).toBeNull();
  });

  it("answers 404 for an unknown user", async () => {
    const head = await server.signedIn("head");
    const res = await head.patch("/api/users/999999", { fullName: "Nobody" });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("user_not_found");
  });
});
