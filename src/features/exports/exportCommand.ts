import { createWriteStream } from "node:fs";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import type { TObject } from "typebox";
import { Value } from "typebox/value";
import type { CountryCode } from "libphonenumber-js";
import { selectRows, type Database } from "../../db/connect.js";
import { dayOf, startOfDay } from "../../domain/workingTime.js";
import { LANGUAGES, type Language } from "../../server/errors.js";
import { readSettings, type TeamSettings } from "../settings/teamSettings.js";
import { accountSheet } from "./accountExport.js";
import { companySheet } from "./companyExport.js";
import { exportFile } from "./exportFile.js";
import { EXPORT_FORMATS, type ExportFormat } from "./formats.js";
import { invoiceSheet } from "./invoiceExport.js";
import { AccountExportQuery, CompanyExportQuery, InvoiceExportQuery } from "./schemas.js";
import type { ExportSheet } from "./sheet.js";

/**
 * `conveyor export LIST`: the same exports as the web app's, for a whole base at once from the
 * server's shell. It runs as the system, so it sees every company; the export is still logged,
 * recorded against the first active admin (the log needs a person, and the admin answers for the
 * server; without one, the first head) with `via: "cli"` among its parameters, so the head sees
 * it in the exports log like any other.
 */
export const EXPORT_USAGE = `conveyor export companies|accounts|invoices --format csv|xlsx [options]

  --out FILE           where to write (default: LIST-YYYY-MM-DD.FORMAT in the current folder; - for stdout)
  --language ru|uk|en  headers and words of the file (default: the language of the admin it is logged against)
  --NAME VALUE         the list's own filters, as in the API: companies --stage cold --region Київ --sourceId 3 --q ТОВ;
                       accounts --segment loyal --segment champions --reorder due --holderId 7;
                       invoices --status overdue --companyId 42

Exit code: 0 written, 1 failed, 2 usage.`;

class UsageError extends Error {}

const LISTS = { companies: CompanyExportQuery, accounts: AccountExportQuery, invoices: InvoiceExportQuery } as const satisfies Record<string, TObject>;
type List = keyof typeof LISTS;
const isList = (value: string | undefined): value is List => value !== undefined && Object.hasOwn(LISTS, value);

interface ExportArgs {
  list: List;
  format: ExportFormat;
  out?: string;
  language?: Language;
  filters: Record<string, unknown>;
}

/** `--name value` pairs; a name given twice collects its values (segments). */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const [list, ...rest] = argv;
  if (!isList(list)) throw new UsageError(`export what? companies, accounts or invoices (got ${JSON.stringify(list ?? "")})`);
  const given: Record<string, string | string[]> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i]!;
    const value = rest[i + 1];
    if (!flag.startsWith("--") || value === undefined) throw new UsageError(`expected --name value, got ${JSON.stringify(flag)}`);
    const name = flag.slice(2);
    const before = given[name];
    given[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  const { format, out, language, ...raw } = given;
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new UsageError("--format csv or --format xlsx");
  if (language !== undefined && !LANGUAGES.includes(language as Language)) throw new UsageError("--language ru, uk or en");
  if (Array.isArray(out)) throw new UsageError("one --out");
  const schema = LISTS[list];
  const filters = Value.Convert(schema, raw) as Record<string, unknown>;
  const problem = Value.Errors(schema, filters)[0];
  if (problem) throw new UsageError(`filter ${problem.instancePath.slice(1) || JSON.stringify(Object.keys(raw))}: ${problem.message}`);
  return { list, format: format as ExportFormat, out, language: language as Language | undefined, filters };
}

/** The sheet of a list for the system: every row, the list's filters, the team's clock. */
async function sheetOf(database: Database, args: ExportArgs, language: Language, country: CountryCode, settings: TeamSettings): Promise<ExportSheet> {
  const db = database.db;
  const timeZone = settings.workingHours.timeZone;
  const today = dayOf(new Date(), settings.workingHours);
  const all = { kind: "all" } as const;
  if (args.list === "companies") return companySheet(db, { scope: all, filters: args.filters, country, timeZone }, language);
  if (args.list === "accounts") {
    const ctx = { scope: all, today, todayStart: startOfDay(today, settings.workingHours), reminderDays: settings.reorderReminderDays };
    return accountSheet(db, ctx, args.filters, timeZone, language);
  }
  return invoiceSheet(db, { scope: all, today, ...args.filters }, language);
}

export async function runExportCommand(database: Database, argv: readonly string[], options: { timeZone: string; country: CountryCode }): Promise<number> {
  let args: ExportArgs;
  try {
    args = parseExportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const [admin] = await selectRows<{ id: number; language: Language }>(
    database.db,
    sql`select id, language from users where role in ('admin', 'head') and active order by (role = 'admin') desc, id limit 1`,
  );
  if (!admin) {
    console.error("No active admin or head to record the export against: start the server once (`conveyor serve` creates the first admin).");
    return 1;
  }
  const language = args.language ?? admin.language;
  const settings = await readSettings(database.db, options.timeZone);
  const sheet = await sheetOf(database, args, language, options.country, settings);
  const today = dayOf(new Date(), settings.workingHours);
  const target = args.out ?? `${args.list}-${today}.${args.format}`;
  const out: Writable = target === "-" ? process.stdout : createWriteStream(target);
  let written = 0;
  await pipeline(
    Readable.from(
      exportFile({
        db: database.db,
        userId: admin.id,
        what: args.list,
        format: args.format,
        params: { ...args.filters, via: "cli" },
        language,
        sheets: [sheet],
        onLogFailed: (error) => console.error("The export log row was not written:", error),
        onFinished: (rows) => void (written = rows),
      }),
      { objectMode: false },
    ),
    out,
  );
  console.error(`Exported ${written} ${args.list} to ${target === "-" ? "stdout" : target}.`);
  return 0;
}
