import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../../src/db/connect.js";
import { addDays } from "../../src/domain/reorder.js";
import { DEFAULT_WORKING_HOURS, dayOf } from "../../src/domain/workingTime.js";
import { exportFile } from "../../src/features/exports/exportFile.js";
import type { ExportSheet } from "../../src/features/exports/sheet.js";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

/**
 * Exports over HTTP on a real database: the company list, the customers and the invoices as CSV
 * and XLSX, with the lists' own filters and scope, refused to the roles that may not take the
 * base out, and every export in the log with its filters and row count.
 */
type Client = ApiClient & { user: TestUser };
let server: TestServer;
let head: Client;
let headRu: Client;
let admin: Client;
let office: Client;
let officeUk: Client;
let caller: Client;
let manager: Client;
let am: Client;
let otherAm: Client;
const db = () => server.database.db;
const today = dayOf(new Date(), DEFAULT_WORKING_HOURS);
const ids = { dolyna: 0, formula: 0, held: 0, steady: 0, other: 0, invoiceOverdue: 0, invoicePaid: 0 };
let sourceId = 0;
let productId = 0;

interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  bytes: Buffer;
  json: { error?: { code: string } } | null;
}

/** Downloads an export as the browser would: a plain GET with the session cookie. */
async function download(client: ApiClient, path: string): Promise<Download> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookie } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type");
  return { status: res.status, type, disposition: res.headers.get("content-disposition"), bytes, json: type?.startsWith("application/json") ? JSON.parse(bytes.toString("utf8")) : null };
}

/** A CSV file's records (BOM off, Windows line ends, the last empty line dropped), split naively: fine for test data without quotes. */
function csvLines(file: Download): string[] {
  expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = file.bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines.pop()).toBe("");
  return lines;
}

async function workbookOf(file: Download): Promise<ExcelJS.Workbook> {
  expect(file.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  return workbook;
}

const lastLogged = async () =>
  (
    await selectRows<{ user_id: number; what: string; format: string; params: Record<string, unknown>; row_count: number }>(
      db(),
      sql`select user_id, what, format, params, row_count from export_log order by id desc limit 1`,
    )
  )[0];
const loggedCount = async () => (await selectRows<{ n: number }>(db(), sql`select count(*)::int as n from export_log`))[0]!.n;
const companyCount = async () => (await selectRows<{ n: number }>(db(), sql`select count(*)::int as n from companies`))[0]!.n;

/** A customer held by `holder` in tier 3, as the conveyor gets it there. */
async function customer(legalName: string, holder: TestUser): Promise<number> {
  const id = (await head.post("/api/companies", { legalName, industry: "Printing" })).body.company.id as number;
  expect((await head.post(`/api/companies/${id}/handoff`, { toUserId: manager.user.id })).status).toBe(200);
  expect((await head.post(`/api/companies/${id}/handoff`, { toUserId: holder.id })).status).toBe(200);
  return id;
}

async function orderOf(companyId: number, orderedOn: string, amountMinor: number): Promise<number> {
  const res = await office.post(`/api/companies/${companyId}/orders`, { orderedOn, currency: "UAH", lines: [{ productId, quantity: 1, amountMinor }] });
  expect(res.status).toBe(201);
  return res.body.order.id;
}

beforeAll(async () => {
  server = await startTestServer();
  head = await server.signedIn("head");
  headRu = await server.signedIn(await server.createUser("head", undefined, { language: "ru" }));
  admin = await server.signedIn("admin");
  office = await server.signedIn("back_office");
  officeUk = await server.signedIn(await server.createUser("back_office", undefined, { language: "uk" }));
  caller = await server.signedIn("caller");
  manager = await server.signedIn("manager");
  am = await server.signedIn("account_manager");
  otherAm = await server.signedIn("account_manager");

  sourceId = (await head.post("/api/sources", { name: "Виставка «Агро»", kind: "exhibition" })).body.source.id;
  const dolyna = await head.post("/api/companies", {
    legalName: 'ТОВ "Сонячна Долина"',
    legalId: "32855961",
    industry: "Агро",
    size: "medium",
    region: "Київ",
    sourceId,
    groupName: "Долина Холдинг",
    contacts: [
      { fullName: "Олег Бондар", position: "Директор", phones: ["067 555 12 34", "+38 (044) 234-56-78"], emails: ["Oleg@Dolyna.UA"], decisionMaker: true },
      { fullName: "Ірина Коваль", phones: ["050 111 22 33"], emails: ["iryna@dolyna.ua", "buh@dolyna.ua"] },
    ],
  });
  expect(dolyna.status).toBe(201);
  ids.dolyna = dolyna.body.company.id;
  ids.formula = (await head.post("/api/companies", { legalName: '=HYPERLINK("http://evil.example","Click")', industry: "Printing", region: "Lviv" })).body.company.id;
  ids.held = (await head.post("/api/companies", { legalName: "Held By Caller", industry: "Printing", region: "Lviv" })).body.company.id;
  expect((await head.post(`/api/companies/${ids.held}/holder`, { userId: caller.user.id })).status).toBe(200);

  productId = (await head.post("/api/products", { name: "Export paper" })).body.product.id;
  ids.steady = await customer("Steady Printing", am.user);
  ids.other = await customer("Other Printing", otherAm.user);
  const overdueOrder = await orderOf(ids.steady, addDays(today, -40), 12_345);
  const paidOrder = await orderOf(ids.steady, addDays(today, -20), 500_000);
  await orderOf(ids.other, addDays(today, -5), 7_000);
  const overdue = await office.post(`/api/orders/${overdueOrder}/invoice`, { number: "INV-1", issuedOn: addDays(today, -40), dueOn: addDays(today, -30) });
  expect(overdue.status).toBe(201);
  ids.invoiceOverdue = overdue.body.invoice.id;
  const paid = await office.post(`/api/orders/${paidOrder}/invoice`, { number: "INV-2", issuedOn: addDays(today, -20), dueOn: addDays(today, -10) });
  ids.invoicePaid = paid.body.invoice.id;
  expect((await office.post(`/api/invoices/${ids.invoicePaid}/pay`, { paidOn: addDays(today, -12) })).status).toBe(200);
});
afterAll(() => server.close());

describe("companies", () => {
  const HEADER_EN = "ID,Legal name,Tax id,Kind of tax id,Group,Industry,Size,Region,Source,Stage,Holder,Tier,Next touch,Added,Contact person,Phones,Email";

  it("CSV in English: UTF-8 with a BOM, commas, the header in English, every company, Cyrillic intact, logged", async () => {
    const file = await download(head, "/api/companies/export?format=csv");
    expect(file.status).toBe(200);
    expect(file.type).toBe("text/csv; charset=utf-8");
    expect(file.disposition).toBe(`attachment; filename="companies-${today}.csv"`);
    const [header, ...rows] = csvLines(file);
    expect(header).toBe(HEADER_EN);
    expect(rows).toHaveLength(await companyCount());
    const dolyna = rows.find((r) => r.startsWith(`${ids.dolyna},`))!;
    expect(dolyna).toMatch(
      new RegExp(
        `^${ids.dolyna},"ТОВ ""Сонячна Долина""",32855961,EDRPOU,Долина Холдинг,Агро,Medium,Київ,Виставка «Агро»,Cold,,,[^,]*,${today} \\d\\d:\\d\\d,` +
          `Олег Бондар \\(Директор\\); Ірина Коваль,"\\+380675551234, \\+380442345678, \\+380501112233","oleg@dolyna.ua, iryna@dolyna.ua, buh@dolyna.ua"$`,
      ),
    );
    expect(rows.find((r) => r.startsWith(`${ids.held},`))).toContain(`,Held By Caller,,,,Printing,,Lviv,,Cold,caller ${caller.user.username},1,`);
    expect(await lastLogged()).toEqual({ user_id: head.user.id, what: "companies", format: "csv", params: {}, row_count: rows.length });
  });

  it("CSV in Russian: semicolons, a Russian header and Russian words for stages and sizes, only the filtered companies", async () => {
    const file = await download(headRu, `/api/companies/export?format=csv&industry=${encodeURIComponent("Агро")}`);
    expect(file.status).toBe(200);
    const lines = csvLines(file);
    expect(lines[0]).toBe(
      "ID;Юридическое название;ИНН / ЕГРПОУ;Вид кода;Группа компаний;Отрасль;Размер;Регион;Источник;Стадия;Ответственный;Уровень;Следующее касание;Добавлена;Контактное лицо;Телефоны;Email",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${ids.dolyna};"ТОВ ""Сонячна Долина""";32855961;ЕГРПОУ;Долина Холдинг;Агро;Средняя;Київ;Виставка «Агро»;Холодная;;;;`));
    expect(await lastLogged()).toEqual({ user_id: headRu.user.id, what: "companies", format: "csv", params: { industry: "Агро" }, row_count: 1 });
  });

  it("takes the list's own filters and search, and exports exactly what the list shows", async () => {
    const queries = [
      "region=Lviv",
      "stage=customer",
      `sourceId=${sourceId}`,
      `holderId=${caller.user.id}`,
      "size=medium",
      `groupName=${encodeURIComponent("Долина Холдинг")}`,
      "industry=Printing&region=Lviv",
      `q=${encodeURIComponent("Сонячна")}`,
      "q=3285",
      `q=${encodeURIComponent("+380 67 555")}`,
      "q=Steady",
      "q=zzz-nothing",
    ];
    for (const query of queries) {
      const listed = (await head.get(`/api/companies?${query}&limit=200`)).body.items.map((c: { id: number }) => c.id).sort((a: number, b: number) => a - b);
      const file = await download(head, `/api/companies/export?${query}&format=csv`);
      expect(file.status, query).toBe(200);
      const exported = csvLines(file).slice(1).map((line) => Number(line.split(",")[0]));
      expect(exported, query).toEqual(listed);
    }
    expect(await download(head, "/api/companies/export?q=zzz-nothing&format=csv").then(csvLines)).toEqual([HEADER_EN]);
  });

  it("XLSX: a frozen bold header and typed cells (numbers, local date-times), read back", async () => {
    const file = await download(office, `/api/companies/export?format=xlsx&sourceId=${sourceId}`);
    expect(file.status).toBe(200);
    expect(file.disposition).toBe(`attachment; filename="companies-${today}.xlsx"`);
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Companies"]);
    const sheet = workbook.getWorksheet("Companies")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(",")).toBe(HEADER_EN);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(ids.dolyna);
    expect(row.getCell(2).value).toBe('ТОВ "Сонячна Долина"');
    expect(row.getCell(3).value).toBe("32855961");
    const added = row.getCell(14).value as Date;
    expect(added).toBeInstanceOf(Date);
    expect(added.toISOString().slice(0, 10)).toBe(today);
    expect(row.getCell(14).numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(row.getCell(16).value).toBe("+380675551234, +380442345678, +380501112233");
    expect(await lastLogged()).toEqual({ user_id: office.user.id, what: "companies", format: "xlsx", params: { sourceId }, row_count: 1 });
  });

  it("writes a name that looks like a formula as text: an apostrophe in CSV, a plain string cell in XLSX", async () => {
    const csv = csvLines(await download(head, "/api/companies/export?format=csv&region=Lviv"));
    // csv-stringify quotes the cell (it holds quotes); the apostrophe keeps Excel from running it.
    expect(csv.find((line) => line.startsWith(`${ids.formula},`))).toMatch(/^\d+,"'=HYPERLINK\(""http:\/\/evil\.example"",""Click""\)",,,,Printing,,Lviv,,Cold,/);
    const workbook = await workbookOf(await download(head, `/api/companies/export?format=xlsx&region=Lviv`));
    const cell = workbook.worksheets[0]!.getRows(2, 2)!.find((r) => r.getCell(1).value === ids.formula)!.getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","Click")');
  });
});

describe("who may export", () => {
  const lists = ["/api/companies/export", "/api/accounts/export", "/api/invoices/export"];

  it("refuses callers, sales managers and account managers (even their own companies), and logs nothing", async () => {
    const before = await loggedCount();
    for (const client of [caller, manager, am]) {
      for (const list of lists) {
        const file = await download(client, `${list}?format=csv`);
        expect([file.status, file.json?.error?.code], `${client.user.role} ${list}`).toEqual([403, "forbidden"]);
      }
    }
    expect(await loggedCount()).toBe(before);
  });

  it("lets the back office export the base, customers and invoices but not the callers' results; the head and the admin everything", async () => {
    const results = `/api/calling/results/export?from=${addDays(today, -7)}&to=${today}&format=csv`;
    expect((await download(office, results)).status).toBe(403);
    expect((await download(caller, results)).status).toBe(403);
    for (const client of [head, admin]) expect((await download(client, results)).status).toBe(200);
    for (const client of [office, admin]) {
      for (const list of lists) expect((await download(client, `${list}?format=xlsx`)).status, `${client.user.role} ${list}`).toBe(200);
    }
  });

  it("refuses a format it does not write (400 export_format_invalid) and bad filters (400), logging nothing", async () => {
    const before = await loggedCount();
    for (const list of [...lists, `/api/calling/results/export?from=${today}&to=${today}&`]) {
      const join = list.endsWith("&") ? "" : "?";
      for (const query of ["format=pdf", "", "format=CSV"]) {
        const file = await download(head, `${list}${join}${query}`);
        expect([file.status, file.json?.error?.code], `${list} ${query}`).toEqual([400, "export_format_invalid"]);
      }
    }
    for (const path of ["/api/companies/export?format=csv&stage=hot", "/api/accounts/export?format=csv&reorder=soon", "/api/invoices/export?format=csv&status=lost", "/api/companies/export?format=csv&limit=5"]) {
      const file = await download(head, path);
      expect([file.status, file.json?.error?.code], path).toEqual([400, "validation_failed"]);
    }
    expect(await loggedCount()).toBe(before);
  });

  it("runs no export for a HEAD request (a link preview must not fill the log)", async () => {
    const before = await loggedCount();
    for (const list of [...lists, "/api/commissions/export"]) {
      const res = await fetch(`${server.url}${list}?format=csv`, { method: "HEAD", headers: { cookie: head.cookie } });
      // No export route answers HEAD (a neighbouring /:id route may refuse the path instead).
      expect([400, 404], list).toContain(res.status);
    }
    expect(await loggedCount()).toBe(before);
  });
});

describe("customers and invoices", () => {
  it("exports the customer list with its filters, in the exporter's language", async () => {
    const all = await download(head, "/api/accounts/export?format=csv");
    expect(all.status).toBe(200);
    expect(all.disposition).toBe(`attachment; filename="customers-${today}.csv"`);
    const [header, ...rows] = csvLines(all);
    expect(header).toBe(
      "ID,Legal name,Tax id,Industry,Size,Region,Account manager,Segment,R (recency),F (frequency),M (monetary),Last purchase,Purchases,12-month amount,Next purchase,Interval (days),Forecast confidence,Reorder,Next touch,Overdue invoices",
    );
    const listed = (await head.get("/api/accounts?limit=200")).body.items.map((a: { companyId: number }) => a.companyId).sort((a: number, b: number) => a - b);
    expect(rows.map((r) => Number(r.split(",")[0]))).toEqual(listed);
    const steady = rows.find((r) => r.startsWith(`${ids.steady},`))!;
    expect(steady).toContain(`,Steady Printing,,Printing,,,account_manager ${am.user.username},`);
    expect(steady).toMatch(/,1$/); // one overdue invoice

    const mine = csvLines(await download(officeUk, `/api/accounts/export?format=csv&holderId=${otherAm.user.id}`));
    expect(mine[0]!.startsWith("ID;Юридична назва;ЄДРПОУ / ІПН;Галузь;Розмір;Регіон;Відповідальний;Сегмент;")).toBe(true);
    expect(mine.slice(1).map((r) => Number(r.split(";")[0]))).toEqual([ids.other]);
    expect(await lastLogged()).toEqual({ user_id: officeUk.user.id, what: "accounts", format: "csv", params: { holderId: otherAm.user.id }, row_count: 1 });
  });

  it("exports invoices by status: amounts with a decimal comma in Ukrainian, typed amounts and dates in XLSX", async () => {
    const overdue = csvLines(await download(officeUk, "/api/invoices/export?format=csv&status=overdue"));
    expect(overdue[0]).toBe("Номер рахунку;Дата рахунку;Сплатити до;Статус;ID компанії;Компанія;ЄДРПОУ / ІПН;Замовлення;Сума;Валюта;Дата оплати;Причина скасування;Виставив");
    expect(overdue).toHaveLength(2);
    expect(overdue[1]).toMatch(new RegExp(`^INV-1;${addDays(today, -40)};${addDays(today, -30)};Прострочено;${ids.steady};Steady Printing;;\\d+;123,45;UAH;;;back_office `));
    expect(await lastLogged()).toMatchObject({ user_id: officeUk.user.id, what: "invoices", params: { status: "overdue" }, row_count: 1 });

    const file = await download(head, "/api/invoices/export?format=xlsx");
    expect(file.disposition).toBe(`attachment; filename="invoices-${today}.xlsx"`);
    const sheet = (await workbookOf(file)).getWorksheet("Invoices")!;
    expect(sheet.rowCount).toBe(3);
    const paid = sheet.getRows(2, 2)!.find((r) => r.getCell(1).value === "INV-2")!;
    expect(paid.getCell(2).value).toEqual(new Date(`${addDays(today, -20)}T00:00:00Z`));
    expect(paid.getCell(2).numFmt).toBe("yyyy-mm-dd");
    expect(paid.getCell(4).value).toBe("Paid");
    expect(paid.getCell(9).value).toBe(5000);
    expect(paid.getCell(9).numFmt).toBe("#,##0.00");
    expect(paid.getCell(11).value).toEqual(new Date(`${addDays(today, -12)}T00:00:00Z`));
  });

  it("narrows invoices to one customer only for those who may read its account", async () => {
    const one = csvLines(await download(office, `/api/invoices/export?format=csv&companyId=${ids.other}`));
    expect(one).toHaveLength(1); // its order is not billed
    expect((await download(office, `/api/invoices/export?format=csv&companyId=${ids.steady}`)).status).toBe(200);
  });
});

describe("callers' results", () => {
  it("exports the head's table of results per caller and day", async () => {
    const file = await download(headRu, `/api/calling/results/export?from=${today}&to=${today}&format=csv`);
    expect(file.status).toBe(200);
    const lines = csvLines(file);
    expect(lines[0]).toBe("День;Оператор;Звонки;Дозвоны;Заинтересованы;Переданы;Купили");
    expect(lines).toContain(`${today};caller ${caller.user.username};0;0;0;0;0`);
    expect(await lastLogged()).toMatchObject({ what: "caller_results", params: { from: today, to: today }, row_count: lines.length - 1 });
  });
});

describe("the exports log", () => {
  it("shows the head who exported what, when, with which filters and how many rows, newest first and paged", async () => {
    const total = await loggedCount();
    const page = await head.get("/api/exports/log?limit=2");
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(total);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0]).toMatchObject({ user: { id: headRu.user.id, fullName: `head ${headRu.user.username}`, role: "head" }, what: "caller_results", format: "csv" });
    expect(new Date(page.body.items[0].createdAt).getTime()).toBeGreaterThanOrEqual(new Date(page.body.items[1].createdAt).getTime());
    const next = await head.get("/api/exports/log?limit=2&offset=2");
    expect(next.body.items[0].id).not.toBe(page.body.items[1].id);

    const byOffice = await admin.get(`/api/exports/log?userId=${officeUk.user.id}&what=invoices&limit=50`);
    expect(byOffice.body.items).toEqual([expect.objectContaining({ what: "invoices", format: "csv", params: { status: "overdue" }, rowCount: 1 })]);
  });

  it("is the head's and the admin's only", async () => {
    for (const client of [office, caller, manager, am]) {
      const res = await client.get("/api/exports/log");
      expect([res.status, res.body.error.code], client.user.role).toEqual([403, "forbidden"]);
    }
    expect((await head.get("/api/exports/log?limit=0")).status).toBe(400);
  });
});

describe("streaming", () => {
  it("exports a few thousand companies in several keyset pages: every company once, in id order", async () => {
    await db().execute(
      sql`insert into companies (legal_name, search_name, industry, region) select 'Bulk ' || n, 'bulk ' || n, 'Bulk', 'Одеса' from generate_series(1, 12000) n`,
    );
    const file = await download(head, "/api/companies/export?format=csv");
    expect(file.status).toBe(200);
    const exported = csvLines(file)
      .slice(1)
      .map((line) => Number(line.split(",")[0]));
    expect(exported).toHaveLength(await companyCount());
    expect(exported.every((id, i) => i === 0 || id > exported[i - 1]!)).toBe(true);
    expect((await lastLogged())!.row_count).toBe(exported.length);

    const xlsx = await workbookOf(await download(head, "/api/companies/export?format=xlsx&industry=Bulk"));
    const sheet = xlsx.worksheets[0]!;
    expect(sheet.rowCount).toBe(12_001);
    expect(sheet.getRow(12_001).getCell(2).value).toBe("Bulk 12000");
    expect(sheet.getRow(12_001).getCell(8).value).toBe("Одеса");
    expect((await lastLogged())!.row_count).toBe(12_000);
  }, 120_000);

  /** A sheet of endless pages; `failAt` makes reading that page fail. */
  function endless(rowsPerPage: number, failAt?: number): ExportSheet {
    async function* pages() {
      for (let n = 1; ; n++) {
        if (n === failAt) throw new Error("the database went away");
        yield Array.from({ length: rowsPerPage }, (_, i) => [n * rowsPerPage + i, `Row ${n}.${i}`]);
      }
    }
    return { name: "Rows", columns: [{ header: "N", kind: "integer", width: 6 }, { header: "Name", kind: "text", width: 10 }], pages: pages() };
  }
  const job = (sheet: ExportSheet, format: "csv" | "xlsx") => ({ db: db(), userId: head.user.id, what: "test", format, params: { q: "x" }, language: "en" as const, sheets: [sheet], onLogFailed: () => {} });

  it("logs an export the reader abandoned half-way, with the rows handed out and incomplete: true", async () => {
    for (const format of ["csv", "xlsx"] as const) {
      const chunks = exportFile(job(endless(format === "csv" ? 1 : 500), format));
      for (let i = 0; i < 3; i++) expect((await chunks.next()).done).toBe(false);
      await chunks.return(undefined);
      const logged = (await lastLogged())!;
      expect(logged).toMatchObject({ what: "test", format, params: { q: "x", incomplete: true } });
      expect(logged.row_count).toBeGreaterThanOrEqual(2);
    }
  });

  it("logs an export whose reading failed, and passes the failure on", async () => {
    const chunks = exportFile(job(endless(1, 4), "csv"));
    const received: Buffer[] = [];
    await expect(
      (async () => {
        for await (const chunk of chunks) received.push(chunk);
      })(),
    ).rejects.toThrow("the database went away");
    expect(Buffer.concat(received).toString("utf8")).toBe("\uFEFFN,Name\r\n1,Row 1.0\r\n2,Row 2.0\r\n3,Row 3.0\r\n");
    expect(await lastLogged()).toMatchObject({ what: "test", params: { q: "x", incomplete: true }, row_count: 3 });
  });
});
