import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { continueImport, startImport } from "../../src/features/imports/importRunner.js";
import { expectJson } from "./support/arrange.js";
import { pick, SHOTS, startBrowserHarness, TEAM_PASSWORD, type BrowserHarness } from "./support/browserHarness.js";

/**
 * Importing a client base in a real browser: the head drops Excel's plain "CSV" (Windows-1251,
 * `;`, Cyrillic headers, a couple of bad rows), sees the encoding and delimiter detected and the
 * columns guessed, picks the lead source, reads the dry run's counts and reasons, runs it to the
 * end, downloads the error report, and finds "imported from" the file on an imported company's
 * timeline; the next file of the same shape is offered the mapping just used; a run that died
 * mid-file shows as failed and resumes from the history. A sales manager gets the forbidden page.
 */
const FILE = "клиенты 2025.csv";
const SOURCE = "Bought base 2025";
const HEADERS = "Компания;ИНН;Телефон;Email;Контактное лицо;Город";
const LINES = [
  HEADERS,
  "ООО «Ромашка»;7707083893;044 123-45-67;info@romashka.ru;Иван Петров;Киев",
  "ТОВ «Лелека»;32855961;067 123 45 67;;;Львів",
  "Без ИНН;1234;063 000 00 01;;;",
  "Плохой телефон;;12345;;;",
  ";;;;;",
];

/** Windows-1251 bytes, from the decoder's own table. */
const CP1251 = new Map<string, number>();
const decoder1251 = new TextDecoder("windows-1251");
for (let b = 0; b < 256; b++) CP1251.set(decoder1251.decode(new Uint8Array([b])), b);
const cp1251 = (text: string) =>
  Buffer.from(
    [...text].map((ch) => {
      const byte = CP1251.get(ch);
      if (byte === undefined) throw new Error(`no cp1251 byte for ${ch}`);
      return byte;
    }),
  );

let harness: BrowserHarness;
let uploads: string;

beforeAll(async () => {
  // Uploads wait in a folder of this file's own, removed with it.
  uploads = await mkdtemp(path.join(tmpdir(), "conveyor-e2e-uploads-"));
  process.env.IMPORT_DIR = uploads;
  harness = await startBrowserHarness({
    team: [
      { username: "head1", fullName: "Halyna Head", role: "head" },
      { username: "manager1", fullName: "Maksym Manager", role: "manager" },
    ],
  });
  const head = await harness.api("head1", TEAM_PASSWORD);
  expectJson(await head("POST", "/api/sources", { name: SOURCE, kind: "cold_base" }), 201);
});
afterAll(async () => {
  await harness?.close();
  delete process.env.IMPORT_DIR;
  await rm(uploads, { recursive: true, force: true });
});

const wizardAt = (page: Page, step: string) => page.locator(`[data-testid="import-wizard"][data-step="${step}"]`).waitFor();
const count = (page: Page, testId: string) => page.getByTestId(testId).getAttribute("data-count");

async function upload(page: Page, name: string, bytes: Buffer) {
  await page.getByTestId("import-file-input").setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
  await wizardAt(page, "reading");
}

describe("importing a client base in the browser", () => {
  let page: Page;

  it("reads a Windows-1251 CSV with `;`: encoding and delimiter detected, first rows shown, re-read on request", async () => {
    page = await harness.newPage("head1", TEAM_PASSWORD, "nav-imports");
    await page.getByTestId("nav-imports").click();
    await page.getByTestId("import-history").waitFor();
    await upload(page, FILE, cp1251(LINES.join("\r\n") + "\r\n"));

    await expect(page.getByTestId("import-encoding-confidence").textContent()).resolves.toBe("Detected: Windows-1251, 95% sure");
    await expect(page.getByTestId("import-delimiter-confidence").textContent()).resolves.toMatch(/^Detected: Semicolon ;, \d+% sure$/);
    await expect(page.getByTestId("import-preview-header").allTextContents()).resolves.toEqual(HEADERS.split(";"));
    await expect(page.getByTestId("import-preview-row").first().textContent()).resolves.toContain("ООО «Ромашка»");
    await expect(page.getByTestId("import-preview-row").count()).resolves.toBe(5);

    // Read as UTF-8 the Cyrillic breaks; back to Windows-1251 it is whole again.
    await page.getByTestId("import-encoding").getByText("UTF-8").click();
    await expect.poll(() => page.getByTestId("import-preview-header").first().textContent()).toContain("\uFFFD");
    await page.getByTestId("import-encoding").getByText("Windows-1251").click();
    await expect.poll(() => page.getByTestId("import-preview-header").first().textContent()).toBe("Компания");
    await page.screenshot({ path: `${SHOTS}/conveyor-import-reading.png`, fullPage: true });
  });

  it("guesses the columns from the Cyrillic headers and wants a source before the dry run", async () => {
    await page.getByTestId("import-reading-next").click();
    await wizardAt(page, "mapping");
    await expect(page.getByTestId("import-mapping-from").getAttribute("data-from")).resolves.toBe("guess");
    const shown = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => page.getByTestId(`import-mapping-${i}`).inputValue()));
    expect(shown).toEqual(["Company name", "Tax id (INN / EDRPOU)", "Phone", "Email", "Contact person", "Region / city"]);

    // Without the name column the file cannot go in: the screen says why and holds the dry run back.
    await pick(page, page.getByTestId("import-mapping-0"), "Don't import");
    await expect(page.getByTestId("import-mapping-problems").textContent()).resolves.toContain("Pick the column with the company name.");
    await pick(page, page.getByTestId("import-mapping-0"), "Company name");
    await expect(page.getByTestId("import-mapping-problems").count()).resolves.toBe(0);

    await expect(page.getByTestId("import-dry-run").isDisabled()).resolves.toBe(true);
    await pick(page, page.getByTestId("import-source"), SOURCE);
    await expect(page.getByTestId("import-dry-run").isEnabled()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/conveyor-import-mapping.png`, fullPage: true });
  });

  it("shows the dry run's counts, its reasons in words and the first rejected lines", async () => {
    await page.getByTestId("import-dry-run").click();
    await wizardAt(page, "dryRun");
    expect(await Promise.all(["created", "merged", "skipped", "rejected"].map((k) => count(page, `import-dry-counts-${k}`)))).toEqual(["2", "0", "1", "2"]);
    await expect(page.getByTestId("import-dry-reject-reasons").textContent()).resolves.toContain("The phone number is not valid");
    await expect(page.getByTestId("import-dry-skip-reasons").textContent()).resolves.toContain("Empty rows");
    const rejects = page.getByTestId("import-reject-row");
    await expect(rejects.count()).resolves.toBe(2);
    await expect(rejects.nth(0).getAttribute("data-line")).resolves.toBe("4");
    await expect(rejects.nth(0).textContent()).resolves.toBe("4The tax id (INN / EDRPOU) is not validTax id (INN / EDRPOU)1234");
    await expect(rejects.nth(1).textContent()).resolves.toBe("5The phone number is not validPhone12345");
    await page.screenshot({ path: `${SHOTS}/conveyor-import-dry-run.png`, fullPage: true });
  });

  it("runs it to the end with the final counts, and the error report lists the rejected rows", async () => {
    await page.getByTestId("import-run").click();
    await wizardAt(page, "run");
    await page.locator('[data-testid="import-run-state"][data-status="done"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("import-run-progress").getAttribute("data-value")).resolves.toBe("100");
    expect(await Promise.all(["created", "merged", "skipped", "rejected"].map((k) => count(page, `import-run-counts-${k}`)))).toEqual(["2", "0", "1", "2"]);
    await expect(page.getByTestId("import-run-reject-reasons").textContent()).resolves.toContain("The tax id (INN / EDRPOU) is not valid");
    await page.screenshot({ path: `${SHOTS}/conveyor-import-done.png`, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("import-error-report").click()]);
    expect(download.suggestedFilename()).toBe("клиенты_2025-errors.csv");
    const report = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
    // In English the report is comma-separated (Excel's list separator there); the file's own cells follow the reason.
    expect(report).toEqual([
      `Line,Reason,Value,Code,${HEADERS.replaceAll(";", ",")}`,
      "4,The tax id (INN / EDRPOU) is not valid,1234,legal_id_invalid,Без ИНН,1234,063 000 00 01,,,",
      "5,The phone number is not valid,12345,phone_invalid,Плохой телефон,,12345,,,",
    ]);

    const row = page.locator('[data-testid="import-history-row"][data-status="done"]');
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.textContent()).resolves.toContain(FILE);
    await expect(row.textContent()).resolves.toContain("Halyna Head");
    await expect(row.getByTestId("import-history-report").count()).resolves.toBe(1);
  });

  it("puts the companies in the base with their source, each saying on its timeline which file it came from", async () => {
    await page.getByTestId("import-open-companies").click();
    await page.waitForURL(/\/companies\?sourceId=\d+$/);
    await expect.poll(() => page.getByTestId("company-row").count()).toBe(2);
    await page.getByTestId("company-row").filter({ hasText: "ООО «Ромашка»" }).click();
    await page.waitForURL(/\/companies\/\d+$/);
    await expect.poll(() => page.locator("body").textContent()).toContain(`Imported from ${FILE} (line 2)`);
    await expect(page.locator("body").textContent()).resolves.toContain(SOURCE);
  });

  it("offers the next file of the same shape the mapping just used", async () => {
    await page.getByTestId("nav-imports").click();
    await upload(page, "клиенты 2026.csv", cp1251(`${HEADERS}\r\nООО Новая;;063 000 00 03;;;\r\n`));
    await page.getByTestId("import-reading-next").click();
    await wizardAt(page, "mapping");
    await expect(page.getByTestId("import-mapping-from").getAttribute("data-from")).resolves.toBe("preset");
    await expect(page.getByTestId("import-mapping-from").textContent()).resolves.toBe("The mapping you used last time for files of this shape");
  });

  it("shows a run that stopped mid-file as failed, and resumes it from the history to the end", async () => {
    await page.reload();
    const rows = Array.from({ length: 5 }, (_, i) => `ООО Сбой ${i + 1};;063 000 10 0${i + 1};;;`);
    await upload(page, "сбой.csv", cp1251([HEADERS, ...rows].join("\r\n") + "\r\n"));
    const row = page.getByTestId("import-history-row").filter({ hasText: "сбой.csv" });
    await row.waitFor();
    const id = Number(await row.getAttribute("data-import-id"));

    // The server's run dies after its first committed batch (two rows), as on a full disk.
    const db = harness.database.db;
    const [stored] = await selectRows<{ stored_path: string }>(db, sql`select stored_path from imports where id = ${id}`);
    const headId = (await harness.userIds()).get("head1")!;
    const claim = await startImport(db, id, stored!.stored_path, { mapping: ["legalName", "legalId", "phone", "email", "contactName", "region"], batchSize: 2 }, headId, "Europe/Kyiv");
    const diskFull = () => {
      throw new Error("disk full");
    };
    await expect(continueImport(db, claim, "Europe/Kyiv", { onBatch: diskFull })).rejects.toThrow("disk full");

    await page.reload();
    const failed = page.locator(`[data-testid="import-history-row"][data-import-id="${id}"][data-status="failed"]`);
    await failed.getByTestId("import-history-show").click();
    await page.getByTestId("import-failed").waitFor();
    await expect(page.getByTestId("import-failed").textContent()).resolves.toContain("disk full");
    await expect(page.getByTestId("import-failed").textContent()).resolves.toContain("Everything up to line 3 is saved.");
    expect(await count(page, "import-run-counts-created")).toBe("2");

    await page.getByTestId("import-resume").click();
    await page.locator('[data-testid="import-run-state"][data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await count(page, "import-run-counts-created")).toBe("5");
    await expect(page.locator(`[data-testid="import-history-row"][data-import-id="${id}"][data-status="done"]`).count()).resolves.toBe(1);
    await page.context().close();
  });

  it("gives a sales manager the forbidden page and no menu entry", async () => {
    const manager = await harness.newPage("manager1", TEAM_PASSWORD, "nav-queue");
    await expect(manager.getByTestId("nav-imports").count()).resolves.toBe(0);
    await manager.goto(`${harness.baseUrl}/imports`);
    await manager.getByTestId("forbidden").waitFor();
    await expect(manager.getByTestId("import-wizard").count()).resolves.toBe(0);
    await manager.context().close();
  });
});
