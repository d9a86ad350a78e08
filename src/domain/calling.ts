import type { CallOutcome } from "./callOutcomes.js";

/**
 * What follows a caller's call (tier 1): the company is retried later, called back at an
 * agreed time, dropped from the call list, or handed to a sales manager (tier 2). A prospect
 * who asks a hard question goes to tier 2 at once, flagged as escalated.
 */
export const CALLER_OUTCOMES = [
  "no_answer",
  "secretary",
  "callback",
  "sent_info",
  "wrong_number",
  "not_target",
  "not_interested",
  "interested",
  "hard_question",
] as const satisfies readonly CallOutcome[];
export type CallerOutcome = (typeof CALLER_OUTCOMES)[number];

export const isCallerOutcome = (value: string): value is CallerOutcome => (CALLER_OUTCOMES as readonly string[]).includes(value);

/** Outcomes where someone answered: the basis of the "connects" figure. */
export const CONNECTED_OUTCOMES: readonly CallerOutcome[] = ["secretary", "callback", "sent_info", "not_target", "not_interested", "interested", "hard_question"];

export interface RetryPolicy {
  /** Minutes to wait after the 1st, 2nd, … unanswered call; the last value repeats. */
  noAnswerRetryMinutes: readonly number[];
  /** After this many unanswered calls in a row the company leaves the list. */
  maxUnansweredCalls: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { noAnswerRetryMinutes: [120, 240, 24 * 60, 2 * 24 * 60], maxUnansweredCalls: 5 };

export type DropReason = "wrong_number" | "not_target" | "not_interested" | "unanswered";

export type CallConsequence =
  | { kind: "retry"; at: Date; unansweredCalls: number }
  | { kind: "callback"; at: Date }
  | { kind: "drop"; reason: DropReason }
  | { kind: "hand_over"; escalated: boolean };

export type CallProblem = "callback_time_required" | "callback_time_in_past" | "reason_required" | "question_required";

export interface CallFacts {
  outcome: CallerOutcome;
  now: Date;
  /** Unanswered calls in a row before this one. */
  unansweredCalls: number;
  callbackAt?: Date;
  reason?: string;
  /** What the prospect said; for a hard question, the question the manager must answer. */
  note?: string;
}

/** Decides what a call's outcome means for the company's place on the call list. */
export function consequenceOfCall(facts: CallFacts, policy: RetryPolicy = DEFAULT_RETRY_POLICY): { ok: true; consequence: CallConsequence } | { ok: false; problem: CallProblem } {
  const { outcome, now } = facts;
  switch (outcome) {
    case "no_answer":
    case "secretary": {
      const unanswered = facts.unansweredCalls + 1;
      if (unanswered >= policy.maxUnansweredCalls) return { ok: true, consequence: { kind: "drop", reason: "unanswered" } };
      const waits = policy.noAnswerRetryMinutes;
      const minutes = waits[Math.min(unanswered - 1, waits.length - 1)] ?? 60;
      return { ok: true, consequence: { kind: "retry", at: new Date(now.getTime() + minutes * 60_000), unansweredCalls: unanswered } };
    }
    case "callback":
    case "sent_info": {
      if (!facts.callbackAt || Number.isNaN(facts.callbackAt.getTime())) return { ok: false, problem: "callback_time_required" };
      if (facts.callbackAt.getTime() <= now.getTime()) return { ok: false, problem: "callback_time_in_past" };
      return { ok: true, consequence: { kind: "callback", at: facts.callbackAt } };
    }
    case "not_interested":
      if (!facts.reason?.trim()) return { ok: false, problem: "reason_required" };
      return { ok: true, consequence: { kind: "drop", reason: "not_interested" } };
    case "wrong_number":
    case "not_target":
      return { ok: true, consequence: { kind: "drop", reason: outcome } };
    case "interested":
      return { ok: true, consequence: { kind: "hand_over", escalated: false } };
    case "hard_question":
      if (!facts.note?.trim()) return { ok: false, problem: "question_required" };
      return { ok: true, consequence: { kind: "hand_over", escalated: true } };
  }
}
