import type { DbOrTx } from "../../db/connect.js";
import { imports } from "../../db/schema.js";
import type { ColumnMapping } from "../../domain/imports/fields.js";
import { fileSignature, guessMapping } from "../../domain/imports/headers.js";
import { inspectFile, type FileInspection, type ReadChoice } from "./fileInspection.js";
import { DEFAULT_BATCH_SIZE } from "./importOptions.js";
import { presetFor, toImportDto, type ImportDto } from "./queries.js";

/**
 * A file arrives (an upload, or a path on the command line): it is inspected, matched to the
 * mapping remembered for its shape or given a guessed one, and registered as an import waiting
 * for its dry run or run. Nothing touches the base yet.
 */
export interface ArrivedFile {
  fileName: string;
  path: string;
  /** Set for uploads the server keeps until the import is done; null when the file is read in place. */
  storedPath: string | null;
  sha256: string;
  size: number;
}

export interface Detection {
  inspection: FileInspection;
  signature: string;
  mapping: ColumnMapping;
  mappingFrom: "preset" | "guess";
}

export async function detect(db: DbOrTx, file: string, choice: ReadChoice = {}): Promise<Detection> {
  const inspection = await inspectFile(file, choice);
  const signature = fileSignature(inspection.headers);
  const preset = await presetFor(db, signature, inspection.headers.length);
  return { inspection, signature, mapping: preset ?? guessMapping(inspection.headers), mappingFrom: preset ? "preset" : "guess" };
}

export async function registerImport(db: DbOrTx, actorId: number | null, file: ArrivedFile, choice: ReadChoice = {}): Promise<{ import: ImportDto; detection: Detection }> {
  const detection = await detect(db, file.path, choice);
  const { inspection } = detection;
  const [row] = await db
    .insert(imports)
    .values({
      fileName: file.fileName,
      fileSha256: file.sha256,
      fileSize: file.size,
      format: inspection.format,
      storedPath: file.storedPath,
      signature: detection.signature,
      headers: inspection.headers,
      // The suggestion stands until the person changes it: a run without a mapping uses it.
      mapping: [...detection.mapping],
      options: {
        ...(inspection.encoding ? { encoding: inspection.encoding.chosen } : {}),
        ...(inspection.delimiter ? { delimiter: inspection.delimiter.chosen } : {}),
        headerLine: inspection.headerLine,
        batchSize: DEFAULT_BATCH_SIZE,
      },
      createdBy: actorId,
    })
    .returning();
  return { import: toImportDto(row!), detection };
}
