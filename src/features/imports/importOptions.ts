import type { Delimiter } from "../../domain/imports/delimiter.js";
import type { TextEncoding } from "../../domain/imports/encoding.js";

/** How a file is read and what its rows carry; kept on the import so a resume reads it the same way. */
export interface ImportOptions {
  /** CSV only. */
  encoding: TextEncoding;
  /** CSV only. */
  delimiter: Delimiter;
  /** The lead source every row carries unless its source column names another. */
  sourceId: number | null;
  /** Rows per committed batch. */
  batchSize: number;
  /** Phones without a country code are this country's (the team's setting when the run starts). */
  country: string;
  /** The currency of purchase rows that name none. */
  currency: string;
  /** The file's header row (rows above it are blank); data starts below it. */
  headerLine: number;
}

/**
 * 2,000 rows: as fast as 5,000 or 10,000 (the writes cost per row, not per batch), and what the
 * batches in flight keep alive — the one written and the one read ahead — stays a few MB, so the
 * import process peaks under 300 MB with a million rows on PostgreSQL (bench/RESULTS.md, imports).
 */
export const DEFAULT_BATCH_SIZE = 2000;
export const MAX_BATCH_SIZE = 20_000;

const CURRENCY_OF_COUNTRY: Record<string, string> = { UA: "UAH", RU: "RUB", KZ: "KZT", BY: "BYN", PL: "PLN", MD: "MDL" };
export const currencyOfCountry = (country: string) => CURRENCY_OF_COUNTRY[country] ?? "EUR";
