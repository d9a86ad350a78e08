import { setImmediate as nextTurn } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/connect.js";
import { planBatch, type PlanRow } from "../../domain/imports/batchPlan.js";
import type { ColumnMapping } from "../../domain/imports/fields.js";
import { validateRow, type Rejection, type RowContext } from "../../domain/imports/rowValidation.js";
import { companiesHoldingKeys } from "./companyLookup.js";
import type { FileBatch } from "./fileBatches.js";
import { writePlan, type WriteContext } from "./planWriter.js";
import type { ImportCounts } from "./queries.js";

/**
 * One batch of a file's rows into the base, in two steps. First each row is checked on its own
 * (domain/imports/rowValidation) — no base needed, so the next batch is checked while this one
 * is written. Then, inside the caller's transaction, the base's companies sharing a key with the
 * batch are read once, the batch planned row by row (domain/imports/batchPlan), the plan written
 * set-based, and the rejected rows recorded with their line, reason and original cells for the
 * error report.
 */
export interface RowChecks {
  mapping: ColumnMapping;
  rows: RowContext;
}

export interface BatchContext extends WriteContext, RowChecks {}

export interface RejectedRow extends Rejection {
  line: number;
  raw: string[];
}

/** A batch's rows after their own checks, before matching against the base. */
export interface CheckedBatch {
  /** Data rows read, blank ones included. */
  read: number;
  /** The file line of the batch's last row (a run's progress). */
  endLine: number;
  /** File bytes read when the batch was cut. */
  bytesRead: number;
  blank: number;
  valid: PlanRow[];
  rejected: RejectedRow[];
  /** The cells of the valid rows, for the report when the matching rejects one. */
  rawByLine: Map<number, string[]>;
}

export interface BatchResult {
  counts: ImportCounts;
  /** Skipped rows by reason: blank rows, and rows that add nothing to their company. */
  skipped: { blank_row: number; nothing_new: number };
  rejected: RejectedRow[];
}

/**
 * Rows checked between two turns of the event loop. The next batch is checked while the current
 * one is written, in slices, so the database's answers are taken as they come: a row takes ~25 µs
 * to check, and a whole batch at once would hold the next statement back by ~50 ms.
 */
const ROWS_PER_TURN = 250;

export async function checkBatch({ records, bytesRead }: FileBatch, checks: RowChecks): Promise<CheckedBatch> {
  const checked: CheckedBatch = { read: records.length, endLine: records[records.length - 1]?.line ?? 0, bytesRead, blank: 0, valid: [], rejected: [], rawByLine: new Map() };
  for (const [i, record] of records.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
    const verdict = validateRow(record.values, checks.mapping, checks.rows);
    if (verdict.kind === "blank") checked.blank++;
    else if (verdict.kind === "rejected") checked.rejected.push({ line: record.line, raw: record.values, ...verdict.rejection });
    else {
      checked.valid.push({ line: record.line, row: verdict.row });
      checked.rawByLine.set(record.line, record.values);
    }
  }
  return checked;
}

export async function importBatch(tx: Tx, batch: CheckedBatch, ctx: WriteContext): Promise<BatchResult> {
  // Each statement feeds thousands of rows once; PostgreSQL's JIT spent ~100 ms compiling each, more than it saved.
  await tx.execute(sql`set local jit = off`);
  const plan = planBatch(batch.valid, await companiesHoldingKeys(tx, batch.valid.map((v) => v.row)));
  await writePlan(tx, plan.companies, ctx);

  const rejected = [...batch.rejected];
  const counts: ImportCounts = { read: batch.read, created: 0, merged: 0, skipped: batch.blank, rejected: 0 };
  let nothingNew = 0;
  for (const outcome of plan.outcomes) {
    if (outcome.action === "create") counts.created++;
    else if (outcome.action === "merge") counts.merged++;
    else if (outcome.action === "skip") nothingNew++;
    else if (outcome.action === "reject") rejected.push({ line: outcome.line, raw: batch.rawByLine.get(outcome.line) ?? [], ...outcome.rejection });
  }
  counts.skipped += nothingNew;
  counts.rejected = rejected.length;
  rejected.sort((a, b) => a.line - b.line);
  await recordRejects(tx, ctx.importId, rejected);
  return { counts, skipped: { blank_row: batch.blank, nothing_new: nothingNew }, rejected };
}

async function recordRejects(tx: Tx, importId: number, rejected: readonly RejectedRow[]): Promise<void> {
  if (rejected.length === 0) return;
  const rows = rejected.map((r) => ({
    line: r.line,
    code: r.code,
    field: r.field,
    value: r.companyIds?.length ? r.companyIds.join(", ") : r.value,
    raw: r.raw,
  }));
  await tx.execute(sql`
    insert into import_rejects (import_id, line, code, field, value, raw)
    select ${importId}::int, v.line, v.code, v.field, v.value, v.raw
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(line int, code text, field text, value text, raw jsonb)`);
}
