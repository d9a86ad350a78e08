import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSweep, SWEEPS } from "../../src/server/sweeps.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const refresh = SWEEPS.find((s) => s.name === "call-lists-refresh")!;

describe("the call-list sweep", () => {
  it("adds new matching companies to active lists, and running it again changes nothing", async () => {
    const head = await server.signedIn("head");
    const caller = await server.createUser("caller");
    const list = (await head.post("/api/call-lists", { name: "Sweep", criteria: { industries: ["Sweep"] }, callerIds: [caller.id] })).body.callList;
    expect(list.ready).toBe(0);
    await head.post("/api/companies", { legalName: "Swept In", industry: "Sweep" });
    expect(await runSweep(server.database, refresh, { timeZone: "Europe/Kyiv" })).toEqual({ ran: true, result: 1 });
    expect((await head.get("/api/call-lists")).body.items.find((l: { id: number }) => l.id === list.id).ready).toBe(1);
    await runSweep(server.database, refresh, { timeZone: "Europe/Kyiv" });
    const entries = await server.database.db.execute(sql`select count(*)::int as n from call_list_entries where call_list_id = ${list.id}`);
    expect((entries as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it.runIf(process.env.DATABASE_URL)("runs once across instances: a second instance skips while the lock is held", async () => {
    // Another "instance": a separate connection holding the sweep's lock.
    const [row] = (await server.database.db.execute(sql`select current_database() as name`) as unknown as { rows: { name: string }[] }).rows;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    const other = new pg.Client({ connectionString: url.toString() });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock(hashtext('conveyor:call-lists-refresh'))");
      expect(await runSweep(server.database, refresh, { timeZone: "Europe/Kyiv" })).toEqual({ ran: false });
      await other.query("commit");
      expect((await runSweep(server.database, refresh, { timeZone: "Europe/Kyiv" })).ran).toBe(true);
    } finally {
      await other.end();
    }
  });
});
