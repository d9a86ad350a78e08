import { existsSync } from "node:fs";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { expect } from "vitest";
import { openDatabase, type Database } from "../../../src/db/connect.js";
import { users } from "../../../src/db/schema.js";
import type { Role } from "../../../src/domain/conveyor.js";
import { hashPassword } from "../../../src/features/auth/passwords.js";
import { buildApp } from "../../../src/server/app.js";
import { loadConfig } from "../../../src/server/config.js";
import { ensureFirstAdmin } from "../../../src/server/firstAdmin.js";

/**
 * The real server (in-process, memory PGlite, the built web app) and Debian's Chromium, for
 * browser tests: one place for the start-up every browser test needs.
 */
export interface TeamMember {
  username: string;
  fullName: string;
  role: Role;
  language?: "ru" | "uk" | "en";
}

/** The passwords every browser test signs in with (the admin's, and the team's), unless it says otherwise. */
export const ADMIN_PASSWORD = "admin-password-1";
export const TEAM_PASSWORD = "team-password-1";
/** Where the browser tests leave their screenshots. */
export const SHOTS = "/tmp";

/** How a page is shown: English and a desktop screen unless a test asks for another. */
export interface PageView {
  locale?: string;
  viewport?: { width: number; height: number };
}

export type ApiCall = (method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: unknown) => Promise<LightMyRequestResponse>;

export interface BrowserHarness {
  database: Database;
  app: FastifyInstance;
  browser: Browser;
  baseUrl: string;
  /** A signed-in API session for arranging and checking data without the browser. */
  api(username: string, password: string): Promise<ApiCall>;
  /** Every user's id by username, as stored. */
  userIds(): Promise<Map<string, number>>;
  /** Signs in through the sign-in page and waits for a landmark of the landing page. */
  signIn(page: Page, username: string, password: string, landmark?: string): Promise<void>;
  /** A page in a fresh browser context of its own, not signed in; closing its context is the test's. */
  openPage(view?: PageView): Promise<Page>;
  /** A page in a fresh browser context of its own, signed in, the landing page's landmark shown. */
  newPage(username: string, password: string, landmark?: string, view?: PageView): Promise<Page>;
  close(): Promise<void>;
}

const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const DEFAULT_VIEW = { locale: "en-US", viewport: { width: 1440, height: 900 } } satisfies BrowserContextOptions;

export async function startBrowserHarness(options: { adminPassword?: string; password?: string; team?: TeamMember[] }): Promise<BrowserHarness> {
  if (!existsSync("dist/web/index.html")) throw new Error("dist/web is missing: run `npx vite build` first");
  if (!existsSync("/usr/bin/chromium")) throw new Error("Browser tests drive Debian's chromium: apt-get install chromium");
  const database = await openDatabase({ memory: true });
  await ensureFirstAdmin(database.db, options.adminPassword ?? ADMIN_PASSWORD);
  if (options.team?.length) {
    const passwordHash = await hashPassword(options.password ?? TEAM_PASSWORD);
    await database.db.insert(users).values(options.team.map((m) => ({ ...m, language: m.language ?? "en", passwordHash })));
  }
  const app = await buildApp({ database, config: { ...loadConfig(), port: 0, host: "127.0.0.1" }, webRoot: "dist/web" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });

  const signIn = async (page: Page, username: string, password: string, landmark = "nav-companies") => {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByTestId("sign-in-username").fill(username);
    await page.getByTestId("sign-in-password").fill(password);
    await page.getByTestId("sign-in-submit").click();
    await page.getByTestId(landmark).waitFor();
  };
  const openPage = async (view: PageView = {}) => {
    const context = await browser.newContext({ ...DEFAULT_VIEW, ...view });
    return context.newPage();
  };

  return {
    database,
    app,
    browser,
    baseUrl,
    async api(username, password) {
      const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
      expect(login.statusCode).toBe(200);
      const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
      const { csrfToken } = login.json() as { csrfToken: string };
      return (method, url, payload) =>
        app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }), headers: { cookie, "x-csrf-token": csrfToken } });
    },
    async userIds() {
      const rows = await database.db.select({ id: users.id, username: users.username }).from(users);
      return new Map(rows.map((u) => [u.username, u.id]));
    },
    signIn,
    openPage,
    async newPage(username, password, landmark, view) {
      const page = await openPage(view);
      await signIn(page, username, password, landmark);
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Picks an option of a Mantine Select / MultiSelect by its visible label. */
export async function pick(page: Page, input: ReturnType<Page["getByTestId"]>, option: string | RegExp) {
  await input.click();
  await page.getByRole("option", { name: option, exact: typeof option === "string" }).first().click();
}
