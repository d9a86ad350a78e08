import { createReadStream } from "node:fs";
import { pipeline, Transform, type Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import type { Delimiter } from "../../domain/imports/delimiter.js";
import { decoderLabel, type TextEncoding } from "../../domain/imports/encoding.js";
import type { FileFormat } from "./importFiles.js";

/**
 * The rows of an imported file, one at a time, as the file's line number and its cells as text.
 * Both readers stream: a CSV is decoded chunk by chunk (Windows-1251 or UTF-8, its byte-order
 * mark dropped) into csv-parse; an XLSX goes through exceljs's streaming reader, first sheet
 * only. The consumer's pace is the reader's pace, so memory stays flat whatever the file size.
 */
export interface FileRecord {
  /** The line (CSV) or row (XLSX) the record starts on, as a spreadsheet numbers it: the header is usually 1. */
  line: number;
  values: string[];
}

export interface CsvOptions {
  encoding: TextEncoding;
  delimiter: Delimiter;
}

export interface RecordSource {
  records: AsyncIterable<FileRecord>;
  /** File bytes read so far (read-ahead included): progress, not a position. */
  bytesRead(): number;
  close(): void;
}

export function openRecords(file: string, format: FileFormat, csv: CsvOptions): RecordSource {
  let bytes = 0;
  let opened: { input: Readable; counted: Readable } | undefined;
  const open = (): Readable => {
    bytes = 0;
    // 64 KB at a time: each chunk is parsed in one go, and a smaller one keeps the event loop free for the database's answers.
    const input = createReadStream(file, { highWaterMark: 64 * 1024 });
    const counted = input.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      }),
    );
    input.on("error", (error) => counted.destroy(error));
    opened = { input, counted };
    return counted;
  };
  const close = () => {
    opened?.input.destroy();
    opened?.counted.destroy();
  };
  const records = format === "csv" ? csvRecords(open(), csv) : xlsxRecords(open, close);
  return { records, bytesRead: () => bytes, close };
}

/** Text from bytes in the chosen encoding, a character split across chunks kept whole. */
function decoding(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(decoderLabel(encoding));
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = decoder.decode(chunk, { stream: true });
      done(null, text || undefined);
    },
    flush(done) {
      const text = decoder.decode();
      done(null, text || undefined);
    },
  });
}

const count = (values: string[], pattern: RegExp) => values.reduce((n, v) => n + (v.match(pattern)?.length ?? 0), 0);

/**
 * csv-parse reports the line a record ends on, and counts a CR LF inside quotes as two lines
 * (outside quotes as one). The line a record starts on, as a text editor or a spreadsheet shows
 * it, takes both back: its own breaks as csv-parse counted them, and the surplus of the records
 * before it (the import test with a multi-line quoted cell holds this to the physical line).
 */
function startLines() {
  let surplus = 0;
  return (endLine: number, values: string[]): number => {
    if (!values.some((v) => v.includes("\n") || v.includes("\r"))) return endLine - surplus;
    const counted = count(values, /\r|\n/g);
    const start = endLine - surplus - counted;
    surplus += counted - count(values, /\r\n|\r|\n/g);
    return start;
  };
}

async function* csvRecords(input: Readable, { encoding, delimiter }: CsvOptions): AsyncGenerator<FileRecord> {
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: false });
  pipeline(input, decoding(encoding), parser, () => undefined);
  const startOf = startLines();
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: startOf(info.lines, record), values: record };
  }
}

/** A cell as text: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
export function cellAsText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return cellAsText(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return "";
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellAsText(value.text as ExcelJS.CellValue);
  if ("error" in value) return "";
  return "";
}

/**
 * exceljs's streaming reader now and then loses a zip's last entry (exceljs issue #962; about one
 * read in 300 here). Files written by exceljs itself keep workbook.xml last, so such a read fails
 * before its first row: the file is then simply read again.
 */
const XLSX_ATTEMPTS = 3;

async function* xlsxRecords(open: () => Readable, close: () => void): AsyncGenerator<FileRecord> {
  for (let attempt = 1; ; attempt++) {
    let rows = 0;
    try {
      for await (const record of xlsxSheetRecords(open())) {
        rows++;
        yield record;
      }
      return;
    } catch (error) {
      if (rows > 0 || attempt >= XLSX_ATTEMPTS) throw error;
      close();
    }
  }
}

async function* xlsxSheetRecords(input: Readable): AsyncGenerator<FileRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit" });
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      // row.values is 1-based and sparse: column A is index 1.
      const cells = (row.values as ExcelJS.CellValue[]).slice(1);
      yield { line: row.number, values: Array.from(cells, (cell) => cellAsText(cell).trim()) };
    }
    return;
  }
}
