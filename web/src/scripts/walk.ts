import type { ScriptAnswer, ScriptBody, ScriptStep } from "../api/types";

export interface WalkedStep {
  step: ScriptStep;
  answer: ScriptAnswer;
}

export interface ScriptPosition {
  /** The steps answered so far, in order. */
  trail: WalkedStep[];
  /** The step to read now; null when the last answer ended the call. */
  current: ScriptStep | null;
  /** The outcome the last answer ended with, if it did. */
  outcome: string | null;
}

/** Where a caller is in a script after clicking the given answers (stops at the first one that does not fit). */
export function walkScript(body: ScriptBody, answerIds: readonly string[]): ScriptPosition {
  const byId = new Map(body.steps.map((s) => [s.id, s]));
  const trail: WalkedStep[] = [];
  let current: ScriptStep | null = byId.get(body.start) ?? null;
  for (const answerId of answerIds) {
    const answer = current?.answers.find((a) => a.id === answerId);
    if (!current || !answer) break;
    trail.push({ step: current, answer });
    if (answer.outcome) return { trail, current: null, outcome: answer.outcome };
    current = answer.next ? (byId.get(answer.next) ?? null) : null;
  }
  return { trail, current, outcome: null };
}

/** The next free id like "s4" / "a2" among the given ones. */
export function nextId(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
