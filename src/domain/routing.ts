import type { CountryCode } from "libphonenumber-js/max";
import type { Role, Stage } from "./conveyor.js";
import { normalisePhone } from "./phones.js";

/**
 * Inbound call routing: the PBX asks where a ringing call goes. A known client goes to the
 * person who works it — a customer to its account manager, a lead or a cold company to its
 * holder — and when that person is gone (deactivated) the head takes the call rather than
 * letting it ring out. A number nobody knows is a new caller: tier 2 ("new caller to lead
 * conversion"), where the distribution rule picks the manager. The lookup by number is I/O and
 * stays outside: this function takes what the lookup found.
 */
export interface CallPerson {
  userId: number;
  role: Role;
  /** False once the user is deactivated: a call must never be routed to them. */
  active: boolean;
}

/** What the lookup by the caller's E.164 number found: the company, its holder, its account manager. */
export interface KnownCaller {
  companyId: number;
  stage: Stage;
  /** The company's current (open) holder, or null when nobody holds it. */
  holder: CallPerson | null;
  /** For a customer: its tier-3 holder (usually the holder itself). */
  accountManager?: CallPerson | null;
}

export type CallTarget = { kind: "user"; userId: number; role: Role } | { kind: "head" } | { kind: "tier2" };

export const ROUTING_REASONS = [
  "account_manager",
  "account_manager_inactive_fallback_holder",
  "holder",
  "holder_inactive_fallback_head",
  "no_holder_fallback_head",
  "unheld_cold_company",
  "returning_company",
  "new_number",
  "unparseable_number",
] as const;
/** Why the call went where it went, written on the timeline with the call. */
export type RoutingReason = (typeof ROUTING_REASONS)[number];

export interface RoutingDecision {
  target: CallTarget;
  reason: RoutingReason;
  /** The caller's number in E.164, or null when it could not be read. */
  callerE164: string | null;
  /** The known company, or null for a new caller. */
  companyId: number | null;
}

const toUser = (p: CallPerson): CallTarget => ({ kind: "user", userId: p.userId, role: p.role });
const activeOrNull = (p: CallPerson | null | undefined): CallPerson | null => (p?.active ? p : null);

/**
 * Where an inbound call goes:
 * - a customer → its account manager if active; else its holder if active; else the head;
 * - a lead or a cold company with a holder → that holder if active, else the head;
 * - a lead nobody holds (or a customer with nobody at all) → the head;
 * - a cold company nobody holds, or a resting or archived one, calling in → tier 2 as an inbound
 *   lead, with the company attached so its history comes along;
 * - a number no company has, or one that cannot be read → tier 2.
 * A company the lookup found wins over the number's shape: the lookup is what knows the caller.
 */
export function routeInboundCall(callerNumber: string, found: KnownCaller | null, defaultCountry: CountryCode): RoutingDecision {
  const phone = normalisePhone(callerNumber, defaultCountry);
  const callerE164 = phone.ok ? phone.e164 : null;
  const decide = (target: CallTarget, reason: RoutingReason): RoutingDecision => ({ target, reason, callerE164, companyId: found?.companyId ?? null });

  if (!found) return decide({ kind: "tier2" }, phone.ok ? "new_number" : "unparseable_number");

  const holder = activeOrNull(found.holder);
  switch (found.stage) {
    case "customer": {
      const accountManager = activeOrNull(found.accountManager);
      if (accountManager) return decide(toUser(accountManager), "account_manager");
      if (holder) return decide(toUser(holder), found.accountManager ? "account_manager_inactive_fallback_holder" : "holder");
      if (found.accountManager || found.holder) return decide({ kind: "head" }, "holder_inactive_fallback_head");
      return decide({ kind: "head" }, "no_holder_fallback_head");
    }
    case "lead":
    case "cold": {
      if (holder) return decide(toUser(holder), "holder");
      if (found.holder) return decide({ kind: "head" }, "holder_inactive_fallback_head");
      if (found.stage === "lead") return decide({ kind: "head" }, "no_holder_fallback_head");
      return decide({ kind: "tier2" }, "unheld_cold_company");
    }
    case "resting":
    case "archived":
      return decide({ kind: "tier2" }, "returning_company");
  }
}
