import http from "node:http";

/** A minimal HTTP load generator: N workers in a loop over keep-alive sockets, one latency per request. */

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export class Client {
  private readonly agent: http.Agent;
  cookie = "";
  /** Sent as x-csrf-token on mutations once signed in. */
  csrfToken = "";
  userId = 0;

  constructor(
    private readonly port: number,
    sockets: number,
    private readonly timeoutMs = 10_000,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, path: string, body?: unknown): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: this.port,
          method,
          path,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            accept: "application/json",
            ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(this.csrfToken && method !== "GET" ? { "x-csrf-token": this.csrfToken } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`timeout: ${method} ${path}`)));
      req.on("error", reject);
      req.end(payload);
    });
  }

  async signIn(username: string, password: string): Promise<void> {
    const res = await this.request("POST", "/api/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.body}`);
    this.cookie = String(res.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
    const session = JSON.parse(res.body) as { csrfToken: string; user: { id: number } };
    this.csrfToken = session.csrfToken;
    this.userId = session.user.id;
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface Scenario {
  name: string;
  /** The i-th request's path; targets are drawn at random from real data. */
  path: () => string;
  /** Whether a 200 answer found something (a search for an existing phone must not come back empty). */
  found: (body: string) => boolean;
}

export interface Stats {
  scenario: string;
  requests: number;
  concurrency: number;
  errors: number;
  empty: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

export const percentile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;

export async function runScenario(client: Client, scenario: Scenario, requests: number, concurrency: number): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let empty = 0;
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      const path = scenario.path();
      const started = performance.now();
      try {
        const res = await client.request("GET", path);
        latencies.push(performance.now() - started);
        if (res.status !== 200) {
          if (errors++ === 0) console.warn(`    ${scenario.name}: ${res.status} on ${path}: ${res.body.slice(0, 200)}`);
        } else if (!scenario.found(res.body)) empty++;
      } catch (error) {
        errors++;
        latencies.push(performance.now() - started);
        if (errors === 1) console.warn(`    ${scenario.name}: ${String(error)}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    requests: latencies.length,
    concurrency,
    errors,
    empty,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    perSecond: latencies.length / seconds,
  };
}
