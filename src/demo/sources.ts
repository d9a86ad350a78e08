import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { selectRows, type Tx } from "../db/connect.js";
import { leadSources } from "../db/schema.js";
import { hashToken } from "../features/auth/tokenHash.js";
import type { Source } from "./companies.js";
import { DAY } from "./calendar.js";
import type { Random } from "./random.js";
import type { Member, Team } from "./team.js";

/**
 * The demo's lead sources: what a lead from each costs (hryvnias, in kopecks) and who answers
 * for its quality — the head for the bought cold base and the ads, a manager for the partner
 * they brought and for the exhibition they staffed.
 */

export type DemoSources = Record<Source, { id: number; name: string }>;

interface Plan {
  name: string;
  kind: string;
  costPerLeadMinor: number | null;
  owner: (team: Team) => Member | null;
}

const PLANS: Record<Source, Plan> = {
  "cold base": { name: "Холодная база (выгрузка)", kind: "cold_base", costPerLeadMinor: 1_500, owner: (t) => t.head },
  partner: { name: "Партнёр «БизнесКонсалт»", kind: "partner", costPerLeadMinor: 45_000, owner: (t) => t.managers[0] ?? null },
  "website form": { name: "Форма на сайте", kind: "web_form", costPerLeadMinor: 18_000, owner: (t) => t.head },
  exhibition: { name: "Выставка «Агро-Пром»", kind: "exhibition", costPerLeadMinor: 60_000, owner: (t) => t.managers[1] ?? t.managers[0] ?? null },
  "inbound call": { name: "Входящие звонки", kind: "inbound_call", costPerLeadMinor: null, owner: () => null },
  ads: { name: "Реклама Google Ads", kind: "ads", costPerLeadMinor: 32_000, owner: (t) => t.head },
  "lead marketplace": { name: "Партнёр «ЛидМаркет» (покупные лиды)", kind: "partner", costPerLeadMinor: 25_000, owner: (t) => t.managers[2] ?? t.head },
};

/** A source the team tried and switched off: it shows that switching off keeps the history. */
const RETIRED: Plan = { name: "Рекомендации клиентов", kind: "referral", costPerLeadMinor: null, owner: () => null };

export async function writeSources(tx: Tx, team: Team): Promise<DemoSources> {
  const keys = Object.keys(PLANS) as Source[];
  // The web form posts its leads through the intake; its token is unknown (the head rotates it to connect a site).
  const unknownTokenHash = hashToken(randomBytes(32).toString("base64url"));
  const row = (plan: Plan, active: boolean) => {
    const cost = plan.costPerLeadMinor;
    const intakeTokenHash = plan === PLANS["website form"] ? unknownTokenHash : null;
    return { name: plan.name, kind: plan.kind, costPerLeadMinor: cost, currency: cost === null ? null : "UAH", ownerId: plan.owner(team)?.id ?? null, active, intakeTokenHash };
  };
  const inserted = await tx
    .insert(leadSources)
    .values([...keys.map((key) => row(PLANS[key], true)), row(RETIRED, false)])
    .returning({ id: leadSources.id, name: leadSources.name });
  const idOf = new Map(inserted.map((r) => [r.name, r.id]));
  return Object.fromEntries(keys.map((key) => [key, { id: idOf.get(PLANS[key].name)!, name: PLANS[key].name }])) as DemoSources;
}

/**
 * The web form's intake log: every company it brought was an accepted post, and now and then a
 * visitor posts again (a duplicate) or leaves the phone field nonsense (invalid).
 */
export async function writeIntakeLog(tx: Tx, rng: Random, sources: DemoSources, now: number): Promise<number> {
  const sourceId = sources["website form"].id;
  const accepted = await selectRows<{ id: number }>(tx, sql`
    insert into lead_intakes (source_id, received_at, outcome, company_id, payload)
    select ${sourceId}, c.created_at, 'accepted', c.id, jsonb_build_object('legalName', c.legal_name)
    from companies c where c.source_id = ${sourceId}
    returning id`);
  const rejected = Array.from({ length: 14 }, () => {
    const duplicate = rng.chance(0.6);
    return {
      at: new Date(now - rng.between(0.1, 60) * DAY).toISOString(),
      outcome: duplicate ? "duplicate" : "invalid",
      errorCode: duplicate ? "lead_duplicate" : "invalid_phone",
    };
  });
  for (const r of rejected) {
    await tx.execute(sql`
      insert into lead_intakes (source_id, received_at, outcome, company_id, error_code, payload)
      values (${sourceId}, ${r.at}::timestamptz, ${r.outcome},
        ${r.outcome === "duplicate" ? sql`(select min(id) from companies where source_id = ${sourceId})` : sql`null`},
        ${r.errorCode}, '{}'::jsonb)`);
  }
  return accepted.length + rejected.length;
}
