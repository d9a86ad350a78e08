/** Call outcomes offered when logging a call; stored as these codes, shown translated. */
export const CALL_OUTCOMES = ["reached", "no_answer", "busy", "callback", "not_interested", "wrong_number", "meeting_set"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const isCallOutcome = (value: unknown): value is CallOutcome => typeof value === "string" && (CALL_OUTCOMES as readonly string[]).includes(value);
