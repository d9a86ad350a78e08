#!/usr/bin/env node
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type Database } from "./db/connect.js";
import { buildApp } from "./server/app.js";
import { loadConfig } from "./server/config.js";
import { ensureFirstAdmin } from "./server/firstAdmin.js";
import { startScheduler } from "./server/scheduler.js";
import { runSweep, SWEEPS } from "./server/sweeps.js";

const USAGE = `conveyor <command>

  serve     start the API and web app (PORT, default 3000)
  migrate   apply database migrations and exit
  demo      fill an empty database with a realistic team and history
  import FILE [--source NAME|ID] [--mapping FILE.json] [--encoding utf8|cp1251] [--delimiter ';']
            [--dry-run] [--resume ID]   bring a CSV or XLSX client base in (conveyor import --help)
  export companies|accounts|invoices --format csv|xlsx [--out FILE] [--language ru|uk|en] [--FILTER VALUE …]
            write a list of the base to a file, logged (conveyor export --help)
  sweep N   run one periodic sweep now (call-lists-refresh, touch-schedule, account-insights, rotation, source-watch)

Database: DATABASE_URL=postgres://… for a PostgreSQL server, otherwise the embedded
PGlite database in DATA_DIR (default ./data).`;

/** The built web app sits in dist/web whether we run from src (tsx) or dist/server. */
function findWebRoot(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.resolve(here, "../web"), path.resolve(here, "../dist/web"), path.resolve(here, "../../dist/web")]) {
    // A built app has its assets next to index.html; the Vite source folder (web/) does not.
    if (existsSync(path.join(candidate, "index.html")) && existsSync(path.join(candidate, "assets"))) return candidate;
  }
  return undefined;
}

async function serve() {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const admin = await ensureFirstAdmin(database.db, process.env.CONVEYOR_ADMIN_PASSWORD);
  const webRoot = findWebRoot();
  const app = await buildApp({ database, config, webRoot, logger: true });
  const stopScheduler = startScheduler(database, app.log, { timeZone: config.timeZone, events: app.events });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    stopScheduler();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  const where = "url" in config.database ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${"dataDir" in config.database ? config.database.dataDir : "memory"}`;
  console.log(`\nConveyor is running on http://localhost:${config.port} — database: ${where}`);
  if (!webRoot) console.log("The web app is not built: run `npm run build` (npm start does it) to serve it.");
  if (admin) {
    console.log(`\nFirst start: sign in as "${admin.username}" with the one-time password: ${admin.password}`);
    console.log("Change it under Team after signing in. To see a living conveyor at once: npm run demo\n");
  }
}

async function migrate() {
  const database = await openDatabase(loadConfig().database);
  await database.close();
  console.log("Migrations applied.");
}

async function demo() {
  const { fillDemo } = await import("./demo/fillDemo.js");
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const summary = await fillDemo(database, { timeZone: config.timeZone });
    console.log(summary);
  } finally {
    await database.close();
  }
}

/** Runs a sweep at once (after an import, or from an external scheduler), under its usual lock. */
async function sweep() {
  const name = process.argv[3];
  const found = SWEEPS.find((s) => s.name === name);
  if (!found) {
    console.error(`Unknown sweep "${name ?? ""}". Sweeps: ${SWEEPS.map((s) => s.name).join(", ")}`);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const started = Date.now();
    const outcome = await runSweep(database, found, { timeZone: config.timeZone, force: true });
    console.log(outcome.ran ? { sweep: name, ms: Date.now() - started, result: outcome.result } : `Sweep "${name}" is running elsewhere; skipped.`);
  } finally {
    await database.close();
  }
}

/**
 * A command that works on the database and ends with its own exit code: `--help` (or no
 * arguments) prints its usage; the database is closed whatever happens.
 */
async function databaseCommand(usage: string, run: (database: Database, argv: string[], config: ReturnType<typeof loadConfig>) => Promise<number>) {
  const argv = process.argv.slice(3);
  if (argv.includes("--help") || argv.length === 0) {
    console.log(usage);
    process.exit(argv.length === 0 ? 2 : 0);
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  let code = 1;
  try {
    code = await run(database, argv, config);
  } finally {
    await database.close();
  }
  process.exit(code);
}

/** Brings a CSV or XLSX file into the base (features/imports/importCommand.ts); exits 0, 3 with rejected rows, 1 failed, 2 usage. */
async function importFile() {
  const { runImportCommand, IMPORT_USAGE } = await import("./features/imports/importCommand.js");
  await databaseCommand(IMPORT_USAGE, (database, argv, config) => runImportCommand(database, argv, config.timeZone));
}

/** Writes a list of the base to CSV or XLSX (features/exports/exportCommand.ts); exits 0 written, 1 failed, 2 usage. */
async function exportList() {
  const { runExportCommand, EXPORT_USAGE } = await import("./features/exports/exportCommand.js");
  await databaseCommand(EXPORT_USAGE, (database, argv, config) => runExportCommand(database, argv, { timeZone: config.timeZone, country: config.defaultCountry }));
}

const commands: Record<string, () => Promise<void>> = { serve, migrate, demo, sweep, import: importFile, export: exportList };
const command = commands[process.argv[2] ?? ""];
if (!command) {
  console.log(USAGE);
  process.exit(process.argv[2] ? 2 : 0);
}
command().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
