import { desc, eq, sql } from "drizzle-orm";
import { isoOrNull, selectRows, type DbOrTx } from "../../db/connect.js";
import { importPresets, imports } from "../../db/schema.js";
import { isImportField, type ColumnMapping, type ImportField } from "../../domain/imports/fields.js";
import type { ImportOptions } from "./importOptions.js";
import type { FileFormat } from "./importFiles.js";

export type ImportStatus = "uploaded" | "dry_run" | "running" | "done" | "failed";
export type ImportRow = typeof imports.$inferSelect;

export interface ImportCounts {
  read: number;
  created: number;
  merged: number;
  skipped: number;
  rejected: number;
}

/** What a dry run found (kept on the import until it runs). */
export interface DryRunResult {
  counts: ImportCounts;
  /** Rejected rows per reason code. */
  rejectReasons: Record<string, number>;
  /** Skipped rows per reason: blank rows, rows that add nothing to their company. */
  skipReasons: Record<string, number>;
  /** The first rejected rows, in line order. */
  firstRejects: { line: number; code: string; field: string | null; value: string | null }[];
  at: string;
}

export interface ImportDto {
  id: number;
  fileName: string;
  fileSize: number;
  format: FileFormat;
  status: ImportStatus;
  headers: string[];
  mapping: (ImportField | null)[] | null;
  options: Partial<ImportOptions>;
  counts: ImportCounts;
  lastLine: number;
  /** 0..1: how much of the file the committed batches read. */
  progress: number;
  dryRun: DryRunResult | null;
  error: string | null;
  createdBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function toImportDto(row: ImportRow): ImportDto {
  return {
    id: row.id,
    fileName: row.fileName,
    fileSize: row.fileSize,
    format: row.format as FileFormat,
    status: row.status as ImportStatus,
    headers: row.headers,
    mapping: row.mapping as (ImportField | null)[] | null,
    options: row.options as Partial<ImportOptions>,
    counts: { read: row.rowsRead, created: row.rowsCreated, merged: row.rowsMerged, skipped: row.rowsSkipped, rejected: row.rowsRejected },
    lastLine: row.lastLine,
    progress: row.status === "done" ? 1 : row.fileSize > 0 ? Math.min(1, row.bytesDone / row.fileSize) : 0,
    dryRun: (row.dryRun as DryRunResult | null) ?? null,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: isoOrNull(row.createdAt)!,
    startedAt: isoOrNull(row.startedAt),
    finishedAt: isoOrNull(row.finishedAt),
  };
}

export async function findImport(db: DbOrTx, id: number): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row;
}

export async function listImports(db: DbOrTx, limit: number): Promise<ImportDto[]> {
  const rows = await db.select().from(imports).orderBy(desc(imports.createdAt), desc(imports.id)).limit(limit);
  return rows.map(toImportDto);
}

/** Rejected rows per reason, most frequent first. */
export async function rejectReasons(db: DbOrTx, importId: number): Promise<{ code: string; count: number }[]> {
  const rows = await selectRows<{ code: string; count: number | string }>(
    db,
    sql`select code, count(*) as count from import_rejects where import_id = ${importId} group by code order by count(*) desc, code`,
  );
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}

export interface RejectLine {
  line: number;
  code: string;
  field: string | null;
  value: string | null;
  raw: string[];
}

/** A page of rejected rows in line order, after `afterLine` (keyset paging over the primary key). */
export async function rejectsAfter(db: DbOrTx, importId: number, afterLine: number, limit: number): Promise<RejectLine[]> {
  return selectRows<RejectLine>(
    db,
    sql`select line, code, field, value, raw from import_rejects where import_id = ${importId} and line > ${afterLine} order by line limit ${limit}`,
  );
}

/** The mapping remembered for a file shape, when it still fits the file's columns. */
export async function presetFor(db: DbOrTx, signature: string, columnCount: number): Promise<ColumnMapping | null> {
  const [row] = await db.select({ mapping: importPresets.mapping }).from(importPresets).where(eq(importPresets.signature, signature));
  if (!row || row.mapping.length !== columnCount || !row.mapping.every((f) => f === null || isImportField(f))) return null;
  return row.mapping as ColumnMapping;
}

export async function rememberPreset(db: DbOrTx, signature: string, mapping: ColumnMapping, options: Record<string, unknown>, userId: number | null): Promise<void> {
  const value = { signature, mapping: [...mapping], options, updatedBy: userId, updatedAt: new Date() };
  await db.insert(importPresets).values(value).onConflictDoUpdate({ target: importPresets.signature, set: { mapping: value.mapping, options, updatedBy: userId, updatedAt: value.updatedAt } });
}
