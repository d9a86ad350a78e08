import type { ImportOptions } from "./importOptions.js";
import { openRecords, type FileRecord } from "./fileRecords.js";
import type { FileFormat } from "./importFiles.js";

/**
 * A file's data rows in batches, below its header and after `afterLine` (a resume), each turned
 * into what the writer needs by `prepare` (reading and checking the rows: pure work, no base).
 * The next batch is read and prepared while `handle` writes the current one — the parsing and
 * checking run on this process's CPU while the database works on the writes — and no further:
 * at most two batches are in memory, whatever the file's size. Batches are handled one at a
 * time, in file order.
 */
export interface FileBatch {
  records: FileRecord[];
  /** File bytes read when the batch was cut (progress). */
  bytesRead: number;
}

type BatchFileOptions = Pick<ImportOptions, "encoding" | "delimiter" | "headerLine" | "batchSize">;

async function* fileBatches(file: string, format: FileFormat, options: BatchFileOptions, afterLine: number): AsyncGenerator<FileBatch> {
  const source = openRecords(file, format, options);
  const skipThrough = Math.max(afterLine, options.headerLine ?? 1);
  try {
    let records: FileRecord[] = [];
    for await (const record of source.records) {
      if (record.line <= skipThrough) continue;
      records.push(record);
      if (records.length >= options.batchSize) {
        yield { records, bytesRead: source.bytesRead() };
        records = [];
      }
    }
    if (records.length) yield { records, bytesRead: source.bytesRead() };
  } finally {
    source.close();
  }
}

async function* prepared<T>(batches: AsyncGenerator<FileBatch>, prepare: (batch: FileBatch) => T | Promise<T>): AsyncGenerator<T> {
  for await (const batch of batches) yield await prepare(batch);
}

export async function forEachBatch<T>(
  file: string,
  format: FileFormat,
  options: BatchFileOptions,
  afterLine: number,
  prepare: (batch: FileBatch) => T | Promise<T>,
  handle: (batch: T) => Promise<void>,
): Promise<void> {
  const batches = prepared(fileBatches(file, format, options, afterLine), prepare);
  let next = batches.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = batches.next();
      await handle(current.value);
    }
  } finally {
    // Stopped early (a failure, a stop): let the batch being read ahead settle, then close the file.
    await next.catch(() => undefined);
    await batches.return(undefined);
  }
}
