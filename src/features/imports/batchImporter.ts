import { sql } from "drizzle-orm";
import type { Tx } from "../../db/connect.js";
import { planBatch, type PlanRow } from "../../domain/imports/batchPlan.js";
import type { ColumnMapping } from "../../domain/imports/fields.js";
import { validateRow, type Rejection, type RowContext } from "../../domain/imports/rowValidation.js";
import { companiesHoldingKeys } from "./companyLookup.js";
import type { FileRecord } from "./fileRecords.js";
import { writePlan, type WriteContext } from "./planWriter.js";
import type { ImportCounts } from "./queries.js";

/**
 * One batch of a file's rows into the base, inside the caller's transaction: each row checked
 * (domain/imports/rowValidation), the base's companies sharing a key with the batch read once,
 * the batch planned row by row (domain/imports/batchPlan), the plan written set-based, and the
 * rejected rows recorded with their line, reason and original cells for the error report.
 */
export interface BatchContext extends WriteContext {
  mapping: ColumnMapping;
  rows: RowContext;
}

export interface RejectedRow extends Rejection {
  line: number;
  raw: string[];
}

export interface BatchResult {
  counts: ImportCounts;
  /** Skipped rows by reason: blank rows, and rows that add nothing to their company. */
  skipped: { blank_row: number; nothing_new: number };
  rejected: RejectedRow[];
}

export async function importBatch(tx: Tx, records: readonly FileRecord[], ctx: BatchContext): Promise<BatchResult> {
  // Each statement feeds thousands of rows once; PostgreSQL's JIT spent ~100 ms compiling each, more than it saved.
  await tx.execute(sql`set local jit = off`);
  const rawByLine = new Map<number, string[]>();
  const rejected: RejectedRow[] = [];
  const valid: PlanRow[] = [];
  let blank = 0;
  for (const record of records) {
    const verdict = validateRow(record.values, ctx.mapping, ctx.rows);
    if (verdict.kind === "blank") blank++;
    else if (verdict.kind === "rejected") rejected.push({ line: record.line, raw: record.values, ...verdict.rejection });
    else {
      valid.push({ line: record.line, row: verdict.row });
      rawByLine.set(record.line, record.values);
    }
  }

  const plan = planBatch(valid, await companiesHoldingKeys(tx, valid.map((v) => v.row)));
  await writePlan(tx, plan.companies, ctx);

  const counts: ImportCounts = { read: records.length, created: 0, merged: 0, skipped: blank, rejected: 0 };
  let nothingNew = 0;
  for (const outcome of plan.outcomes) {
    if (outcome.action === "create") counts.created++;
    else if (outcome.action === "merge") counts.merged++;
    else if (outcome.action === "skip") nothingNew++;
    else if (outcome.action === "reject") rejected.push({ line: outcome.line, raw: rawByLine.get(outcome.line) ?? [], ...outcome.rejection });
  }
  counts.skipped += nothingNew;
  counts.rejected = rejected.length;
  rejected.sort((a, b) => a.line - b.line);
  await recordRejects(tx, ctx.importId, rejected);
  return { counts, skipped: { blank_row: blank, nothing_new: nothingNew }, rejected };
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
