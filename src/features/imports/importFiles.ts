import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { appError } from "../../server/errors.js";

/**
 * The files an import reads: an upload streamed to disk (hashed on the way, never held in
 * memory), or a file the command line names in place. The hash ties a resumed import to the
 * very file it started on.
 */
export type FileFormat = "csv" | "xlsx";

/** Uploads wait here until imported: IMPORT_DIR, else the system's temp folder (one folder per server, or a shared volume for several). */
export const importDir = (env: NodeJS.ProcessEnv = process.env) => env.IMPORT_DIR ?? path.join(os.tmpdir(), "conveyor-imports");

/** The largest upload taken: a million-row CSV is about 150 MB. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;

export interface StoredFile {
  path: string;
  sha256: string;
  size: number;
}

/** Counts and hashes the bytes passing through, and stops the stream past `maxBytes`. */
function meter(maxBytes: number, onTooLarge: () => Error) {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(onTooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest("hex"), size }) };
}

/** Streams an upload to a new file under `dir`; a partial file is removed when the upload fails. */
export async function storeUpload(body: Readable, dir: string, maxBytes = MAX_UPLOAD_BYTES): Promise<StoredFile> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, `${randomUUID()}.upload`);
  const metered = meter(maxBytes, () => appError("import_file_invalid", { reason: "too_large", maxBytes }));
  try {
    await pipeline(body, metered.stream, createWriteStream(target, { flags: "wx" }));
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
  const { sha256, size } = metered.result();
  if (size === 0) {
    await rm(target, { force: true });
    throw appError("import_file_invalid", { reason: "empty" });
  }
  return { path: target, sha256, size };
}

/** A file's sha256 and size, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest("hex"), size };
}

/** The first bytes of a file (fewer when it is shorter). */
export async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * CSV or XLSX, by content: an XLSX is a zip ("PK"). The old binary .xls (an OLE file) is not
 * read — Excel saves it as XLSX or CSV in two clicks.
 */
export function sniffFormat(head: Buffer): FileFormat | "xls" {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "xls";
  return "csv";
}

export const removeFile = (file: string) => rm(file, { force: true });
