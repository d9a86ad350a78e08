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

export const DEFAULT_BATCH_SIZE = 5000;
export const MAX_BATCH_SIZE = 20_000;

const CURRENCY_OF_COUNTRY: Record<string, string> = { UA: "UAH", RU: "RUB", KZ: "KZT", BY: "BYN", PL: "PLN", MD: "MDL" };
export const currencyOfCountry = (country: string) => CURRENCY_OF_COUNTRY[country] ?? "EUR";
