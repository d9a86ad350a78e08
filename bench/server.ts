import { openDatabase, type DatabaseTarget } from "../src/db/connect.js";
import { users } from "../src/db/schema.js";
import { hashPassword } from "../src/features/auth/passwords.js";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";

/**
 * The server under test, run by bench/run.ts as its own process so that its memory is its own.
 * Env: BENCH_TARGET (JSON DatabaseTarget), BENCH_USER, BENCH_PASSWORD. Prints `{"port":…}` when listening.
 */
const target = JSON.parse(process.env.BENCH_TARGET ?? "") as DatabaseTarget;
const username = process.env.BENCH_USER ?? "bench-head";
const password = process.env.BENCH_PASSWORD ?? "bench password";

const database = await openDatabase(target);
await database.db
  .insert(users)
  .values({ username, fullName: "Bench Head", role: "head", passwordHash: await hashPassword(password), language: "ru" })
  .onConflictDoNothing();
const config = { ...loadConfig({ ...process.env, DATABASE_URL: undefined }), port: 0, host: "127.0.0.1" };
const app = await buildApp({ database, config });
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
