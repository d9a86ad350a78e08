import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { DbOrTx } from "../../db/connect.js";
import type { Language } from "../../server/errors.js";
import { rejectsAfter } from "./queries.js";
import { REPORT_LABELS, rejectReason } from "./rejectReasons.js";

/**
 * The error report: every rejected row with its line, the reason in the reader's language, the
 * value at fault and the machine code, followed by the row's cells under the file's own
 * headers — so the person can fix the rows in the report and import it again as it is. Read
 * from the base a page at a time and streamed. UTF-8 with a byte-order mark and `;` for ru and
 * uk (what Excel with those regional settings opens right), `,` for en.
 */
const PAGE = 2000;

export function errorReportCsv(db: DbOrTx, importId: number, headers: readonly string[], language: Language): Readable {
  const labels = REPORT_LABELS[language];
  const delimiter = language === "en" ? "," : ";";
  const csv = (records: string[][]) => stringify(records, { delimiter, record_delimiter: "windows" });
  async function* lines() {
    yield `\uFEFF${csv([[labels.line, labels.reason, labels.value, labels.code, ...headers]])}`;
    let after = 0;
    for (;;) {
      const page = await rejectsAfter(db, importId, after, PAGE);
      if (page.length === 0) return;
      yield csv(page.map((r) => [String(r.line), rejectReason(r.code, language), r.value ?? "", r.code, ...r.raw]));
      after = page[page.length - 1]!.line;
    }
  }
  return Readable.from(lines());
}
