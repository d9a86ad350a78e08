import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import { imports } from "../../db/schema.js";
import { appError } from "../../server/errors.js";
import { checkBatch, importBatch, type BatchContext, type BatchResult } from "./batchImporter.js";
import { forEachBatch } from "./fileBatches.js";
import type { FileFormat } from "./importFiles.js";
import { findImport, toImportDto, type DryRunResult, type ImportCounts, type ImportDto } from "./queries.js";
import { assertStartable } from "./importRunner.js";
import { rowContext, settleRun, type RunRequest } from "./runSettings.js";

/**
 * A dry run is the run itself inside one transaction that is rolled back at the end: the same
 * checks, the same matching (later rows see the companies earlier rows would create), the same
 * writes — so its counts are exactly what the run will do to the base as it is now. It keeps
 * the counts, the reasons, and the first rejected rows with their lines.
 */

const FIRST_REJECTS = 100;

class DryRunDone extends Error {}

function tally() {
  const counts: ImportCounts = { read: 0, created: 0, merged: 0, skipped: 0, rejected: 0 };
  const rejectReasons: Record<string, number> = {};
  const skipReasons: Record<string, number> = { blank_row: 0, nothing_new: 0 };
  const firstRejects: DryRunResult["firstRejects"] = [];
  return {
    add(result: BatchResult) {
      for (const key of Object.keys(counts) as (keyof ImportCounts)[]) counts[key] += result.counts[key];
      skipReasons.blank_row! += result.skipped.blank_row;
      skipReasons.nothing_new! += result.skipped.nothing_new;
      for (const r of result.rejected) {
        rejectReasons[r.code] = (rejectReasons[r.code] ?? 0) + 1;
        if (firstRejects.length < FIRST_REJECTS) firstRejects.push({ line: r.line, code: r.code, field: r.field, value: r.companyIds?.length ? r.companyIds.join(", ") : r.value });
      }
    },
    result: (): DryRunResult => ({ counts, rejectReasons, skipReasons, firstRejects, at: new Date().toISOString() }),
  };
}

export async function dryRunImport(
  db: Db,
  importId: number,
  file: string,
  request: RunRequest,
  timeZone: string,
): Promise<{ import: ImportDto; dryRun: DryRunResult }> {
  const row = await findImport(db, importId);
  if (!row) throw appError("import_not_found");
  assertStartable(row, "run");
  const settled = await settleRun(db, row, file, request, timeZone);
  const ctx: BatchContext = {
    importId,
    fileName: row.fileName,
    actorId: row.createdBy,
    mapping: settled.mapping,
    rows: await rowContext(db, settled.options, timeZone),
  };
  const totals = tally();
  try {
    await db.transaction(async (tx) => {
      await forEachBatch(
        file,
        row.format as FileFormat,
        settled.options,
        0,
        (batch) => checkBatch(batch, ctx),
        async (batch) => totals.add(await importBatch(tx, batch, ctx)),
      );
      throw new DryRunDone();
    });
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  const dryRun = totals.result();
  const [updated] = await db
    .update(imports)
    .set({
      status: "dry_run",
      mapping: [...settled.mapping],
      options: { ...settled.options },
      headers: settled.headers,
      signature: settled.signature,
      dryRun: { ...dryRun },
      updatedAt: new Date(),
    })
    .where(and(eq(imports.id, importId), inArray(imports.status, ["uploaded", "dry_run"])))
    .returning();
  if (!updated) throw appError("import_busy", { status: "running" });
  return { import: toImportDto(updated), dryRun };
}
