import { daysBetween, median, POSTPONE_REASONS } from "./deals.js";
import type { Day } from "./workingTime.js";

/**
 * Rotation of "dead" clients. A salesperson holds a client for a term — the team's average sales
 * period, read from its own history — and past it without a sale (or after weeks without any
 * activity) the client lands on the head's list. The head extends the term only for an objective
 * reason and to a concrete date, or takes the client away: at once to another salesperson, or
 * after a rest during which nobody may call it, or into the archive. The next holder is somebody
 * who has not held the client lately, with the lightest load. Later sales to the same legal
 * entity by the next holder show the head who gave up too early.
 */

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Sales period

/** A holding that ended in a first sale: from the day work started to the day of the sale. */
export interface SaleCase {
  startedOn: Day;
  soldOn: Day;
  industry: string | null;
  size: string | null;
}

export interface SalesPeriodPolicy {
  /** Fewer cases than this and the computed value is not trusted: the fallback is used. */
  minCases: number;
  /** Days used while the data is too thin. */
  fallbackDays: number;
  /** The head's fixed value, used instead of the data when set. */
  overrideDays: number | null;
}

export const DEFAULT_SALES_PERIOD_POLICY: SalesPeriodPolicy = { minCases: 10, fallbackDays: 30, overrideDays: null };

export interface SalesPeriod {
  /** The term to give: whole days, at least 1. */
  days: number;
  source: "computed" | "fallback" | "override";
  /** Mean and median days to the first sale over the cases, null without cases. */
  mean: number | null;
  median: number | null;
  cases: number;
}

/**
 * The sales period of a set of cases: the mean days from the start of work to the sale, rounded
 * up to whole days (the definition; the median is shown beside it so the head sees when
 * a few long sales pull the mean). An override wins; too few cases fall back to the fixed value.
 */
export function salesPeriodOf(cases: readonly SaleCase[], policy: SalesPeriodPolicy): SalesPeriod {
  const durations = cases.map((c) => Math.max(0, daysBetween(c.startedOn, c.soldOn)));
  const mean = durations.length ? durations.reduce((s, d) => s + d, 0) / durations.length : null;
  const facts = { mean, median: median(durations), cases: durations.length };
  if (policy.overrideDays !== null) return { days: Math.max(1, Math.round(policy.overrideDays)), source: "override", ...facts };
  if (mean === null || durations.length < Math.max(1, policy.minCases)) return { days: Math.max(1, Math.round(policy.fallbackDays)), source: "fallback", ...facts };
  return { days: Math.max(1, Math.ceil(mean)), source: "computed", ...facts };
}

export interface SalesPeriods {
  overall: SalesPeriod;
  /** Only segments with enough cases of their own. */
  byIndustry: Record<string, SalesPeriod>;
  bySize: Record<string, SalesPeriod>;
}

function bySegment(cases: readonly SaleCase[], key: (c: SaleCase) => string | null, policy: SalesPeriodPolicy): Record<string, SalesPeriod> {
  const groups = new Map<string, SaleCase[]>();
  for (const c of cases) {
    const k = key(c);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  const out: Record<string, SalesPeriod> = {};
  for (const [k, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    if (list.length >= Math.max(1, policy.minCases)) out[k] = salesPeriodOf(list, { ...policy, overrideDays: null });
  }
  return out;
}

/** The sales period overall and for each industry and size that has enough cases. */
export function salesPeriods(cases: readonly SaleCase[], policy: SalesPeriodPolicy): SalesPeriods {
  return {
    overall: salesPeriodOf(cases, policy),
    byIndustry: policy.overrideDays === null ? bySegment(cases, (c) => c.industry, policy) : {},
    bySize: policy.overrideDays === null ? bySegment(cases, (c) => c.size, policy) : {},
  };
}

/** The most specific trusted period for a company: its industry's, else its size's, else the overall one. */
export function salesPeriodFor(periods: SalesPeriods, company: { industry: string | null; size: string | null }): SalesPeriod {
  return (
    (company.industry !== null ? periods.byIndustry[company.industry] : undefined) ??
    (company.size !== null ? periods.bySize[company.size] : undefined) ??
    periods.overall
  );
}

// ---------------------------------------------------------------------------------------------
// Terms

export interface TermPolicy {
  /** Terms are given in tier 2 always, in tier 1 only when this is on. */
  termsInTier1: boolean;
  /** A company in a group of related companies (a "bush") gets a longer term: × this. */
  groupMultiplier: number;
}

export const DEFAULT_TERM_POLICY: TermPolicy = { termsInTier1: false, groupMultiplier: 1.5 };

/** The term of a new holding, or null for a tier without terms (tier 3: customers are not rotated by term). */
export function termOf(tier: number, start: Date, periodDays: number, inGroup: boolean, policy: TermPolicy): Date | null {
  if (tier === 3 || (tier === 1 && !policy.termsInTier1)) return null;
  const days = Math.max(1, Math.round(periodDays * (inGroup ? Math.max(1, policy.groupMultiplier) : 1)));
  return new Date(start.getTime() + days * DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// The head's list

export const DEAD_REASONS = ["term_expired", "inactive"] as const;
export type DeadReason = (typeof DEAD_REASONS)[number];

export interface HeldClient {
  tier: number;
  startedAt: Date;
  termUntil: Date | null;
  /** The latest touch (call, meeting, email) on the company by anyone, or null; one before the holding started does not count. */
  lastActivityAt: Date | null;
  /** A sale (a won deal, an order) since the holding started. */
  soldSinceStart: boolean;
}

/**
 * Why a holding belongs on the head's list now, or null: past its term without a sale, or no
 * activity at all for `inactiveDays` (counted from the holding's start when nothing happened).
 * An expired term comes first: it is the rule; inactivity is the early warning. Rotation is for
 * the selling tiers (1 and 2): an account manager's customer already bought, and a neglected one
 * shows on the weekly contact system's overdue list instead.
 */
export function deadReason(h: HeldClient, now: Date, inactiveDays: number): DeadReason | null {
  if (h.tier !== 1 && h.tier !== 2) return null;
  if (h.termUntil !== null && now.getTime() > h.termUntil.getTime() && !h.soldSinceStart) return "term_expired";
  const since = h.lastActivityAt && h.lastActivityAt > h.startedAt ? h.lastActivityAt : h.startedAt;
  if (inactiveDays > 0 && now.getTime() - since.getTime() > inactiveDays * DAY_MS) return "inactive";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Decisions

export const ROTATION_DECISIONS = ["extend", "transfer_now", "transfer_after_rest", "archive"] as const;
export type RotationDecision = (typeof ROTATION_DECISIONS)[number];

/** Objective reasons to keep a client with its holder longer: the same as for postponing a deal. */
export const EXTENSION_REASONS = POSTPONE_REASONS;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

export type ExtensionProblem = "unknown_extension_reason" | "reason_required" | "extension_date_in_past" | "extension_too_far";

/** An extension needs an objective reason category, a text, and a date after today within the limit. */
export function checkExtension(request: { category: string; note: string; until: Day }, today: Day, maxDays: number): ExtensionProblem | null {
  if (!(EXTENSION_REASONS as readonly string[]).includes(request.category)) return "unknown_extension_reason";
  if (!request.note.trim()) return "reason_required";
  if (request.until <= today) return "extension_date_in_past";
  if (daysBetween(today, request.until) > maxDays) return "extension_too_far";
  return null;
}

// ---------------------------------------------------------------------------------------------
// The next holder

export interface HolderCandidate {
  userId: number;
  /** Companies the person holds now. */
  openHoldings: number;
  /** Share of their holdings in the company's segment that ended in a sale, when known. */
  conversionRate?: number | null;
}

export interface PastHolding {
  userId: number;
  /** null: holds it now. */
  endedAt: Date | null;
}

export interface NextHolderPolicy {
  /** Somebody who held the company within this many days is not picked again. */
  cooldownDays: number;
  /** Prefer the best converter in the company's segment over the lightest load. */
  preferBestConverter: boolean;
}

export const DEFAULT_NEXT_HOLDER_POLICY: NextHolderPolicy = { cooldownDays: 180, preferBestConverter: false };

/** Whether a person held (or holds) the company within the cooldown before `now`. */
export function heldRecently(userId: number, history: readonly PastHolding[], now: Date, cooldownDays: number): boolean {
  return history.some((h) => h.userId === userId && (h.endedAt === null || now.getTime() - h.endedAt.getTime() < cooldownDays * DAY_MS));
}

/**
 * Who takes a rotated client next: not anyone who held it within the cooldown; among the rest the
 * lightest load (or, when preferred, the best converter for the segment, then the lightest load);
 * ties by user id so the choice is stable. Null when nobody is eligible: the head decides.
 */
export function pickNextHolder(candidates: readonly HolderCandidate[], history: readonly PastHolding[], now: Date, policy: NextHolderPolicy): number | null {
  const eligible = candidates.filter((c) => !heldRecently(c.userId, history, now, policy.cooldownDays));
  if (!eligible.length) return null;
  const rate = (c: HolderCandidate) => c.conversionRate ?? -1;
  eligible.sort(
    (a, b) =>
      (policy.preferBestConverter ? rate(b) - rate(a) : 0) || a.openHoldings - b.openHoldings || a.userId - b.userId,
  );
  return eligible[0]!.userId;
}

/** The day a resting client wakes up and goes to its next holder. */
export function restEnds(today: Day, restDays: number): Day {
  return new Date(Date.parse(`${today}T00:00:00Z`) + Math.max(0, restDays) * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Quality signal

export interface LostClient {
  holderId: number;
  companyId: number;
  legalId: string | null;
  lostAt: Date;
  /** How the holder lost it: rotated away by the head, or called hopeless (archived). */
  how: "rotated" | "archived";
}

export interface LaterSale {
  companyId: number;
  legalId: string | null;
  soldAt: Date;
  sellerId: number;
}

export interface QualityLine {
  holderId: number;
  lost: number;
  /** Of them, sold by somebody else within the window. */
  soldLater: number;
  cases: { companyId: number; lostAt: Date; how: LostClient["how"]; soldAt: Date; sellerId: number }[];
}

/**
 * Per salesperson: the clients they lost by rotation or called hopeless, and how many of them a
 * later holder sold to — the same legal entity (tax id) even under another card, or the same
 * card — within `windowDays` after the loss. The first such sale counts once per lost client.
 */
export function lostThenSold(lost: readonly LostClient[], sales: readonly LaterSale[], windowDays: number): QualityLine[] {
  const byHolder = new Map<number, QualityLine>();
  for (const l of lost) {
    const line = byHolder.get(l.holderId) ?? { holderId: l.holderId, lost: 0, soldLater: 0, cases: [] };
    line.lost++;
    const sale = sales
      .filter(
        (s) =>
          s.sellerId !== l.holderId &&
          (s.companyId === l.companyId || (l.legalId !== null && s.legalId === l.legalId)) &&
          s.soldAt.getTime() > l.lostAt.getTime() &&
          s.soldAt.getTime() - l.lostAt.getTime() <= windowDays * DAY_MS,
      )
      .sort((a, b) => a.soldAt.getTime() - b.soldAt.getTime())[0];
    if (sale) {
      line.soldLater++;
      line.cases.push({ companyId: l.companyId, lostAt: l.lostAt, how: l.how, soldAt: sale.soldAt, sellerId: sale.sellerId });
    }
    byHolder.set(l.holderId, line);
  }
  return [...byHolder.values()].sort((a, b) => b.soldLater - a.soldLater || b.lost - a.lost || a.holderId - b.holderId);
}

// ---------------------------------------------------------------------------------------------
// Weekly reports

/** The Monday of the ISO week a day falls in. */
export function weekStart(day: Day): Day {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

export const REPORT_STATUSES = ["progressing", "stalled", "hopeless", "sold"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
