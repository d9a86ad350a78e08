import { detectDelimiter, type Delimiter, type DelimiterGuess } from "../../domain/imports/delimiter.js";
import { decoderLabel, detectEncoding, type EncodingGuess, type TextEncoding } from "../../domain/imports/encoding.js";
import { appError } from "../../server/errors.js";
import { openRecords, type FileRecord } from "./fileRecords.js";
import { readHead, sniffFormat, type FileFormat } from "./importFiles.js";

/**
 * What a file looks like before anything is imported: its format, for a CSV the encoding and
 * delimiter guessed from its first 64 KB (or the ones the person chose), its header row and the
 * first rows under it — what the mapping screen and the command line show to be confirmed.
 */
export interface FileInspection {
  format: FileFormat;
  encoding: (EncodingGuess & { chosen: TextEncoding }) | null;
  delimiter: (DelimiterGuess & { chosen: Delimiter }) | null;
  headerLine: number;
  headers: string[];
  preview: FileRecord[];
}

const SAMPLE_BYTES = 64 * 1024;

export interface ReadChoice {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
}

export async function inspectFile(file: string, choice: ReadChoice = {}, previewRows = 10): Promise<FileInspection> {
  const head = await readHead(file, SAMPLE_BYTES);
  const format = sniffFormat(head);
  if (format === "xls") throw appError("import_file_invalid", { reason: "xls" });
  let encoding: FileInspection["encoding"] = null;
  let delimiter: FileInspection["delimiter"] = null;
  if (format === "csv") {
    const guess = detectEncoding(head);
    const chosenEncoding = choice.encoding ?? guess.encoding;
    encoding = { ...guess, chosen: chosenEncoding };
    const sample = new TextDecoder(decoderLabel(chosenEncoding)).decode(head);
    const delimiterGuess = detectDelimiter(sample, head.length < SAMPLE_BYTES);
    delimiter = { ...delimiterGuess, chosen: choice.delimiter ?? delimiterGuess.delimiter };
  }
  const records: FileRecord[] = [];
  const source = openRecords(file, format, { encoding: encoding?.chosen ?? "utf8", delimiter: delimiter?.chosen ?? ";" });
  try {
    for await (const record of source.records) {
      if (records.length === 0 && record.values.every((v) => v.trim() === "")) continue;
      records.push(record);
      if (records.length > previewRows) break;
    }
  } catch (error) {
    throw appError("import_file_invalid", { reason: "unreadable", message: error instanceof Error ? error.message : String(error) });
  } finally {
    source.close();
  }
  const [header, ...preview] = records;
  if (!header) throw appError("import_file_invalid", { reason: "no_header" });
  return { format, encoding, delimiter, headerLine: header.line, headers: header.values.map((h) => h.trim()), preview };
}
