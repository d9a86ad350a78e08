import type { Database } from "../db/connect.js";
export async function fillDemo(_database: Database): Promise<string> {
  return "demo: not yet";
}
