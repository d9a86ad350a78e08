import type { TFunction } from "i18next";
import { ApiError } from "../api/client";
import { SCRIPT_PROBLEMS, type ScriptBody, type ScriptProblem } from "../api/types";
import { validateScript } from "../../../src/domain/scripts";
import type { ScriptBody as DomainScriptBody } from "../../../src/domain/scripts";

/** Problems the server would refuse the script for (the same rule, src/domain/scripts.ts), plus empty lines the schema refuses. */
export function problemsOf(body: ScriptBody): ScriptProblem[] {
  const empty: ScriptProblem[] = [];
  for (const step of body.steps) {
    if (!step.say.trim()) empty.push({ problem: "say_empty", stepId: step.id });
    for (const a of step.answers) if (!a.label.trim()) empty.push({ problem: "label_empty", stepId: step.id, answerId: a.id });
  }
  return [...empty, ...(validateScript(body as DomainScriptBody) as ScriptProblem[])];
}

/** The problems a 400 invalid_script carries in details.problems. */
export function serverProblems(error: unknown): ScriptProblem[] {
  if (!(error instanceof ApiError) || error.code !== "invalid_script" || !Array.isArray(error.details?.problems)) return [];
  return (error.details.problems as ScriptProblem[]).filter((p) => (SCRIPT_PROBLEMS as readonly string[]).includes(p.problem));
}

/** One sentence per problem, naming steps by their number as the head sees them. */
export function problemText(t: TFunction, p: ScriptProblem, body: ScriptBody): string {
  const stepIndex = p.stepId ? body.steps.findIndex((s) => s.id === p.stepId) : -1;
  const step = stepIndex >= 0 ? String(stepIndex + 1) : (p.stepId ?? "");
  const answerIndex = stepIndex >= 0 && p.answerId ? body.steps[stepIndex]!.answers.findIndex((a) => a.id === p.answerId) : -1;
  const answer = answerIndex >= 0 ? String(answerIndex + 1) : (p.answerId ?? "");
  return t(`scripts.problems.${p.problem}`, { step, answer, next: p.next ?? "" });
}
