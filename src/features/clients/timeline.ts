import type { DbOrTx } from "../../db/connect.js";
import { activities } from "../../db/schema.js";

/**
 * Kinds of entries on a company's timeline. The timeline is append-only (a database trigger
 * refuses UPDATE and DELETE), so every entry is written once, by the use case that caused it.
 */
export type ActivityKind =
  | "company_created"
  | "company_updated"
  | "contact_added"
  | "contact_updated"
  | "note"
  | "call"
  | "meeting"
  | "email"
  | "holder_assigned"
  | "handed_over"
  | "stage_changed"
  | "deal_opened"
  | "deal_stage_changed"
  | "deal_lost"
  | "deal_postponed"
  | "deal_won"
  | "proposal_sent"
  | "order_created"
  | "handover_accepted"
  | "promise_resolved"
  | "invoice_issued"
  | "invoice_paid"
  | "invoice_cancelled"
  | "rotation_listed"
  | "rotation_unlisted"
  | "rotation_extended"
  | "rotation_transferred"
  | "rotation_rested"
  | "rotation_archived"
  | "rest_ended"
  | "weekly_report"
  | "imported"
  | "lead_reposted";

export interface NewActivity {
  companyId: number;
  actorId: number | null;
  kind: ActivityKind;
  text?: string | null;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

export async function appendActivities(db: DbOrTx, entries: NewActivity[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const rows = await db.insert(activities).values(
    entries.map((e) => ({
      companyId: e.companyId,
      actorId: e.actorId,
      kind: e.kind,
      text: e.text ?? null,
      data: e.data ?? {},
      occurredAt: e.occurredAt ?? new Date(),
    })),
  ).returning({ id: activities.id });
  return rows.map((r) => r.id);
}
