import type { Day } from "./workingTime.js";

/**
 * Tier 2's deals. The open stages are the team's own (a setting); a deal ends won or lost, and
 * a lost deal names its reason. "Postponed until a date" is not a stage: it needs an objective
 * reason — a budget cycle, a procurement period, state funding… — and a concrete date, and the
 * deal comes back to the manager's queue on that date.
 */
export const DEFAULT_DEAL_STAGES = ["first_contact", "need_identified", "proposal_sent", "negotiation"] as const;

export const POSTPONE_REASONS = [
  "budget_cycle",
  "procurement_period",
  "state_funding",
  "seasonality",
  "reorganisation",
  "decision_maker_away",
] as const;
export type PostponeReason = (typeof POSTPONE_REASONS)[number];

export const PROMISE_KINDS = ["delivery_date", "discount", "payment_terms", "service", "other"] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

/**
 * A deal at this stage has a confirmed need: it stands past the team's first stage (won is past
 * every stage). Opening a deal is not enough — a manager opens one to drop a junk lead too.
 */
export const isQualifyingStage = (openStages: readonly string[], stage: string) => stage !== openStages[0];

export type DealProblem = "unknown_stage" | "deal_closed" | "reason_required" | "postpone_date_in_past" | "postpone_too_far" | "unknown_postpone_reason";

export function checkStageMove(openStages: readonly string[], closed: boolean, to: string): DealProblem | null {
  if (closed) return "deal_closed";
  if (!openStages.includes(to)) return "unknown_stage";
  return null;
}

export function checkLoss(closed: boolean, reason: string | undefined): DealProblem | null {
  if (closed) return "deal_closed";
  if (!reason?.trim()) return "reason_required";
  return null;
}

export interface PostponeRequest {
  category: string;
  note: string;
  until: Day;
}

/** A postponement is valid with a known objective reason, a text, and a date after today within the limit. */
export function checkPostpone(closed: boolean, request: PostponeRequest, today: Day, maxDays: number): DealProblem | null {
  if (closed) return "deal_closed";
  if (!(POSTPONE_REASONS as readonly string[]).includes(request.category)) return "unknown_postpone_reason";
  if (!request.note.trim()) return "reason_required";
  if (request.until <= today) return "postpone_date_in_past";
  if (daysBetween(today, request.until) > maxDays) return "postpone_too_far";
  return null;
}

const dayNumbers = new Map<Day, number>();

/**
 * A calendar day as a number of days since 1970-01-01. Remembered: a history has a few thousand
 * distinct days and the nightly sweeps ask for them millions of times (parsing was most of their
 * cost). The memory is bounded; past the bound it starts afresh.
 */
export function dayNumber(day: Day): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    if (Number.isNaN(n)) throw new RangeError(`not a day: ${day}`);
    if (dayNumbers.size >= 100_000) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}

const dayTexts = new Map<number, Day>();

/** The calendar day a day number stands for (the inverse of `dayNumber`), remembered the same way. */
export function dayFromNumber(n: number): Day {
  let text = dayTexts.get(n);
  if (text === undefined) {
    text = new Date(n * 86_400_000).toISOString().slice(0, 10);
    if (dayTexts.size >= 100_000) dayTexts.clear();
    dayTexts.set(n, text);
  }
  return text;
}

/** Whole days from one calendar day to another. */
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}

/** The median of a sample, or null for an empty one. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
