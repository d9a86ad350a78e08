import type { Stage } from "./conveyor.js";

/**
 * How a call ended, as stored on the timeline. One list for the API, the web app and the
 * demo; each tier picks from the outcomes that fit its stage — a caller's cold call ends
 * differently from an account manager's check-in.
 */
export const CALL_OUTCOMES = [
  "no_answer",
  "secretary",
  "callback",
  "sent_info",
  "interested",
  "not_interested",
  "wrong_number",
  "not_target",
  "hard_question",
  "meeting_set",
  "follow_up",
  "negotiation",
  "intro",
  "reorder",
  "ok",
  "issue",
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

const OUTCOMES_BY_STAGE: Partial<Record<Stage, readonly CallOutcome[]>> = {
  cold: ["no_answer", "secretary", "callback", "sent_info", "interested", "hard_question", "not_interested", "not_target", "wrong_number"],
  lead: ["meeting_set", "follow_up", "negotiation", "callback", "no_answer", "not_interested"],
  customer: ["intro", "reorder", "ok", "issue", "no_answer"],
};

export const outcomesFor = (stage: Stage): readonly CallOutcome[] => OUTCOMES_BY_STAGE[stage] ?? CALL_OUTCOMES;

export const isCallOutcome = (value: unknown): value is CallOutcome =>
  typeof value === "string" && (CALL_OUTCOMES as readonly string[]).includes(value);
