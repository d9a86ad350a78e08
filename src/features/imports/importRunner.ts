import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { PG_UNIQUE_VIOLATION, pgErrorCode, type Db } from "../../db/connect.js";
import { imports } from "../../db/schema.js";
import type { ColumnMapping } from "../../domain/imports/fields.js";
import { appError } from "../../server/errors.js";
import { checkBatch, importBatch, type BatchContext } from "./batchImporter.js";
import { forEachBatch } from "./fileBatches.js";
import { hashFile, removeFile, type FileFormat } from "./importFiles.js";
import type { ImportOptions } from "./importOptions.js";
import { findImport, rememberPreset, toImportDto, type ImportCounts, type ImportDto, type ImportRow } from "./queries.js";
import { rowContext, settleRun, type RunRequest } from "./runSettings.js";

/**
 * Running an import, durably. A run first claims the import (status `running`, a fresh runner
 * token); then every batch commits in its own transaction together with the progress it made —
 * only while the runner still holds the claim and the import's last line is where this runner
 * left it. A crash therefore loses at most the batch in flight, which was never committed; a
 * resume (same file, checked by its hash) claims the import again and carries on after the last
 * committed line. Two runners can never both commit the same rows.
 */
export interface Claim {
  importId: number;
  token: string;
  file: string;
  fileName: string;
  format: FileFormat;
  options: ImportOptions;
  mapping: ColumnMapping;
  actorId: number | null;
  lastLine: number;
  lastBatch: number;
  fileSize: number;
  storedPath: string | null;
}

export interface RunHooks {
  /** After each committed batch (the command line prints progress). */
  onBatch?: (progress: { batch: number; lastLine: number; counts: ImportCounts; bytesRead: number }) => void;
  /** Stops between batches; the import is marked failed (resumable at once). */
  signal?: AbortSignal;
  /** Tests only: after this many committed batches, stop as a killed process would — no status change, the import stays `running`. */
  crashAfterBatches?: number;
}

/** A stale claim: no batch committed for this long means the runner died. */
export const STALE_AFTER_SECONDS = 120;

class ClaimLost extends Error {}
export class SimulatedCrash extends Error {}
class Stopped extends Error {}

function mustExist(row: ImportRow | undefined): ImportRow {
  if (!row) throw appError("import_not_found");
  return row;
}

/** A run or dry run starts from an upload or a dry run; a resume carries on a failed or crashed run. */
export function assertStartable(row: ImportRow, how: "run" | "resume"): void {
  const allowed = how === "run" ? ["uploaded", "dry_run"] : ["failed", "running"];
  if (!allowed.includes(row.status)) throw appError("import_busy", { status: row.status });
}

const claimOf = (row: ImportRow, token: string, file: string): Claim => ({
  importId: row.id,
  token,
  file,
  fileName: row.fileName,
  format: row.format as FileFormat,
  options: row.options as unknown as ImportOptions,
  mapping: row.mapping as ColumnMapping,
  actorId: row.createdBy,
  lastLine: row.lastLine,
  lastBatch: row.lastBatch,
  fileSize: row.fileSize,
  storedPath: row.storedPath,
});

/** Claims an import that has not started (after its upload or dry run) and remembers its mapping for the file's shape. */
export async function startImport(db: Db, importId: number, file: string, request: RunRequest, actorId: number | null, timeZone: string): Promise<Claim> {
  const row = mustExist(await findImport(db, importId));
  assertStartable(row, "run");
  const settled = await settleRun(db, row, file, request, timeZone);
  const token = randomUUID();
  const now = new Date();
  const [claimed] = await db
    .update(imports)
    .set({
      status: "running",
      runner: token,
      mapping: [...settled.mapping],
      options: { ...settled.options },
      headers: settled.headers,
      signature: settled.signature,
      rowsRead: 0,
      rowsCreated: 0,
      rowsMerged: 0,
      rowsSkipped: 0,
      rowsRejected: 0,
      lastBatch: 0,
      lastLine: 0,
      bytesDone: 0,
      error: null,
      startedAt: now,
      finishedAt: null,
      updatedAt: now,
    })
    .where(and(eq(imports.id, importId), inArray(imports.status, ["uploaded", "dry_run"])))
    .returning();
  if (!claimed) throw appError("import_busy", { status: "running" });
  await rememberPreset(db, settled.signature, settled.mapping, { encoding: settled.options.encoding, delimiter: settled.options.delimiter }, actorId);
  return claimOf(claimed, token, file);
}

/**
 * Claims an import that failed, or whose runner stopped committing batches `staleSeconds` ago
 * (a crashed process), to carry on from its last committed line — on the same file only.
 */
export async function startResume(db: Db, importId: number, file: string, staleSeconds = STALE_AFTER_SECONDS): Promise<Claim> {
  const row = mustExist(await findImport(db, importId));
  assertStartable(row, "resume");
  const hashed = await hashFile(file).catch(() => null);
  if (!hashed || hashed.sha256 !== row.fileSha256) throw appError("import_file_changed");
  const token = randomUUID();
  const [claimed] = await db
    .update(imports)
    .set({ status: "running", runner: token, error: null, updatedAt: new Date() })
    .where(
      and(
        eq(imports.id, importId),
        sql`(${imports.status} = 'failed' or (${imports.status} = 'running' and ${imports.updatedAt} <= now() - make_interval(secs => ${staleSeconds})))`,
      ),
    )
    .returning();
  if (!claimed) throw appError("import_busy", { status: "running" });
  return claimOf(claimed, token, file);
}

/** A batch that lost a race for a tax id to a person typing it in is simply planned again: the company is there now. */
async function withRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || pgErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
    }
  }
}

/** Runs a claimed import to its end: `done`, or `failed` with the reason (then resumable). */
export async function continueImport(db: Db, claim: Claim, timeZone: string, hooks: RunHooks = {}): Promise<ImportDto> {
  const ctx: BatchContext = {
    importId: claim.importId,
    fileName: claim.fileName,
    actorId: claim.actorId,
    mapping: claim.mapping,
    rows: await rowContext(db, claim.options, timeZone),
  };
  let lastLine = claim.lastLine;
  let batches = 0;
  try {
    await forEachBatch(claim.file, claim.format, claim.options, claim.lastLine, (batch) => checkBatch(batch, ctx), async (batch) => {
      if (hooks.signal?.aborted) throw new Stopped("stopped: the server shut down");
      const { endLine, bytesRead } = batch;
      const counts = await withRetry(() =>
        db.transaction(async (tx) => {
          const result = await importBatch(tx, batch, ctx);
          const c = result.counts;
          const progressed = await tx
            .update(imports)
            .set({
              rowsRead: sql`${imports.rowsRead} + ${c.read}`,
              rowsCreated: sql`${imports.rowsCreated} + ${c.created}`,
              rowsMerged: sql`${imports.rowsMerged} + ${c.merged}`,
              rowsSkipped: sql`${imports.rowsSkipped} + ${c.skipped}`,
              rowsRejected: sql`${imports.rowsRejected} + ${c.rejected}`,
              lastBatch: sql`${imports.lastBatch} + 1`,
              lastLine: endLine,
              bytesDone: Math.min(bytesRead, claim.fileSize),
              updatedAt: new Date(),
            })
            .where(and(eq(imports.id, claim.importId), eq(imports.runner, claim.token), eq(imports.lastLine, lastLine)))
            .returning({ rowsRead: imports.rowsRead, rowsCreated: imports.rowsCreated, rowsMerged: imports.rowsMerged, rowsSkipped: imports.rowsSkipped, rowsRejected: imports.rowsRejected });
          // Another runner took the import over (a resume while this one was thought dead): its batches stand, this one rolls back.
          if (!progressed[0]) throw new ClaimLost();
          const p = progressed[0];
          return { read: p.rowsRead, created: p.rowsCreated, merged: p.rowsMerged, skipped: p.rowsSkipped, rejected: p.rowsRejected };
        }),
      );
      lastLine = endLine;
      batches++;
      hooks.onBatch?.({ batch: claim.lastBatch + batches, lastLine, counts, bytesRead });
      if (hooks.crashAfterBatches !== undefined && batches >= hooks.crashAfterBatches) throw new SimulatedCrash();
    });
  } catch (error) {
    if (error instanceof SimulatedCrash || error instanceof ClaimLost) throw error;
    await db
      .update(imports)
      .set({ status: "failed", error: error instanceof Error ? error.message.slice(0, 1000) : String(error), runner: null, updatedAt: new Date() })
      .where(and(eq(imports.id, claim.importId), eq(imports.runner, claim.token)));
    throw error;
  }
  const [done] = await db
    .update(imports)
    .set({ status: "done", runner: null, bytesDone: claim.fileSize, storedPath: null, finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(imports.id, claim.importId), eq(imports.runner, claim.token)))
    .returning();
  if (!done) throw new ClaimLost();
  // The upload has served its purpose: the error report reads the rejected rows from the base.
  if (claim.storedPath) await removeFile(claim.storedPath);
  return toImportDto(done);
}
