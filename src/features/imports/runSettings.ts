import { isSupportedCountry, type CountryCode } from "libphonenumber-js";
import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import type { Delimiter } from "../../domain/imports/delimiter.js";
import type { TextEncoding } from "../../domain/imports/encoding.js";
import { checkMapping, purchaseFieldsOf, type ColumnMapping } from "../../domain/imports/fields.js";
import { fileSignature } from "../../domain/imports/headers.js";
import type { RowContext, SourceRef } from "../../domain/imports/rowValidation.js";
import { foldName } from "../../domain/imports/values.js";
import { dayOf } from "../../domain/workingTime.js";
import { appError } from "../../server/errors.js";
import { readSettings } from "../settings/teamSettings.js";
import { assertSourceChoosable } from "../sources/sourceChoice.js";
import { inspectFile } from "./fileInspection.js";
import { currencyOfCountry, DEFAULT_BATCH_SIZE, type ImportOptions } from "./importOptions.js";
import type { ImportRow } from "./queries.js";

/**
 * What a run (or dry run) goes by, settled before it starts: the reading of the file (the
 * stored choice unless the person changed it), the columns under that reading, a mapping that
 * fits them, a source that takes new companies, and the team's default country for phones.
 */
export interface RunRequest {
  mapping?: ColumnMapping;
  sourceId?: number | null;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  batchSize?: number;
}

export interface SettledRun {
  options: ImportOptions;
  mapping: ColumnMapping;
  headers: string[];
  signature: string;
}

export async function settleRun(db: DbOrTx, row: ImportRow, file: string, request: RunRequest, timeZone: string): Promise<SettledRun> {
  const stored = row.options as Partial<ImportOptions>;
  const inspection = await inspectFile(file, { encoding: request.encoding ?? stored.encoding, delimiter: request.delimiter ?? stored.delimiter }, 0);
  const mapping = request.mapping ?? (row.mapping as ColumnMapping | null);
  if (!mapping) throw appError("import_mapping_invalid", { problems: [{ problem: "missing" }] });
  const problems: Record<string, unknown>[] = checkMapping(mapping, inspection.headers.length);
  const purchases = purchaseFieldsOf(mapping);
  // Customers with their orders (tier 3) come in phase 2 of #8; until then such a file is refused whole, never imported half.
  if (purchases.length) problems.push({ problem: "purchases_not_supported_yet", fields: purchases });
  if (problems.length) throw appError("import_mapping_invalid", { problems });
  const sourceId = request.sourceId !== undefined ? request.sourceId : (stored.sourceId ?? null);
  await assertSourceChoosable(db, sourceId);
  const country = (await readSettings(db, timeZone)).importDefaultCountry;
  return {
    options: {
      encoding: inspection.encoding?.chosen ?? "utf8",
      delimiter: inspection.delimiter?.chosen ?? ";",
      sourceId,
      batchSize: request.batchSize ?? stored.batchSize ?? DEFAULT_BATCH_SIZE,
      country,
      currency: currencyOfCountry(country),
      headerLine: inspection.headerLine,
    },
    mapping,
    headers: inspection.headers,
    signature: fileSignature(inspection.headers),
  };
}

/** The lead sources by folded name, for a file's source column (a small table, read once per run). */
async function sourcesByName(db: DbOrTx): Promise<Map<string, SourceRef>> {
  const rows = await selectRows<{ id: number; name: string; active: boolean }>(db, sql`select id, name, active from lead_sources`);
  return new Map(rows.map((r) => [foldName(r.name), { id: r.id, active: r.active }]));
}

export async function rowContext(db: DbOrTx, options: ImportOptions, timeZone: string): Promise<RowContext> {
  const settings = await readSettings(db, timeZone);
  return {
    country: (isSupportedCountry(options.country) ? options.country : "UA") as CountryCode,
    sourceId: options.sourceId,
    sourcesByName: await sourcesByName(db),
    today: dayOf(new Date(), settings.workingHours),
    currency: options.currency,
  };
}
