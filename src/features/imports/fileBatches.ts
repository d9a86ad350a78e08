import type { ImportOptions } from "./importOptions.js";
import { openRecords, type FileRecord } from "./fileRecords.js";
import type { FileFormat } from "./importFiles.js";

/**
 * A file's data rows in batches, below its header and after `afterLine` (a resume). The next
 * batch is read only once the previous one is handled, so at most one batch is in memory.
 */
export async function forEachBatch(
  file: string,
  format: FileFormat,
  options: Pick<ImportOptions, "encoding" | "delimiter" | "headerLine" | "batchSize">,
  afterLine: number,
  handle: (batch: FileRecord[], bytesRead: number) => Promise<void>,
): Promise<void> {
  const source = openRecords(file, format, options);
  const skipThrough = Math.max(afterLine, options.headerLine ?? 1);
  try {
    let batch: FileRecord[] = [];
    for await (const record of source.records) {
      if (record.line <= skipThrough) continue;
      batch.push(record);
      if (batch.length >= options.batchSize) {
        await handle(batch, source.bytesRead());
        batch = [];
      }
    }
    if (batch.length) await handle(batch, source.bytesRead());
  } finally {
    source.close();
  }
}
