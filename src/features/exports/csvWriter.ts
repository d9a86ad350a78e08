import { stringify } from "csv-stringify/sync";
import type { Language } from "../../server/errors.js";
import { csvCell, sheetLocale } from "./cells.js";
import type { ExportSheet } from "./sheet.js";

/**
 * A sheet as CSV made to open right in the spreadsheet of the exporter's language: UTF-8 with a
 * byte-order mark, without which Excel reads Cyrillic as mojibake; `;` and a decimal comma for
 * ru and uk, `,` and a decimal point for en; Windows line ends. Written page by page: one chunk
 * per page, and the next page is read only when the reader has taken this one.
 */
export async function* csvChunks(sheet: ExportSheet, language: Language, onRows: (count: number) => void = () => {}): AsyncGenerator<Buffer> {
  const locale = sheetLocale(language);
  const options = { delimiter: locale.delimiter, record_delimiter: "windows" } as const;
  // The header goes out with the first page: if reading it fails, nothing has been sent yet and
  // the client gets a proper error instead of a file cut short.
  let header: string | null = `\uFEFF${stringify([sheet.columns.map((c) => c.header)], options)}`;
  for await (const page of sheet.pages) {
    const text = stringify(
      page.map((row) => row.map((value, i) => csvCell(sheet.columns[i]!.kind, value, locale))),
      options,
    );
    onRows(page.length);
    yield Buffer.from(header === null ? text : header + text, "utf8");
    header = null;
  }
  if (header !== null) yield Buffer.from(header, "utf8");
}
