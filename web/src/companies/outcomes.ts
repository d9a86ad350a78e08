import type { Stage } from "../api/types";

/**
 * Call outcomes, stored as these codes (the same the demo writes) and shown translated. The
 * picker offers those that fit the company's stage: a caller's cold call ends differently
 * from an account manager's check-in.
 */
export const CALL_OUTCOMES = [
  "no_answer",
  "secretary",
  "callback",
  "sent_info",
  "interested",
  "not_interested",
  "wrong_number",
  "meeting_set",
  "follow_up",
  "negotiation",
  "intro",
  "reorder",
  "ok",
  "issue",
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

const BY_STAGE: Partial<Record<Stage, readonly CallOutcome[]>> = {
  cold: ["no_answer", "secretary", "callback", "sent_info", "interested", "not_interested", "wrong_number"],
  lead: ["meeting_set", "follow_up", "negotiation", "callback", "no_answer", "not_interested"],
  customer: ["intro", "reorder", "ok", "issue", "no_answer"],
};

export const outcomesFor = (stage: Stage): readonly CallOutcome[] => BY_STAGE[stage] ?? CALL_OUTCOMES;

export const isCallOutcome = (value: unknown): value is CallOutcome => typeof value === "string" && (CALL_OUTCOMES as readonly string[]).includes(value);
