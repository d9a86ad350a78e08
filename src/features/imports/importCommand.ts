import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { selectRows, type Database } from "../../db/connect.js";
import { isDelimiter } from "../../domain/imports/delimiter.js";
import { TEXT_ENCODINGS, type TextEncoding } from "../../domain/imports/encoding.js";
import { COMPANY_FIELDS, isImportField, type ColumnMapping } from "../../domain/imports/fields.js";
import { normaliseHeader } from "../../domain/imports/headers.js";
import { foldName } from "../../domain/imports/values.js";
import { AppError, type Language } from "../../server/errors.js";
import { dryRunImport } from "./dryRun.js";
import { errorReportCsv } from "./errorReport.js";
import { registerImport } from "./importCreator.js";
import { hashFile } from "./importFiles.js";
import { MAX_BATCH_SIZE } from "./importOptions.js";
import { continueImport, startImport, startResume, type RunHooks } from "./importRunner.js";
import type { ImportCounts, ImportDto } from "./queries.js";
import type { RunRequest } from "./runSettings.js";

/**
 * `conveyor import FILE`: the same engine as the web upload, reading the file in place.
 * Exit codes: 0 — every row went in (created, merged or skipped); 3 — the import finished but
 * rejected rows (the error report is written next to the current folder); 1 — it failed
 * (resumable with --resume ID); 2 — wrong arguments.
 */
export const IMPORT_USAGE = `conveyor import FILE [options]

  --source NAME|ID     lead source every imported company carries (unless a source column names one)
  --mapping FILE.json  columns to fields: ["legalName", "legalId", null, "phone", …] by position,
                       or {"Компания": "legalName", "ИНН": "legalId", …} by header
  --encoding utf8|cp1251   --delimiter ';'|','|tab|'|'   (CSV; detected when left out)
  --batch-size N       rows per committed batch (default 2000)
  --dry-run            count what would be created, merged, skipped and rejected; write nothing
  --resume ID          carry on import ID after its last committed row (same FILE, checked by hash)

Exit code: 0 all rows in, 3 done with rejected rows (report: import-ID-errors.csv), 1 failed, 2 usage.`;

class UsageError extends Error {}

const FIELDS_HINT = `fields: ${COMPANY_FIELDS.join(" ")}`;

/** A mapping file: an array by column position, or an object by header (folded, so "Тел." matches "тел."). */
export function mappingFromJson(json: unknown, headers: readonly string[]): ColumnMapping {
  const field = (value: unknown) => {
    if (value === null || value === "") return null;
    if (!isImportField(value)) throw new UsageError(`unknown field ${JSON.stringify(value)} in the mapping (${FIELDS_HINT})`);
    return value;
  };
  if (Array.isArray(json)) return json.map(field);
  if (json && typeof json === "object") {
    const byHeader = new Map(Object.entries(json).map(([header, value]) => [normaliseHeader(header), field(value)]));
    return headers.map((h) => byHeader.get(normaliseHeader(h)) ?? null);
  }
  throw new UsageError("the mapping file must hold a JSON array or object");
}

async function sourceIdOf(database: Database, source: string): Promise<number> {
  const rows = await selectRows<{ id: number; name: string }>(database.db, sql`select id, name from lead_sources`);
  const found = /^\d+$/.test(source) ? rows.find((r) => r.id === Number(source)) : rows.find((r) => foldName(r.name) === foldName(source));
  if (!found) throw new UsageError(`no lead source "${source}"; sources: ${rows.map((r) => `${r.id} ${r.name}`).join(", ") || "none yet"}`);
  return found.id;
}

const countsLine = (c: ImportCounts) => `read ${c.read}, created ${c.created}, merged ${c.merged}, skipped ${c.skipped}, rejected ${c.rejected}`;

function languageOfTerminal(): Language {
  const lang = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "").slice(0, 2).toLowerCase();
  return lang === "ru" || lang === "uk" ? lang : "en";
}

async function writeErrorReport(database: Database, dto: ImportDto): Promise<string> {
  const target = path.resolve(`import-${dto.id}-errors.csv`);
  await pipeline(errorReportCsv(database.db, dto.id, dto.headers, languageOfTerminal()), createWriteStream(target));
  return target;
}

export async function runImportCommand(database: Database, argv: string[], timeZone: string): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: "string" },
        mapping: { type: "string" },
        encoding: { type: "string" },
        delimiter: { type: "string" },
        "batch-size": { type: "string" },
        "dry-run": { type: "boolean" },
        resume: { type: "string" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const file = positionals[0];
  let importId: number | undefined;
  try {
    if (!file || positionals.length > 1) throw new UsageError("give exactly one FILE");
    const delimiter = values.delimiter === "tab" ? "\t" : values.delimiter;
    if (delimiter !== undefined && !isDelimiter(delimiter)) throw new UsageError("the delimiter is one of ; , tab |");
    if (values.encoding !== undefined && !(TEXT_ENCODINGS as readonly string[]).includes(values.encoding)) throw new UsageError("the encoding is utf8 or cp1251");
    const encoding = values.encoding as TextEncoding | undefined;
    const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE)) throw new UsageError(`the batch size is a whole number from 1 to ${MAX_BATCH_SIZE}`);
    const hooks: RunHooks = {
      onBatch: (p) => console.log(`batch ${p.batch}: through line ${p.lastLine} — ${countsLine(p.counts)}`),
    };

    let final: ImportDto;
    if (values.resume !== undefined) {
      const id = Number(values.resume);
      if (!Number.isInteger(id) || id < 1) throw new UsageError("--resume takes an import id");
      importId = id;
      const claim = await startResume(database.db, id, path.resolve(file), 0);
      console.log(`Resuming import #${id} (${claim.fileName}) after line ${claim.lastLine}.`);
      final = await continueImport(database.db, claim, timeZone, hooks);
    } else {
      const absolute = path.resolve(file);
      const { sha256, size } = await hashFile(absolute);
      const registered = await registerImport(database.db, null, { fileName: path.basename(file), path: absolute, storedPath: null, sha256, size }, { encoding, delimiter });
      const { inspection, mapping: detected, mappingFrom } = registered.detection;
      const id = registered.import.id;
      importId = id;
      console.log(`Import #${id}: ${path.basename(file)} (${inspection.format}, ${size} bytes)`);
      if (inspection.encoding) console.log(`  encoding ${inspection.encoding.chosen} (detected ${inspection.encoding.encoding}, confidence ${inspection.encoding.confidence})`);
      if (inspection.delimiter) console.log(`  delimiter ${JSON.stringify(inspection.delimiter.chosen)} (confidence ${inspection.delimiter.confidence})`);
      const mapping = values.mapping ? mappingFromJson(JSON.parse(await readFile(values.mapping, "utf8")), inspection.headers) : detected;
      console.log(`  columns (${values.mapping ? "mapping file" : mappingFrom === "preset" ? "remembered for this file shape" : "guessed"}):`);
      inspection.headers.forEach((h, i) => console.log(`    ${JSON.stringify(h)} → ${mapping[i] ?? "(not imported)"}`));
      const request: RunRequest = { mapping, encoding, delimiter, batchSize, ...(values.source ? { sourceId: await sourceIdOf(database, values.source) } : {}) };
      if (values["dry-run"]) {
        const { dryRun } = await dryRunImport(database.db, id, absolute, request, timeZone);
        console.log(`Dry run (nothing written): ${countsLine(dryRun.counts)}`);
        for (const [code, count] of Object.entries(dryRun.rejectReasons)) console.log(`  rejected ${code}: ${count}`);
        for (const r of dryRun.firstRejects.slice(0, 20)) console.log(`  line ${r.line}: ${r.code}${r.value ? ` (${r.value})` : ""}`);
        console.log(`Run it with the same options without --dry-run.`);
        return dryRun.counts.rejected > 0 ? 3 : 0;
      }
      const claim = await startImport(database.db, id, absolute, request, null, timeZone);
      final = await continueImport(database.db, claim, timeZone, hooks);
    }
    console.log(`Import #${final.id} done: ${countsLine(final.counts)}`);
    if (final.counts.rejected === 0) return 0;
    console.log(`Rejected rows with their lines and reasons: ${await writeErrorReport(database, final)}`);
    return 3;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${IMPORT_USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(`${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ""}`);
      return 1;
    }
    console.error(`The import failed: ${error instanceof Error ? error.message : String(error)}`);
    if (importId) console.error(`Committed batches stay; carry on with: conveyor import ${file} --resume ${importId}`);
    return 1;
  }
}
