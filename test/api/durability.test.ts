import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/testServer.js";

/**
 * The embedded database must survive the process being killed outright (SIGKILL: no shutdown
 * hooks run): every write the API acknowledged is there after a restart, and nothing is half
 * written.
 */
const ADMIN_PASSWORD = "durable-admin-1";
const dataDir = mkdtempSync(path.join(tmpdir(), "conveyor-kill-"));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const children: ChildProcess[] = [];

function startServer(): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, CONVEYOR_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve"], { cwd: path.resolve(import.meta.dirname, "../.."), env, stdio: "ignore" });
  children.push(child);
  return child;
}

async function waitForHealth(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not become healthy");
}

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("SIGKILL during a stream of writes", () => {
  it("loses no acknowledged write and leaves the embedded database openable and consistent", async () => {
    const first = startServer();
    await waitForHealth();
    const client = new ApiClient(`http://127.0.0.1:${port}`);
    expect((await client.signIn("admin", ADMIN_PASSWORD)).status).toBe(200);

    const acknowledged: { id: number; name: string }[] = [];
    let sent = 0;
    let stop = false;
    const writer = async (stream: number) => {
      while (!stop) {
        const name = `Durable ${stream}-${sent++}`;
        try {
          const res = await client.post("/api/companies", { legalName: name, contacts: [{ fullName: "K", phones: [`+38067${String(1_000_000 + sent * 7 + stream).slice(-7)}`] }] });
          if (res.status === 201) acknowledged.push({ id: res.body.company.id, name });
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const streams = [writer(1), writer(2), writer(3)];
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 20));
    first.kill("SIGKILL");
    stop = true;
    await Promise.all(streams);
    await new Promise((r) => first.exitCode !== null || first.signalCode !== null ? r(null) : first.once("exit", r));

    startServer();
    await waitForHealth();
    const after = new ApiClient(`http://127.0.0.1:${port}`);
    expect((await after.signIn("admin", ADMIN_PASSWORD)).status).toBe(200);
    for (const { id, name } of acknowledged) {
      const card = await after.get(`/api/companies/${id}`);
      expect(card.status, name).toBe(200);
      expect(card.body.company.legalName).toBe(name);
      expect(card.body.contacts).toHaveLength(1);
    }
    // Whatever was in flight is either whole (company, contact and both timeline entries) or absent.
    const listed = await after.get("/api/companies?limit=200");
    for (const company of listed.body.items as { id: number }[]) {
      const card = await after.get(`/api/companies/${company.id}`);
      expect(card.body.contacts).toHaveLength(1);
      const kinds = (await after.get(`/api/companies/${company.id}/timeline`)).body.items.map((a: { kind: string }) => a.kind).sort();
      expect(kinds).toEqual(["company_created", "contact_added"]);
    }
    // And the database still takes writes.
    expect((await after.post("/api/companies", { legalName: "After the crash" })).status).toBe(201);
  });
});
