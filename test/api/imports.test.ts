import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, selectRows } from "../../src/db/connect.js";
import { edrpouCheckDigit } from "../../src/domain/legalIds.js";
import { forEachBatch } from "../../src/features/imports/fileBatches.js";
import { continueImport, SimulatedCrash, startImport, startResume } from "../../src/features/imports/importRunner.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * Importing a client base over HTTP on a real database: a Windows-1251 CSV with `;`, a UTF-8
 * CSV with a byte-order mark merging into companies already in the base, an XLSX; dry runs
 * that write nothing and count what the run then does; the error report with line numbers; a
 * crash mid-file and the resume that finishes it exactly once; roles refused; bad input named.
 */
let server: TestServer;
let head: ApiClient & { user: TestUser };
let admin: ApiClient & { user: TestUser };
const timeZone = "Europe/Kyiv";

const edrpou = (body: string) => body + edrpouCheckDigit(body);

/** Windows-1251 bytes, from the decoder's own table. */
const CP1251 = new Map<string, number>();
const decoder1251 = new TextDecoder("windows-1251");
for (let b = 0; b < 256; b++) CP1251.set(decoder1251.decode(new Uint8Array([b])), b);
const cp1251 = (text: string) =>
  new Uint8Array(
    [...text].map((ch) => {
      const byte = CP1251.get(ch);
      if (byte === undefined) throw new Error(`no cp1251 byte for ${ch}`);
      return byte;
    }),
  );
const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

async function upload(client: ApiClient, fileName: string, bytes: Uint8Array | string, contentType = "text/csv", query = "") {
  const response = await fetch(`${server.url}/api/imports?fileName=${encodeURIComponent(fileName)}${query}`, {
    method: "POST",
    headers: { "content-type": contentType, cookie: client.cookie, "x-csrf-token": client.csrfToken, "accept-language": "en" },
    body: typeof bytes === "string" ? bytes : Buffer.from(bytes),
  });
  return { status: response.status, body: await response.json() };
}

async function errorReport(client: ApiClient, id: number) {
  const response = await fetch(`${server.url}/api/imports/${id}/errors.csv`, { headers: { cookie: client.cookie } });
  const bytes = Buffer.from(await response.arrayBuffer());
  // Kept as sent: the byte-order mark Excel needs is part of what is checked.
  return { status: response.status, type: response.headers.get("content-type"), text: bytes.toString("utf8") };
}

async function finished(id: number) {
  for (let i = 0; i < 600; i++) {
    const res = await head.get(`/api/imports/${id}`);
    if (res.body.import.status === "done" || res.body.import.status === "failed") return res.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

const count = async (query: ReturnType<typeof sql>) => Number((await selectRows<{ n: number | string }>(server.database.db, query))[0]!.n);

const companyByName = async (legalName: string) => {
  const [row] = await selectRows<{ id: number }>(server.database.db, sql`select id from companies where legal_name = ${legalName}`);
  if (!row) throw new Error(`no company ${legalName}`);
  const card = (await head.get(`/api/companies/${row.id}`)).body;
  return { ...card.company, contacts: card.contacts };
};

async function source(name: string): Promise<number> {
  const res = await head.post("/api/sources", { name, kind: "cold_base" });
  expect(res.status).toBe(201);
  return res.body.source.id;
}

const storedPath = async (id: number) => (await selectRows<{ stored_path: string }>(server.database.db, sql`select stored_path from imports where id = ${id}`))[0]!.stored_path;

let uploads: string;
beforeAll(async () => {
  // Uploads wait in a folder of this file's own, removed with it.
  uploads = await mkdtemp(path.join(tmpdir(), "conveyor-uploads-"));
  process.env.IMPORT_DIR = uploads;
  server = await startTestServer();
  head = await server.signedIn("head");
  admin = await server.signedIn("admin");
});
afterAll(async () => {
  await server.close();
  delete process.env.IMPORT_DIR;
  await rm(uploads, { recursive: true, force: true });
});

describe("a Windows-1251 CSV with `;` from Excel", () => {
  const lines = [
    "Компания;ИНН;Телефон;Моб.;Email;Контактное лицо;Отрасль;Город;Источник",
    "ООО «Ромашка»;7707083893;044 123-45-67;;Info@Romashka.ru;Иван Петров;Торговля;Киев;",
    "ТОВ «Лелека»;32855961;067 123 45 67;050 111 22 33;;;IT;Львів;",
    "Без ИНН;1234;063 000 00 01;;;;;;",
    'ООО ""Ромашка"" филиал;7707083893;;;;Ольга;;;',
    ";;;;;;;;",
    "Плохой телефон;;12345;;;;;;",
    "ТОВ «Лелека»;32855961;067 123 45 67;050 111 22 33;;;IT;Львів;",
    "Чужой источник;;063 000 00 02;;;;;;Нет такого",
  ];
  const file = cp1251(lines.join("\r\n") + "\r\n");
  let importId: number;
  let sourceId: number;

  it("is detected as cp1251 with `;`, its headers mapped, its first rows previewed", async () => {
    const res = await upload(head, "база клиентов.csv", file, "text/csv; charset=windows-1251");
    expect(res.status).toBe(201);
    importId = res.body.import.id;
    const d = res.body.detection;
    expect(d.format).toBe("csv");
    expect(d.encoding).toMatchObject({ guessed: "cp1251", chosen: "cp1251", reason: "cp1251_cyrillic" });
    expect(d.encoding.confidence).toBeGreaterThanOrEqual(0.9);
    expect(d.delimiter).toEqual({ guessed: ";", chosen: ";", confidence: 1 });
    expect(d.headers).toEqual(["Компания", "ИНН", "Телефон", "Моб.", "Email", "Контактное лицо", "Отрасль", "Город", "Источник"]);
    expect(d.mapping).toEqual(["legalName", "legalId", "phone", "phone", "email", "contactName", "industry", "region", "source"]);
    expect(d.mappingFrom).toBe("guess");
    expect(d.preview).toHaveLength(8);
    expect(d.preview[0]).toEqual({ line: 2, values: ["ООО «Ромашка»", "7707083893", "044 123-45-67", "", "Info@Romashka.ru", "Иван Петров", "Торговля", "Киев", ""] });
    expect(res.body.import).toMatchObject({ status: "uploaded", fileName: "база клиентов.csv", fileSize: file.length, counts: { read: 0 } });
  });

  it("read as UTF-8 instead, on request, its Cyrillic comes out as replacement characters", async () => {
    const res = await head.get(`/api/imports/${importId}/preview?encoding=utf8`);
    expect(res.status).toBe(200);
    expect(res.body.detection.encoding).toMatchObject({ guessed: "cp1251", chosen: "utf8" });
    expect(res.body.detection.headers[0]).toContain("\uFFFD");
  });

  it("a dry run counts what the run will do, with reasons, and writes nothing", async () => {
    sourceId = await source("Купленная база 2025");
    const companiesBefore = await count(sql`select count(*) as n from companies`);
    const res = await head.post(`/api/imports/${importId}/dry-run`, { sourceId });
    expect(res.status).toBe(200);
    expect(res.body.dryRun.counts).toEqual({ read: 8, created: 2, merged: 1, skipped: 2, rejected: 3 });
    expect(res.body.dryRun.skipReasons).toEqual({ blank_row: 1, nothing_new: 1 });
    expect(res.body.dryRun.rejectReasons).toEqual({ legal_id_invalid: 1, phone_invalid: 1, source_unknown: 1 });
    expect(res.body.dryRun.firstRejects).toEqual([
      { line: 4, code: "legal_id_invalid", field: "legalId", value: "1234" },
      { line: 7, code: "phone_invalid", field: "phone", value: "12345" },
      { line: 9, code: "source_unknown", field: "source", value: "Нет такого" },
    ]);
    expect(res.body.import.status).toBe("dry_run");
    expect(await count(sql`select count(*) as n from companies`)).toBe(companiesBefore);
    expect(await count(sql`select count(*) as n from import_rejects where import_id = ${importId}`)).toBe(0);
    expect(await count(sql`select count(*) as n from activities where kind = 'imported'`)).toBe(0);
  });

  it("the run does exactly what the dry run said: companies in the cold base with their source, contacts and timeline", async () => {
    const res = await head.post(`/api/imports/${importId}/run`, {});
    expect(res.status).toBe(202);
    expect(res.body.import.status).toBe("running");
    const done = await finished(importId);
    expect(done.import).toMatchObject({ status: "done", counts: { read: 8, created: 2, merged: 1, skipped: 2, rejected: 3 }, progress: 1, lastLine: 9 });
    expect(done.rejectReasons).toEqual([
      { code: "legal_id_invalid", count: 1 },
      { code: "phone_invalid", count: 1 },
      { code: "source_unknown", count: 1 },
    ]);

    const romashka = await companyByName("ООО «Ромашка»");
    expect(romashka).toMatchObject({ legalId: "7707083893", legalIdKind: "inn", stage: "cold", sourceId, industry: "Торговля", region: "Киев" });
    expect(romashka.contacts.map((c: { fullName: string; phones: string[]; emails: string[] }) => [c.fullName, c.phones, c.emails])).toEqual([
      ["Иван Петров", ["+380441234567"], ["info@romashka.ru"]],
      ["Ольга", [], []],
    ]);
    const leleka = await companyByName("ТОВ «Лелека»");
    expect(leleka).toMatchObject({ legalId: "32855961", legalIdKind: "edrpou", sourceId });
    expect(leleka.contacts[0].phones).toEqual(["+380671234567", "+380501112233"]);

    const timeline = (await head.get(`/api/companies/${romashka.id}/timeline`)).body.items;
    const imported = timeline.filter((a: { kind: string }) => a.kind === "imported");
    // One entry per company and batch: created by line 2, with line 5 merged in the same batch.
    expect(imported.map((a: { text: string; data: { action: string; lines: number[]; importId: number } }) => [a.text, a.data.action, a.data.lines, a.data.importId])).toEqual([
      ["база клиентов.csv", "created", [2, 5], importId],
    ]);
  });

  it("the error report lists every rejected row with its line, reason and cells, decoded, in the reader's language", async () => {
    const russian = await server.signedIn(await server.createUser("head", undefined, { language: "ru" }));
    const report = await errorReport(russian, importId);
    expect(report.status).toBe(200);
    expect(report.type).toMatch(/^text\/csv/);
    expect(report.text.startsWith("\uFEFF")).toBe(true);
    const rows = report.text.slice(1).trim().split("\r\n");
    expect(rows[0]).toBe("Строка;Причина;Значение;Код;Компания;ИНН;Телефон;Моб.;Email;Контактное лицо;Отрасль;Город;Источник");
    expect(rows.slice(1)).toEqual([
      "4;ИНН / ЕГРПОУ недействителен;1234;legal_id_invalid;Без ИНН;1234;063 000 00 01;;;;;;",
      "7;Номер телефона недействителен;12345;phone_invalid;Плохой телефон;;12345;;;;;;",
      "9;Нет источника лидов с таким названием;Нет такого;source_unknown;Чужой источник;;063 000 00 02;;;;;;Нет такого",
    ]);
  });

  it("the next file of the same shape is offered the mapping this run used", async () => {
    const res = await upload(head, "база клиентов (2).csv", cp1251(`${lines[0]}\r\nООО Новая;;063 000 00 03;;;;;;\r\n`));
    expect(res.status).toBe(201);
    expect(res.body.detection).toMatchObject({ mappingFrom: "preset", mapping: ["legalName", "legalId", "phone", "phone", "email", "contactName", "industry", "region", "source"] });
  });

  it("a finished import neither runs nor dry-runs again", async () => {
    expect((await head.post(`/api/imports/${importId}/run`, {})).body.error.code).toBe("import_busy");
    const again = await head.post(`/api/imports/${importId}/dry-run`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("import_busy");
  });
});

describe("a UTF-8 CSV with a byte-order mark, merging into the base", () => {
  const alfaId = edrpou("1436057");
  const deltaId = edrpou("3871290");

  beforeAll(async () => {
    const created = await Promise.all([
      head.post("/api/companies", { legalName: "Альфа", legalId: alfaId, industry: "Торгівля", contacts: [{ fullName: "Марія", phones: ["+380441110001"] }] }),
      head.post("/api/companies", { legalName: "Бета", contacts: [{ fullName: "Петро", phones: ["+380441110002"] }] }),
      head.post("/api/companies", { legalName: "Гамма", contacts: [{ fullName: "Олег", emails: ["oleg@gamma.ua"] }] }),
    ]);
    for (const res of created) expect(res.status).toBe(201);
  });

  it("merges by tax id, phone or email, fills only what is empty, skips what adds nothing, and rejects with physical line numbers", async () => {
    const text = [
      "Назва,ЄДРПОУ,Телефон,E-mail,ПІБ,Галузь",
      `Альфа нова назва,${alfaId},,alfa@alfa.ua,,IT`,
      "Бета,,+380441110002,,Петро,Логістика",
      "Гамма,,,OLEG@gamma.ua,,",
      `"Дельта\r\n(нова)",${deltaId},+380441110009,,,`,
      "Епсилон,,+380441110001,oleg@gamma.ua,,",
      `Зета,${alfaId},+380441110002,,,`,
      "Ета,,not a phone,,,",
      "Тета,,,,,IT",
    ].join("\r\n");
    const up = await upload(head, "merge.csv", utf8Bom(text), "application/octet-stream");
    expect(up.status).toBe(201);
    expect(up.body.detection).toMatchObject({ encoding: { guessed: "utf8", reason: "bom", confidence: 1 }, delimiter: { chosen: "," } });
    expect(up.body.detection.mapping).toEqual(["legalName", "legalId", "phone", "email", "contactName", "industry"]);
    const id = up.body.import.id;

    const dry = await admin.post(`/api/imports/${id}/dry-run`, {});
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun.counts).toEqual({ read: 8, created: 1, merged: 2, skipped: 1, rejected: 4 });
    expect(dry.body.dryRun.firstRejects.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [7, "ambiguous_match"],
      [8, "ambiguous_match"],
      [9, "phone_invalid"],
      [10, "identifier_missing"],
    ]);

    expect((await admin.post(`/api/imports/${id}/run`, {})).status).toBe(202);
    expect((await finished(id)).import.counts).toEqual(dry.body.dryRun.counts);

    const alfa = await companyByName("Альфа");
    expect(alfa).toMatchObject({ legalName: "Альфа", industry: "Торгівля" });
    expect(alfa.contacts).toEqual([expect.objectContaining({ fullName: "Марія", phones: ["+380441110001"], emails: ["alfa@alfa.ua"] })]);
    expect(await companyByName("Бета")).toMatchObject({ industry: "Логістика" });
    expect(await companyByName("Дельта (нова)")).toMatchObject({ legalId: deltaId, stage: "cold", sourceId: null });
    expect(await count(sql`select count(*) as n from companies where legal_name in ('Епсилон', 'Зета', 'Ета', 'Тета')`)).toBe(0);

    const report = parse((await errorReport(admin, id)).text, { bom: true, relax_column_count: true }) as string[][];
    expect(report[0]).toEqual(["Line", "Reason", "Value", "Code", "Назва", "ЄДРПОУ", "Телефон", "E-mail", "ПІБ", "Галузь"]);
    const beta = await companyByName("Бета");
    expect(report.slice(1)).toEqual([
      ["7", expect.stringContaining("several companies"), `${alfa.id}, ${(await companyByName("Гамма")).id}`, "ambiguous_match", "Епсилон", "", "+380441110001", "oleg@gamma.ua", "", ""],
      ["8", expect.stringContaining("several companies"), `${alfa.id}, ${beta.id}`, "ambiguous_match", "Зета", alfaId, "+380441110002", "", "", ""],
      ["9", "The phone number is not valid", "not a phone", "phone_invalid", "Ета", "", "not a phone", "", "", ""],
      ["10", expect.stringContaining("No tax id, phone or email"), "", "identifier_missing", "Тета", "", "", "", "", "IT"],
    ]);
  });
});

describe("an XLSX workbook", () => {
  it("is read from its first sheet: numbers that lost their leading zeros, phones kept as numbers, rich text and formulas", async () => {
    const leadingZeros = edrpou("0003212");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Клієнти");
    sheet.addRow(["Компанія", "Код ЄДРПОУ", "Телефон", "Email", "Розмір"]);
    sheet.addRow(["Ощадна", Number(leadingZeros), 380671230001, "ops@bank.ua", "Велика"]);
    sheet.addRow([{ richText: [{ text: "Каштан " }, { text: "ТОВ" }] }, null, "067 123 00 02", null, "мала"]);
    sheet.addRow([{ formula: '"Формула"&" плюс"', result: "Формула плюс" }, null, null, "formula@x.ua", null]);
    sheet.addRow(["Без контактів", null, null, null, "середня"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const up = await upload(head, "клієнти.xlsx", bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(up.status).toBe(201);
    expect(up.body.detection).toMatchObject({ format: "xlsx", encoding: null, delimiter: null, headerLine: 1, mapping: ["legalName", "legalId", "phone", "email", "size"] });
    const id = up.body.import.id;
    expect((await head.post(`/api/imports/${id}/run`, {})).status).toBe(202);
    const done = await finished(id);
    expect(done.import.counts).toEqual({ read: 4, created: 3, merged: 0, skipped: 0, rejected: 1 });
    expect(await companyByName("Ощадна")).toMatchObject({ legalId: leadingZeros, legalIdKind: "edrpou", size: "large" });
    expect((await companyByName("Ощадна")).contacts[0].phones).toEqual(["+380671230001"]);
    expect(await companyByName("Каштан ТОВ")).toMatchObject({ size: "small" });
    expect(await companyByName("Формула плюс")).toBeDefined();
    const report = parse((await errorReport(head, id)).text, { bom: true }) as string[][];
    expect(report.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([["5", "identifier_missing", "Без контактів"]]);
  });
});

describe("a base imported again, batch after batch", () => {
  // 1,200 companies in batches of 500: the second file finds each one in the base by its tax id or,
  // without one, by its email alone — companies committed by other batches of another import.
  const N = 1200;
  const taxId = (k: number) => edrpou(String(2_000_000 + k * 7));
  const firstPhone = (k: number) => `+38073${String(1_000_000 + k)}`;
  const secondPhone = (k: number) => `+38093${String(2_000_000 + k)}`;
  const email = (k: number) => `buyer${k}@partiya.ua`;
  const firstFile = ["Компанія;ЄДРПОУ;Телефон;Email", ...Array.from({ length: N }, (_, i) => `Партія ${i + 1};${taxId(i + 1)};${firstPhone(i + 1)};${email(i + 1)}`)].join("\n");
  // Last rows first; odd companies named by their tax id, even ones by their email only; two rows point at two companies.
  const secondFile = [
    "Компанія;ЄДРПОУ;Телефон;Email",
    ...Array.from({ length: N }, (_, i) => N - i).map((k) => (k % 2 ? `Партія ${k};${taxId(k)};${secondPhone(k)};` : `Партія ${k};;${secondPhone(k)};${email(k)}`)),
    `Двоїста;${taxId(1)};;${email(2)}`,
    `Двоїста 2;;${firstPhone(3)};${email(4)}`,
  ].join("\n");
  const phonesOf = (k: number) =>
    selectRows<{ e164: string }>(server.database.db, sql`select p.e164 from contact_phones p join companies c on c.id = p.company_id where c.legal_name = ${`Партія ${k}`} order by p.id`);

  async function runFile(name: string, text: string) {
    const id = (await upload(head, name, text)).body.import.id;
    const dry = await head.post(`/api/imports/${id}/dry-run`, { batchSize: 500 });
    expect(dry.status).toBe(200);
    expect((await head.post(`/api/imports/${id}/run`, { batchSize: 500 })).status).toBe(202);
    const done = await finished(id);
    expect(done.import.counts).toEqual(dry.body.dryRun.counts);
    return done.import.counts;
  }

  it("creates every company of the first file", async () => {
    expect(await runFile("партія.csv", firstFile)).toEqual({ read: N, created: N, merged: 0, skipped: 0, rejected: 0 });
  });

  it("merges the second file's new phones into those companies, found by tax id or by email, as the dry run said", async () => {
    expect(await runFile("партія 2.csv", secondFile)).toEqual({ read: N + 2, created: 0, merged: N, skipped: 0, rejected: 2 });
    expect(await count(sql`select count(*) as n from companies where legal_name like 'Партія %'`)).toBe(N);
    expect(await count(sql`select count(*) as n from contact_phones p join companies c on c.id = p.company_id where c.legal_name like 'Партія %'`)).toBe(2 * N);
    expect(await count(sql`select count(*) as n from contacts ct join companies c on c.id = ct.company_id where c.legal_name like 'Партія %'`)).toBe(N);
    for (const k of [1, 2, 500, 501, N]) expect((await phonesOf(k)).map((p) => p.e164)).toEqual([firstPhone(k), secondPhone(k)]);
  });

  it("the same file once more adds nothing: every row is skipped, the ambiguous ones rejected again", async () => {
    expect(await runFile("партія 3.csv", secondFile)).toEqual({ read: N + 2, created: 0, merged: 0, skipped: N, rejected: 2 });
    expect((await phonesOf(N)).map((p) => p.e164)).toEqual([firstPhone(N), secondPhone(N)]);
  });
});

describe("reading ahead: the next batch is read and checked while the current one is written", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "conveyor-batches-"));
    file = path.join(dir, "rows.csv");
    await writeFile(file, ["Компания;Телефон", ...Array.from({ length: 20 }, (_, i) => `Строка ${i + 1};+38067${String(7_000_000 + i)}`)].join("\n"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const options = { encoding: "utf8", delimiter: ";", headerLine: 1, batchSize: 3 } as const;

  it("prepares one batch ahead and no further, and hands the batches over in file order", async () => {
    const events: string[] = [];
    await forEachBatch(
      file,
      "csv",
      options,
      12,
      (batch) => {
        events.push(`prepare ${batch.records[0]!.line}`);
        return batch.records.map((r) => r.line);
      },
      async (lines) => {
        events.push(`write ${lines[0]}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`written ${lines[0]}`);
      },
    );
    // Lines 13–21 after line 12 (a resume), three at a time.
    expect(events).toEqual(["prepare 13", "write 13", "prepare 16", "written 13", "write 16", "prepare 19", "written 16", "write 19", "written 19"]);
  });

  it("a failing write stops it: the error comes out, and nothing past the batch read ahead is read", async () => {
    const prepared: number[] = [];
    const run = forEachBatch(
      file,
      "csv",
      options,
      4,
      (batch) => prepared.push(batch.records[0]!.line),
      async () => {
        if (prepared.length >= 2) throw new Error("disk full");
      },
    );
    await expect(run).rejects.toThrow("disk full");
    // Written 5–7, failed on 8–10 while 11–13 was read ahead; 14 on never read.
    expect(prepared).toEqual([5, 8, 11]);
  });
});

describe("durability: a crash mid-file, then a resume", () => {
  const rowsOf = (prefix: string, n: number) =>
    ["Компания;Телефон", ...Array.from({ length: n }, (_, i) => `${prefix} ${i + 1};+38067${prefix === "Крах" ? "4" : prefix === "Захват" ? "5" : "6"}${String(i + 1).padStart(6, "0")}`)].join("\n") + "\n";
  const companiesNamed = (prefix: string) => count(sql`select count(*) as n from companies where legal_name like ${`${prefix} %`}`);
  const importedEntries = (prefix: string) =>
    count(sql`select count(*) as n from activities a join companies c on c.id = a.company_id where a.kind = 'imported' and c.legal_name like ${`${prefix} %`}`);

  it("a process killed after two batches leaves them committed and the import running; the resume finishes it exactly once", async () => {
    const up = await upload(head, "crash.csv", rowsOf("Крах", 9));
    const id = up.body.import.id;
    const file = await storedPath(id);
    const claim = await startImport(server.database.db, id, file, { mapping: ["legalName", "phone"], batchSize: 2 }, head.user.id, timeZone);
    await expect(continueImport(server.database.db, claim, timeZone, { crashAfterBatches: 2 })).rejects.toBeInstanceOf(SimulatedCrash);

    const halfway = (await head.get(`/api/imports/${id}`)).body.import;
    expect(halfway).toMatchObject({ status: "running", lastLine: 5, counts: { read: 4, created: 4 } });
    expect(halfway.progress).toBeGreaterThan(0);
    expect(await companiesNamed("Крах")).toBe(4);

    // Its runner looks alive until it has not committed for a while: no second runner yet.
    const tooSoon = await head.post(`/api/imports/${id}/resume`);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.error.code).toBe("import_busy");

    await server.database.db.execute(sql`update imports set updated_at = now() - interval '10 minutes' where id = ${id}`);
    const resumed = await head.post(`/api/imports/${id}/resume`);
    expect(resumed.status).toBe(202);
    const done = await finished(id);
    expect(done.import).toMatchObject({ status: "done", lastLine: 10, counts: { read: 9, created: 9, merged: 0, skipped: 0, rejected: 0 } });
    expect(await companiesNamed("Крах")).toBe(9);
    expect(await importedEntries("Крах")).toBe(9);
  });

  it("a failed run is resumable at once; a runner that lost its claim to a resume commits nothing more", async () => {
    const up = await upload(head, "takeover.csv", rowsOf("Захват", 7));
    const id = up.body.import.id;
    const file = await storedPath(id);
    const first = await startImport(server.database.db, id, file, { mapping: ["legalName", "phone"], batchSize: 2 }, head.user.id, timeZone);
    await expect(
      continueImport(server.database.db, first, timeZone, {
        onBatch: () => {
          throw new Error("disk full");
        },
      }),
    ).rejects.toThrow("disk full");
    expect((await head.get(`/api/imports/${id}`)).body.import).toMatchObject({ status: "failed", error: "disk full", lastLine: 3, counts: { read: 2 } });

    // A second runner takes over; the first, still alive, finds its claim gone at its next batch.
    const second = await startResume(server.database.db, id, file, 0);
    await expect(continueImport(server.database.db, first, timeZone)).rejects.toThrow();
    expect((await head.get(`/api/imports/${id}`)).body.import).toMatchObject({ status: "running", lastLine: 3, counts: { read: 2 } });
    const done = await continueImport(server.database.db, second, timeZone);
    expect(done).toMatchObject({ status: "done", counts: { read: 7, created: 7 } });
    expect(await companiesNamed("Захват")).toBe(7);
    expect(await importedEntries("Захват")).toBe(7);
  });

  it("a resume refuses a file that is not the one uploaded", async () => {
    const up = await upload(head, "changed.csv", rowsOf("Подмена", 3));
    const id = up.body.import.id;
    const file = await storedPath(id);
    const claim = await startImport(server.database.db, id, file, { mapping: ["legalName", "phone"], batchSize: 1 }, head.user.id, timeZone);
    await expect(continueImport(server.database.db, claim, timeZone, { crashAfterBatches: 1 })).rejects.toBeInstanceOf(SimulatedCrash);
    await writeFile(file, `${await readFile(file, "utf8")}Подмена 4;+380679999999\n`);
    await server.database.db.execute(sql`update imports set updated_at = now() - interval '10 minutes' where id = ${id}`);
    const res = await head.post(`/api/imports/${id}/resume`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("import_file_changed");
  });
});

describe("who may import", () => {
  let someImport: number;
  beforeAll(async () => {
    someImport = (await upload(head, "roles.csv", "Компания;Телефон\nРоль;+380670000001\n")).body.import.id;
  });

  it.each(["caller", "manager", "account_manager", "back_office"] as const)("the %s is refused everywhere (403)", async (role) => {
    const client = await server.signedIn(role);
    expect((await upload(client, "x.csv", "Компания;Телефон\nX;+380670000002\n")).status).toBe(403);
    expect((await client.get("/api/imports")).status).toBe(403);
    expect((await client.get(`/api/imports/${someImport}`)).status).toBe(403);
    expect((await client.get(`/api/imports/${someImport}/preview`)).status).toBe(403);
    expect((await client.post(`/api/imports/${someImport}/dry-run`, {})).status).toBe(403);
    expect((await client.post(`/api/imports/${someImport}/run`, {})).status).toBe(403);
    expect((await client.post(`/api/imports/${someImport}/resume`)).status).toBe(403);
    expect((await errorReport(client, someImport)).status).toBe(403);
  });

  it("the head and the admin see the list of imports", async () => {
    const list = await admin.get("/api/imports");
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: number }) => i.id)).toContain(someImport);
  });
});

describe("bad input is named", () => {
  const small = "Компания;ИНН;Телефон\nТест;;+380670000003\n";

  it("files that are not a table, and uploads without a file name", async () => {
    expect((await upload(head, "empty.csv", "")).body.error).toMatchObject({ code: "import_file_invalid", details: { reason: "empty" } });
    expect((await upload(head, "old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "application/vnd.ms-excel")).body.error).toMatchObject({
      code: "import_file_invalid",
      details: { reason: "xls" },
    });
    expect((await upload(head, "blank.csv", "\n\n;;\n")).body.error).toMatchObject({ code: "import_file_invalid", details: { reason: "no_header" } });
    const json = await head.request("POST", "/api/imports?fileName=a.json", { rows: [] });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe("import_file_invalid");
    const noName = await fetch(`${server.url}/api/imports`, { method: "POST", headers: { "content-type": "text/csv", cookie: head.cookie, "x-csrf-token": head.csrfToken }, body: small });
    expect(noName.status).toBe(400);
    expect((await noName.json()).error.code).toBe("validation_failed");
    expect((await upload(head, "a.csv", small, "text/csv", "&encoding=koi8")).body.error.code).toBe("validation_failed");
  });

  it("mappings that do not fit the file, purchase columns (phase 2), unknown sources and imports", async () => {
    const id = (await upload(head, "bad.csv", small)).body.import.id;
    const problems = async (body: Record<string, unknown>) => {
      const res = await head.post(`/api/imports/${id}/dry-run`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("import_mapping_invalid");
      return res.body.error.details.problems;
    };
    expect(await problems({ mapping: ["legalName", "legalId"] })).toEqual([{ problem: "column_count", expected: 3, got: 2 }]);
    expect(await problems({ mapping: ["legalName", null, null] })).toEqual([{ problem: "identifier_unmapped" }]);
    expect(await problems({ mapping: ["legalName", "legalId", "legalId"] })).toEqual([{ problem: "field_repeated", field: "legalId" }]);
    expect(await problems({ mapping: ["legalName", "phone", "amount"] })).toEqual([{ problem: "purchases_not_supported_yet", fields: ["amount"] }]);
    expect((await head.post(`/api/imports/${id}/dry-run`, { mapping: ["legalName", "bogus", "phone"] })).body.error.code).toBe("validation_failed");
    const unknownSource = await head.post(`/api/imports/${id}/run`, { sourceId: 999_999 });
    expect(unknownSource.status).toBe(400);
    expect(unknownSource.body.error.code).toBe("unknown_source");
    expect((await head.get(`/api/imports/${id}`)).body.import.status).toBe("uploaded");
    const missing = await head.get("/api/imports/999999");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("import_not_found");
    expect((await head.post("/api/imports/999999/run", {})).status).toBe(404);
  });

  it("a switched-off source takes no new companies", async () => {
    const id = (await upload(head, "off.csv", small)).body.import.id;
    const off = await source("Выключенный");
    expect((await head.request("PATCH", `/api/sources/${off}`, { active: false })).status).toBe(200);
    const res = await head.post(`/api/imports/${id}/dry-run`, { sourceId: off });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("source_inactive");
  });
});

describe("the team's default country for phones", () => {
  it("is a setting (UA by default) the import reads national numbers by", async () => {
    const settings = (await head.get("/api/settings")).body.settings;
    expect(settings.importDefaultCountry).toBe("UA");
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, importDefaultCountry: "XX" } })).status).toBe(400);
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, importDefaultCountry: "ua" } })).status).toBe(400);
    expect((await head.request("PUT", "/api/settings", { settings: { ...settings, importDefaultCountry: "RU" } })).status).toBe(200);
    try {
      const id = (await upload(head, "ru.csv", "Компания;Телефон\nМосковская;8 (495) 765-43-21\n")).body.import.id;
      expect((await head.post(`/api/imports/${id}/run`, {})).status).toBe(202);
      expect((await finished(id)).import.counts.created).toBe(1);
      expect((await companyByName("Московская")).contacts[0].phones).toEqual(["+74957654321"]);
    } finally {
      await head.request("PUT", "/api/settings", { settings });
    }
  });
});

describe("the command line: conveyor import FILE", () => {
  const repo = path.resolve(import.meta.dirname, "../..");
  let work: string;
  let dataDir: string;

  /** Runs the CLI on its own embedded database; `killAfter` SIGKILLs it once that many batches are reported. */
  function cli(args: string[], killAfter?: number): Promise<{ code: number | null; signal: string | null; out: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    // Run from the work folder (the error report lands there); tsx is found in the repository.
    const tsx = pathToFileURL(path.join(repo, "node_modules/tsx/dist/loader.mjs")).href;
    const child = spawn(process.execPath, ["--import", tsx, path.join(repo, "src/cli.ts"), "import", ...args], { cwd: work, env: { ...env, NODE_OPTIONS: "" } });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfter !== undefined && new RegExp(`^batch ${killAfter}:`, "m").test(out)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, out })));
  }

  async function inBase<T>(read: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
    const database = await openDatabase({ dataDir });
    try {
      return await read(database);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "conveyor-import-cli-"));
    dataDir = path.join(work, "data");
    const rows = Array.from({ length: 400 }, (_, i) =>
      i === 8 ? "Битий;1234;+380670100009" : i === 28 ? "Без телефону;;" : `Клієнт ${i + 1};;+38067${String(100_000 + i + 1).padStart(7, "0")}`,
    );
    await writeFile(path.join(work, "clients.csv"), ["Компанія;ЄДРПОУ;Телефон", ...rows].join("\n") + "\n");
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("killed mid-file, it resumes from the last committed batch: every row exactly once, the rejected ones in a report", async () => {
    const killed = await cli(["clients.csv", "--batch-size", "1"], 5);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.out).toMatch(/Import #1: clients\.csv \(csv/);
    const halfway = await inBase((db) => selectRows<{ status: string; last_line: number; rows_read: number }>(db.db, sql`select status, last_line, rows_read from imports where id = 1`));
    expect(halfway[0]!.status).toBe("running");
    expect(halfway[0]!.last_line).toBeGreaterThanOrEqual(6);
    expect(halfway[0]!.last_line).toBeLessThan(401);
    expect(halfway[0]!.rows_read).toBe(halfway[0]!.last_line - 1);

    const resumed = await cli(["clients.csv", "--resume", "1", "--batch-size", "50"]);
    expect(resumed.out).toContain(`Resuming import #1 (clients.csv) after line ${halfway[0]!.last_line}.`);
    expect(resumed.out).toContain("Import #1 done: read 400, created 398, merged 0, skipped 0, rejected 2");
    expect(resumed.code).toBe(3);
    const report = parse(await readFile(path.join(work, "import-1-errors.csv"), "utf8"), { bom: true, relax_column_count: true }) as string[][];
    expect(report.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ["10", "legal_id_invalid"],
      ["30", "identifier_missing"],
    ]);
    const counts = await inBase(async (db) => ({
      companies: await selectRows<{ n: number }>(db.db, sql`select count(*)::int as n from companies`),
      distinct: await selectRows<{ n: number }>(db.db, sql`select count(distinct legal_name)::int as n from companies`),
      imported: await selectRows<{ n: number }>(db.db, sql`select count(*)::int as n from activities where kind = 'imported'`),
    }));
    expect([counts.companies[0]!.n, counts.distinct[0]!.n, counts.imported[0]!.n]).toEqual([398, 398, 398]);
  });

  it("a dry run of the same file again writes nothing and finds nothing new; bad arguments exit 2", async () => {
    const dry = await cli(["clients.csv", "--dry-run"]);
    expect(dry.out).toContain("columns (remembered for this file shape)");
    expect(dry.out).toContain("Dry run (nothing written): read 400, created 0, merged 0, skipped 398, rejected 2");
    expect(dry.code).toBe(3);
    expect((await cli(["clients.csv", "--encoding", "koi8"])).code).toBe(2);
    expect((await cli(["clients.csv", "--source", "Немає такого"])).code).toBe(2);
  });
});
