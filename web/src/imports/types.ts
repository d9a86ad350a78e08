/* Imports of a client base (src/features/imports/schemas.ts). */

export const COMPANY_FIELDS = ["legalName", "legalId", "phone", "email", "contactName", "position", "industry", "region", "size", "groupName", "source"] as const;
export const PURCHASE_FIELDS = ["orderDate", "productName", "quantity", "amount", "currency"] as const;
export const IMPORT_FIELDS = [...COMPANY_FIELDS, ...PURCHASE_FIELDS] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A field per column of the file, in column order; null: the column is not imported. */
export type ColumnMapping = (ImportField | null)[];

export const TEXT_ENCODINGS = ["utf8", "cp1251"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const DELIMITERS = [";", ",", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type ImportStatus = "uploaded" | "dry_run" | "running" | "done" | "failed";

export interface ImportCounts {
  read: number;
  created: number;
  merged: number;
  skipped: number;
  rejected: number;
}

export interface RejectSample {
  line: number;
  code: string;
  field: string | null;
  value: string | null;
}

export interface DryRun {
  counts: ImportCounts;
  /** Rejected rows per reason code. */
  rejectReasons: Record<string, number>;
  /** Skipped rows per reason: blank_row, nothing_new. */
  skipReasons: Record<string, number>;
  /** The first rejected rows (up to 100), in line order. */
  firstRejects: RejectSample[];
  at: string;
}

export interface ImportJob {
  id: number;
  fileName: string;
  fileSize: number;
  format: "csv" | "xlsx";
  status: ImportStatus;
  headers: string[];
  mapping: ColumnMapping | null;
  options: { encoding?: TextEncoding; delimiter?: Delimiter; sourceId?: number | null; batchSize?: number; country?: string; headerLine?: number };
  counts: ImportCounts;
  lastLine: number;
  /** 0..1: how much of the file the committed batches read. */
  progress: number;
  dryRun: DryRun | null;
  error: string | null;
  createdBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** How the server read the file: what it guessed, what it used, and the mapping it suggests. */
export interface Detection {
  format: "csv" | "xlsx";
  /** CSV only. */
  encoding: { guessed: TextEncoding; chosen: TextEncoding; reason: string; confidence: number } | null;
  /** CSV only. */
  delimiter: { guessed: Delimiter; chosen: Delimiter; confidence: number } | null;
  headerLine: number;
  headers: string[];
  preview: { line: number; values: string[] }[];
  mapping: ColumnMapping;
  /** preset: the mapping last used for files of this shape; guess: from the headers. */
  mappingFrom: "preset" | "guess";
  fields: ImportField[];
}

export interface Uploaded {
  import: ImportJob;
  detection: Detection;
}

export interface ImportState {
  import: ImportJob;
  rejectReasons: { code: string; count: number }[];
}

/** What a dry run or a run goes by. */
export interface RunChoice {
  mapping: ColumnMapping;
  sourceId: number | null;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
}
