import { CALLER_OUTCOMES, type CallerOutcome } from "./calling.js";

/**
 * A call script is a graph: each step has the caller's line and the prospect's possible
 * answers; each answer leads to another step or ends the call with an outcome. The head edits
 * it; every save is a new version, and a call records the version and the answers given.
 */
export interface ScriptAnswer {
  id: string;
  label: string;
  next?: string;
  outcome?: CallerOutcome;
}

export interface ScriptStep {
  id: string;
  say: string;
  answers: ScriptAnswer[];
}

export interface ScriptBody {
  start: string;
  steps: ScriptStep[];
}

export type ScriptProblem =
  | { problem: "no_steps" }
  | { problem: "start_missing"; stepId: string }
  | { problem: "duplicate_step"; stepId: string }
  | { problem: "duplicate_answer"; stepId: string; answerId: string }
  | { problem: "step_without_answers"; stepId: string }
  | { problem: "answer_needs_next_or_outcome"; stepId: string; answerId: string }
  | { problem: "answer_has_next_and_outcome"; stepId: string; answerId: string }
  | { problem: "unknown_next_step"; stepId: string; answerId: string; next: string }
  | { problem: "unknown_outcome"; stepId: string; answerId: string; outcome: string }
  | { problem: "unreachable_step"; stepId: string }
  | { problem: "dead_end_step"; stepId: string }
  | { problem: "no_way_to_finish" };

/** Every problem that makes a script unusable mid-call; an empty list means it is sound. */
export function validateScript(body: ScriptBody): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  if (body.steps.length === 0) return [{ problem: "no_steps" }];
  const ids = new Set<string>();
  for (const step of body.steps) {
    if (ids.has(step.id)) problems.push({ problem: "duplicate_step", stepId: step.id });
    ids.add(step.id);
  }
  if (!ids.has(body.start)) problems.push({ problem: "start_missing", stepId: body.start });
  for (const step of body.steps) {
    if (step.answers.length === 0) problems.push({ problem: "step_without_answers", stepId: step.id });
    const answerIds = new Set<string>();
    for (const a of step.answers) {
      const at = { stepId: step.id, answerId: a.id };
      if (answerIds.has(a.id)) problems.push({ problem: "duplicate_answer", ...at });
      answerIds.add(a.id);
      if (a.next === undefined && a.outcome === undefined) problems.push({ problem: "answer_needs_next_or_outcome", ...at });
      if (a.next !== undefined && a.outcome !== undefined) problems.push({ problem: "answer_has_next_and_outcome", ...at });
      if (a.next !== undefined && !ids.has(a.next)) problems.push({ problem: "unknown_next_step", ...at, next: a.next });
      if (a.outcome !== undefined && !(CALLER_OUTCOMES as readonly string[]).includes(a.outcome)) problems.push({ problem: "unknown_outcome", ...at, outcome: a.outcome });
    }
  }
  if (problems.length) return problems;
  const reachable = reachableSteps(body);
  for (const step of body.steps) if (!reachable.has(step.id)) problems.push({ problem: "unreachable_step", stepId: step.id });
  if (!body.steps.some((s) => reachable.has(s.id) && s.answers.some((a) => a.outcome !== undefined))) return [...problems, { problem: "no_way_to_finish" }];
  // Every step must lead, one way or another, to an answer that ends the call: no traps.
  const canFinish = stepsThatCanFinish(body);
  for (const step of body.steps) if (reachable.has(step.id) && !canFinish.has(step.id)) problems.push({ problem: "dead_end_step", stepId: step.id });
  return problems;
}

/** Steps from which some sequence of answers ends the call (backwards from the ending answers). */
function stepsThatCanFinish(body: ScriptBody): Set<string> {
  const finish = new Set(body.steps.filter((s) => s.answers.some((a) => a.outcome !== undefined)).map((s) => s.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const step of body.steps) {
      if (!finish.has(step.id) && step.answers.some((a) => a.next !== undefined && finish.has(a.next))) {
        finish.add(step.id);
        grew = true;
      }
    }
  }
  return finish;
}

function reachableSteps(body: ScriptBody): Set<string> {
  const byId = new Map(body.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = [body.start];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    for (const a of byId.get(id)!.answers) if (a.next) queue.push(a.next);
  }
  return seen;
}

export type ScriptWalk =
  | { ok: true; path: { stepId: string; answerId: string }[]; outcome: CallerOutcome | null }
  | { ok: false; atIndex: number };

/**
 * Follows the answers a caller clicked through the script. Valid when each answer belongs to
 * the step reached so far; the outcome is the one the last answer ends with (null when the
 * call ended mid-script).
 */
export function followScript(body: ScriptBody, answerIds: readonly string[]): ScriptWalk {
  const byId = new Map(body.steps.map((s) => [s.id, s]));
  const path: { stepId: string; answerId: string }[] = [];
  let stepId: string | undefined = body.start;
  for (let i = 0; i < answerIds.length; i++) {
    const step: ScriptStep | undefined = stepId ? byId.get(stepId) : undefined;
    const answer: ScriptAnswer | undefined = step?.answers.find((a) => a.id === answerIds[i]);
    if (!step || !answer) return { ok: false, atIndex: i };
    path.push({ stepId: step.id, answerId: answer.id });
    if (answer.outcome) return i === answerIds.length - 1 ? { ok: true, path, outcome: answer.outcome } : { ok: false, atIndex: i + 1 };
    stepId = answer.next;
  }
  return { ok: true, path, outcome: null };
}
