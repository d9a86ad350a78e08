import { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import type { Db } from "../../db/connect.js";
import type { Language } from "../../server/errors.js";
import { csvChunks } from "./csvWriter.js";
import { logExport } from "./exportLogger.js";
import { CONTENT_TYPES, type ExportFormat } from "./formats.js";
import type { ExportSheet } from "./sheet.js";
import { xlsxChunks } from "./xlsxWriter.js";

/** One export: whose, of which list with which filters, in what format and language, and its sheets. */
export interface ExportJob {
  db: Db;
  userId: number;
  what: string;
  format: ExportFormat;
  params: Record<string, unknown>;
  language: Language;
  /** The list first; summary sheets after it go into XLSX only. */
  sheets: readonly ExportSheet[];
  /** Told when the log row could not be written (the file itself went out). */
  onLogFailed(error: unknown): void;
  /** Told at the end how many rows went out and whether the file is whole. */
  onFinished?(rowCount: number, complete: boolean): void;
}

/**
 * The file's bytes as they are written, logged when the stream ends. The row count is known only
 * then, so the log row is written last — before the final byte is released, so a client that has
 * the whole file can already see its export in the log. An export cut short (the reader went
 * away, a page failed) is logged too, with the rows handed out so far and `incomplete: true`.
 */
export async function* exportFile(job: ExportJob): AsyncGenerator<Buffer> {
  let rows = 0;
  let complete = false;
  const count = (n: number) => void (rows += n);
  try {
    if (job.format === "csv") yield* csvChunks(job.sheets[0]!, job.language, count);
    else yield* xlsxChunks(job.sheets, job.language, count);
    complete = true;
  } finally {
    const params = complete ? job.params : { ...job.params, incomplete: true };
    await logExport(job.db, { userId: job.userId, what: job.what, format: job.format, params, rowCount: rows }).catch(job.onLogFailed);
    job.onFinished?.(rows, complete);
  }
}

/** Sends an export as a download named `<fileBase>.<format>`, streamed with backpressure. */
export function sendExport(reply: FastifyReply, job: Omit<ExportJob, "onLogFailed">, fileBase: string) {
  const onLogFailed = (error: unknown) => reply.log.error({ err: error, what: job.what }, "export log row not written");
  reply
    .header("content-type", CONTENT_TYPES[job.format])
    .header("content-disposition", `attachment; filename="${fileBase}.${job.format}"`)
    // Personal data: no proxy or browser cache keeps a copy.
    .header("cache-control", "no-store");
  return reply.send(Readable.from(exportFile({ ...job, onLogFailed }), { objectMode: false }));
}
