import { expect } from "vitest";
import type { ApiCall } from "./browserHarness.js";

/**
 * Arranging data through the API before a browser test looks at it: the plumbing the tests share,
 * with the status of every call checked on the way.
 */
type Response = { statusCode: number; body: string; json(): unknown };

/** Checks the response's status (the body is the message when it differs) and returns its JSON. */
export function expectJson<T = unknown>(res: Response, status: number): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/**
 * A company added cold through the API and handed on to each of `toUserIds` in turn (a sales
 * manager makes it a lead, an account manager after them a customer). Returns its id.
 */
export async function handedOver(api: ApiCall, legalName: string, fields: Record<string, unknown>, toUserIds: number[]): Promise<number> {
  const id = expectJson<{ company: { id: number } }>(await api("POST", "/api/companies", { legalName, ...fields }), 201).company.id;
  for (const toUserId of toUserIds) expectJson(await api("POST", `/api/companies/${id}/handoff`, { toUserId }), 200);
  return id;
}
