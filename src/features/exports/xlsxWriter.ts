import { PassThrough } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import ExcelJS from "exceljs";
import type { Language } from "../../server/errors.js";
import { sheetLocale, xlsxCell, xlsxFormat } from "./cells.js";
import type { ExportSheet } from "./sheet.js";

const bold = { font: { bold: true } };

/**
 * Sheets as an XLSX workbook, streamed: exceljs's streaming writer commits each row into the
 * zip as it is written (inline strings, no shared-string table held for the whole file), and
 * after each page this generator hands on whatever zip bytes are ready before reading the next
 * page. A slow reader therefore holds the export back instead of letting it pile up in memory.
 * Each sheet has a bold, frozen header row, typed numbers and dates.
 */
export async function* xlsxChunks(sheets: readonly ExportSheet[], language: Language, onRows: (count: number) => void = () => {}): AsyncGenerator<Buffer> {
  const locale = sheetLocale(language);
  const zipped = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true, useSharedStrings: false });
  workbook.creator = "Conveyor";
  try {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
      worksheet.columns = sheet.columns.map((c) => {
        const numFmt = xlsxFormat(c.kind, locale);
        return { width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
      });
      worksheet.addRow(sheet.columns.map((c) => c.header)).eachCell((cell) => (cell.style = bold));
      worksheet.getRow(1).commit();
      for await (const page of sheet.pages) {
        for (const row of page) worksheet.addRow(row.map((value, i) => xlsxCell(sheet.columns[i]!.kind, value))).commit();
        if (!sheet.summary) onRows(page.length);
        // Let the zip compress what it was given (its work completes on the event loop) before taking more.
        await nextTurn();
        yield* readyBytes(zipped);
      }
      worksheet.commit();
    }
    // Finishing writes the workbook's parts and closes the zip; its bytes are read as they come.
    const committed = workbook.commit().catch((error: unknown) => zipped.destroy(error instanceof Error ? error : new Error(String(error))));
    for await (const chunk of zipped) yield chunk as Buffer;
    await committed;
  } finally {
    // An export abandoned half-way (the reader went away) leaves nothing running behind it.
    if (!zipped.readableEnded) zipped.destroy();
  }
}

/** The zip bytes written so far, without waiting for more. */
function* readyBytes(stream: PassThrough): Generator<Buffer> {
  let chunk: Buffer | null;
  while ((chunk = stream.read() as Buffer | null) !== null) yield chunk;
}
