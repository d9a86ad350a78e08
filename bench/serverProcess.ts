import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { DatabaseTarget } from "../src/db/connect.js";

/**
 * The server under test in its own process (bench/server.ts), so that its memory is its own:
 * start it on a database, read its RSS and peak RSS from /proc, stop it.
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let running: ChildProcess | undefined;

/** The server started last and not yet stopped, for a hard time limit to kill. */
export const runningServer = (): ChildProcess | undefined => running;

export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

export async function startServer(
  target: DatabaseTarget,
  user: { username: string; password: string },
  env: Record<string, string> = {},
): Promise<{ process: ChildProcess; port: number }> {
  const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench", "server.ts")], {
    cwd: root,
    env: { ...process.env, ...env, BENCH_TARGET: JSON.stringify(target), BENCH_USER: user.username, BENCH_PASSWORD: user.password, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running = server;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 180 s")), 180_000);
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: server.stdout! }).on("line", (line) => {
      const port = (JSON.parse(line) as { port?: number }).port;
      if (port) {
        clearTimeout(timer);
        resolve(port);
      }
    });
  });
  return { process: server, port };
}

export async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  if (running === server) running = undefined;
}

/** Kills the server (if any) and exits when the run passes its time limit. */
export function timeLimit(minutes: number): NodeJS.Timeout {
  const deadline = setTimeout(() => {
    console.error(`bench: time limit of ${minutes} minutes reached, stopping`);
    running?.kill("SIGKILL");
    process.exit(2);
  }, minutes * 60_000);
  deadline.unref();
  return deadline;
}
