import type { Cell, CellKind } from "./cells.js";

/** A column of an exported sheet: its header in the exporter's language, its kind, its XLSX width. */
export interface SheetColumn {
  header: string;
  kind: CellKind;
  width: number;
}

/**
 * One sheet of an export: a header row and rows arriving page by page, so a list of a million
 * companies is never held whole. `summary` marks a sheet derived from the list (totals): the
 * export's logged row count is the rows of the list, not of its summaries, and CSV (one table
 * per file) leaves summaries out.
 */
export interface ExportSheet {
  name: string;
  columns: readonly SheetColumn[];
  pages: AsyncIterable<readonly (readonly Cell[])[]>;
  summary?: boolean;
}

/** A column of a typed list: where its header comes from, its kind, and how a row fills it. */
export interface ListColumn<Row, Key extends string> {
  key: Key;
  kind: CellKind;
  width: number;
  value(row: Row): Cell;
}

/** A sheet of typed rows: the columns say how each row becomes cells, and the headers name them. */
export function listSheet<Row, Key extends string>(
  name: string,
  columns: readonly ListColumn<Row, Key>[],
  headers: Record<Key, string>,
  pages: AsyncIterable<readonly Row[]>,
  summary = false,
): ExportSheet {
  async function* cells() {
    for await (const page of pages) yield page.map((row) => columns.map((c) => c.value(row)));
  }
  return { name, columns: columns.map((c) => ({ header: headers[c.key], kind: c.kind, width: c.width })), pages: cells(), summary };
}

/** Rows already in memory (a month's commissions, a period's results), as one page. */
export async function* onePage<Row>(rows: readonly Row[]): AsyncGenerator<readonly Row[]> {
  if (rows.length) yield rows;
}

/** How many rows a page of a large list reads: big enough to be fast, small enough to keep memory flat. */
export const PAGE_SIZE = 5_000;

/**
 * A large list read page by page in id order ("keyset": each page starts after the last id
 * seen), so every page costs the same however deep the export is, and memory holds one page.
 * Each page is its own query, not one long transaction: on the embedded database a long
 * transaction would hold every other request back. A row changed during the export is written
 * as it is when its page is read; none is skipped or written twice.
 */
export async function* keysetPages<Row extends { id: number }>(readPage: (afterId: number, limit: number) => Promise<Row[]>, pageSize = PAGE_SIZE): AsyncGenerator<Row[]> {
  let afterId = 0;
  for (;;) {
    const rows = await readPage(afterId, pageSize);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    afterId = rows[rows.length - 1]!.id;
  }
}
