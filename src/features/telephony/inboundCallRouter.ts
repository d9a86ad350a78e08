import { sql } from "drizzle-orm";
import type { CountryCode } from "libphonenumber-js";
import { selectRows, type Db } from "../../db/connect.js";
import type { Role, Stage } from "../../domain/conveyor.js";
import { normalisePhone } from "../../domain/phones.js";
import { routeInboundCall, type KnownCaller, type RoutingDecision } from "../../domain/routing.js";
import { appError } from "../../server/errors.js";
import { appendActivities } from "../clients/timeline.js";
import { placeLeads } from "../conversion/leadDistributor.js";
import { readSettings } from "../settings/teamSettings.js";
import type { EventHub } from "./eventHub.js";

export interface RoutedCall {
  decision: RoutingDecision;
  /** The person whose phone should ring, or null when nobody can take it. */
  user: { id: number; fullName: string; role: Role } | null;
}

/** The company that owns a phone number, with its holder as routing needs it. */
async function lookUpCaller(db: Db, e164: string): Promise<KnownCaller | null> {
  const [row] = await selectRows<{ company_id: number; stage: Stage; user_id: number | null; role: Role | null; active: boolean | null; tier: number | null }>(
    db,
    sql`select c.id as company_id, c.stage, h.user_id, u.role, u.active, h.tier
        from contact_phones p join companies c on c.id = p.company_id
        left join holdings h on h.company_id = c.id and h.ended_at is null
        left join users u on u.id = h.user_id
        where p.e164 = ${e164} order by c.id limit 1`,
  );
  if (!row) return null;
  const holder = row.user_id === null ? null : { userId: row.user_id, role: row.role!, active: row.active! };
  return { companyId: row.company_id, stage: row.stage, holder, accountManager: row.tier === 3 ? holder : null };
}

async function resolveTarget(db: Db, decision: RoutingDecision, timeZone: string): Promise<RoutedCall["user"]> {
  const target = decision.target;
  let userId: number | undefined;
  if (target.kind === "user") userId = target.userId;
  if (target.kind === "tier2") {
    // A new caller goes to the sales manager the distribution rule would give the next lead.
    const [place] = await placeLeads(db, 1, new Date(), await readSettings(db, timeZone), true).catch(() => [undefined]);
    userId = place?.managerId;
  }
  const byRole = target.kind === "head" || userId === undefined;
  const [user] = await selectRows<{ id: number; full_name: string; role: Role }>(
    db,
    byRole
      ? sql`select id, full_name, role from users where active and role in ('head', 'admin') order by role = 'head' desc, id limit 1`
      : sql`select id, full_name, role from users where id = ${userId!}`,
  );
  return user ? { id: user.id, fullName: user.full_name, role: user.role } : null;
}

/**
 * An inbound call from the PBX (or the head's simulation): decide who takes it, log it on the
 * known company's timeline, and pop the caller's card in that person's open browser.
 */
export async function routeCall(db: Db, hub: EventHub, from: string, country: CountryCode, timeZone: string, simulatedBy?: number): Promise<RoutedCall> {
  const parsed = normalisePhone(from, country);
  const found = parsed.ok ? await lookUpCaller(db, parsed.e164) : null;
  const decision = routeInboundCall(from, found, country);
  const user = await resolveTarget(db, decision, timeZone);
  if (!user) throw appError("no_manager_available");
  if (decision.companyId) {
    await appendActivities(db, [
      {
        companyId: decision.companyId,
        actorId: simulatedBy ?? null,
        kind: "call",
        text: null,
        data: { direction: "inbound", from: decision.callerE164 ?? from, routedTo: user.id, reason: decision.reason, simulated: simulatedBy !== undefined },
      },
    ]);
  }
  hub.publish(user.id, { type: "inbound_call", data: { from: decision.callerE164 ?? from, companyId: decision.companyId, reason: decision.reason } });
  return { decision, user };
}
