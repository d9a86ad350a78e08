import type { FastifyInstance } from "fastify";
import type { Database } from "../../src/db/connect.js";
import { users } from "../../src/db/schema.js";
import type { Role } from "../../src/domain/conveyor.js";
import { hashPassword } from "../../src/features/auth/passwords.js";
import { buildApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { openTestDatabase } from "./testDatabase.js";

export const TEST_PASSWORD = "correct horse battery";

export interface TestUser {
  id: number;
  username: string;
  role: Role;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF header on mutations. */
export class ApiClient {
  cookie = "";
  csrfToken = "";
  constructor(
    readonly baseUrl: string,
    readonly language = "en",
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        "accept-language": this.language,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== "GET" && this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  get = <T = any>(path: string) => this.request<T>("GET", path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>("POST", path, body ?? {});
  patch = <T = any>(path: string, body: unknown) => this.request<T>("PATCH", path, body);

  async signIn(username: string, password = TEST_PASSWORD): Promise<ApiResponse> {
    const res = await this.post("/api/auth/login", { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  /** Creates a user directly in the database (no HTTP), for arranging a test. */
  createUser(role: Role, username?: string, extra?: { active?: boolean; language?: "ru" | "uk" | "en" }): Promise<TestUser>;
  /** A new client signed in as a fresh user of the role (or as the given user). */
  signedIn(roleOrUser: Role | TestUser): Promise<ApiClient & { user: TestUser }>;
  anonymous(language?: string): ApiClient;
  close(): Promise<void>;
}

let counter = 0;
let passwordHash: string | undefined;

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const config = { ...loadConfig({ ...process.env, ...env }), port: 0, host: "127.0.0.1" };
  const app = await buildApp({ database, config });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  passwordHash ??= await hashPassword(TEST_PASSWORD);

  const createUser: TestServer["createUser"] = async (role, username, extra = {}) => {
    const name = username ?? `${role}${++counter}`;
    const [row] = await database.db
      .insert(users)
      .values({ username: name, fullName: `${role} ${name}`, role, passwordHash: passwordHash!, language: extra.language ?? "en", active: extra.active ?? true })
      .returning({ id: users.id });
    return { id: row!.id, username: name, role };
  };

  return {
    url,
    app,
    database,
    createUser,
    async signedIn(roleOrUser) {
      const user = typeof roleOrUser === "string" ? await createUser(roleOrUser) : roleOrUser;
      const client = new ApiClient(url);
      const res = await client.signIn(user.username);
      if (res.status !== 200) throw new Error(`sign-in failed for ${user.username}: ${JSON.stringify(res.body)}`);
      return Object.assign(client, { user });
    },
    anonymous: (language = "en") => new ApiClient(url, language),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
