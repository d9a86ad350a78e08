import { count, sql } from "drizzle-orm";
import type { Database } from "../db/connect.js";
import { companies } from "../db/schema.js";
import { hashPassword } from "../features/auth/passwords.js";
import { generateCompanies } from "./companies.js";
import { planHistory } from "./history.js";
import { writeProspecting } from "./prospecting.js";
import { writeConversion } from "./conversion.js";
import { writeAccounts } from "./accounts.js";
import { writeCommissionRules } from "./commissions.js";
import { runSourceWatch } from "../features/alerts/sourceWatchSweep.js";
import { Random } from "./random.js";
import { writeIntakeLog, writeSources } from "./sources.js";
import { createTeam, DEMO_PASSWORD, describeMember, type Team } from "./team.js";
import { writeBase, type WrittenCounts } from "./write.js";

/**
 * `conveyor demo`: fills an empty base with a sales department and four months of its work,
 * so a new user sees a living conveyor at once. The same seed gives the same demo (dates are
 * relative to `now`). One transaction: it all appears, or nothing does.
 */

export interface DemoOptions {
  seed?: number;
  now?: Date;
  companies?: number;
  /** The team's time zone, for queue days. */
  timeZone?: string;
}

export const DEFAULT_SEED = 20_250_301;
/** Bought leads on top of the base, as a share of its size. */
const BOUGHT_LEADS_SHARE = 0.3;

export async function fillDemo(database: Database, options: DemoOptions = {}): Promise<string> {
  const started = performance.now();
  const now = (options.now ?? new Date()).getTime();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const outcome = await database.db.transaction(async (tx) => {
    // A second demo run at the same time waits here, then finds the first one's companies.
    await tx.execute(sql`lock table companies in share row exclusive mode`);
    const [existing] = await tx.select({ n: count() }).from(companies);
    if (existing!.n > 0) return { refused: existing!.n } as const;

    const team = await createTeam(tx, passwordHash);
    const rng = new Random(options.seed ?? DEFAULT_SEED);
    const sources = await writeSources(tx, team);
    const total = options.companies ?? 300;
    // The last ones are a batch of bought leads (single companies: groups come first).
    const bought = Math.round(total * BOUGHT_LEADS_SHARE);
    const seeds = generateCompanies(rng, total + bought).map((seed, i) => (i >= total ? { ...seed, source: "lead marketplace" as const } : seed));
    const histories = seeds.map((seed) => planHistory(rng, seed, team, sources, now));
    const written = await writeBase(tx, seeds, histories, sources);
    const intakes = await writeIntakeLog(tx, rng, sources, now);
    const prospecting = await writeProspecting(tx, team);
    const conversion = await writeConversion(tx, options.timeZone ?? "Europe/Kyiv");
    const accounts = await writeAccounts(tx, options.timeZone ?? "Europe/Kyiv", new Date(now));
    await writeCommissionRules(tx, options.timeZone ?? "Europe/Kyiv", new Date(now));
    // The source watch as the first sweep leaves it: the marketplace's leads stopped qualifying.
    const watch = await runSourceWatch(tx, options.timeZone ?? "Europe/Kyiv", new Date(now));
    const stages = histories.reduce<Record<string, number>>((acc, h) => ({ ...acc, [h.stage]: (acc[h.stage] ?? 0) + 1 }), {});
    return { team, written, stages, prospecting, conversion, accounts, sources: { count: Object.keys(sources).length + 1, intakes, alerts: watch.raised.length } } as const;
  });

  if ("refused" in outcome) {
    return `The database already has ${outcome.refused} companies: the demo fills only an empty database. Nothing was changed.`;
  }
  return summary(outcome.team, outcome.written, outcome.stages, outcome.prospecting, outcome.conversion, outcome.accounts, outcome.sources, (performance.now() - started) / 1000);
}

function summary(
  team: Team,
  written: WrittenCounts,
  stages: Record<string, number>,
  prospecting: { callLists: number; calls: number },
  conversion: { deals: number; orders: number; promises: number },
  accounts: { repeatOrders: number; invoices: number; customers: number },
  sources: { count: number; intakes: number; alerts: number },
  seconds: number,
): string {
  const lines = [
    `Demo data created in ${seconds.toFixed(1)} s:`,
    `  ${written.companies} companies — ${stages.cold ?? 0} cold, ${stages.lead ?? 0} leads, ${stages.customer ?? 0} customers, ${stages.archived ?? 0} archived`,
    `  ${written.contacts} contacts with ${written.phones} phones, ${written.holdings} holdings (${written.openHoldings} open), ${written.activities} timeline entries over the last four months`,
    `  ${prospecting.callLists} call lists with a script and instructions, ${prospecting.calls} logged calls behind the callers' results`,
    `  ${conversion.deals} deals, ${conversion.orders} first orders, ${conversion.promises} promises made at conversion`,
    `  ${sources.count} lead sources with costs and owners; ${sources.intakes} posts in the web form's intake log; ${sources.alerts} open source alerts`,
    `  ${accounts.repeatOrders} repeat orders and ${accounts.invoices} invoices; segments and reorder dates for ${accounts.customers} customers`,
    "",
  ];
  if (team.created.length > 0) {
    lines.push(`Sign in with the password "${DEMO_PASSWORD}" as:`, ...team.created.map((m) => `  ${describeMember(m)}`));
  }
  if (team.skipped.length > 0) {
    lines.push(`Skipped (username already taken, existing user kept): ${team.skipped.join(", ")}`);
  }
  return lines.join("\n");
}
