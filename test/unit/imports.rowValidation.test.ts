import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../src/domain/imports/fields.js";
import { validateRow, type RowContext } from "../../src/domain/imports/rowValidation.js";

const ctx: RowContext = {
  country: "UA",
  sourceId: 7,
  sourcesByName: new Map([
    ["виставка київ", { id: 3, active: true }],
    ["старий партнер", { id: 4, active: false }],
  ]),
  today: "2025-06-30",
  currency: "UAH",
};

const mapping: ColumnMapping = ["legalName", "legalId", "phone", "phone", "email", "contactName", "position", "industry", "region", "size", "groupName", "source"];
const row = (cells: Partial<Record<number, string>>) => mapping.map((_, i) => cells[i] ?? "");

describe("a row of an imported file", () => {
  it("is normalised: tax id checked, phones in E.164 from both columns, emails in lower case, the file's source", () => {
    const verdict = validateRow(row({ 0: ' ТОВ "Їжак" ', 1: "32855961", 2: "067 123 45 67, 044 234-56-78", 3: "+380671234567", 4: "Sales@Izhak.UA", 5: "Олена", 9: "мала" }), mapping, ctx);
    expect(verdict).toEqual({
      kind: "row",
      row: {
        legalName: 'ТОВ "Їжак"',
        legalId: "32855961",
        legalIdKind: "edrpou",
        phones: ["+380671234567", "+380442345678"],
        emails: ["sales@izhak.ua"],
        contactName: "Олена",
        position: null,
        industry: null,
        region: null,
        size: "small",
        groupName: null,
        sourceId: 7,
        purchase: null,
      },
    });
  });

  it("takes its source column over the file's source, by name in any case", () => {
    expect(validateRow(row({ 0: "A", 2: "0671234567", 11: "Виставка  КИЇВ" }), mapping, ctx)).toMatchObject({ kind: "row", row: { sourceId: 3 } });
  });

  it("is blank when every mapped cell is empty or a placeholder", () => {
    expect(validateRow(row({ 0: " ", 2: "-", 4: "н/д" }), mapping, ctx)).toEqual({ kind: "blank" });
    expect(validateRow([], mapping, ctx)).toEqual({ kind: "blank" });
  });

  it.each([
    [{ 0: "A", 1: "32855962" }, "legal_id_invalid", "legalId", "32855962"],
    [{ 0: "A", 2: "12345" }, "phone_invalid", "phone", "12345"],
    [{ 0: "A", 2: "0671234567, 999" }, "phone_invalid", "phone", "999"],
    [{ 0: "A", 4: "not-an-email" }, "email_invalid", "email", "not-an-email"],
    [{ 0: "A", 2: "0671234567", 9: "огромная" }, "size_invalid", "size", "огромная"],
    [{ 0: "A", 2: "0671234567", 11: "Нет такого" }, "source_unknown", "source", "Нет такого"],
    [{ 0: "A", 2: "0671234567", 11: "Старий партнер" }, "source_inactive", "source", "Старий партнер"],
    [{ 0: "A", 7: "IT" }, "identifier_missing", null, null],
    [{ 0: "x".repeat(501), 2: "0671234567" }, "value_too_long", "legalName", `${"x".repeat(200)}…`],
  ] as const)("%j is rejected as %s", (cells, code, field, value) => {
    expect(validateRow(row(cells), mapping, ctx)).toEqual({ kind: "rejected", rejection: { code, field, value } });
  });

  it("may lack a name: only a row that creates a company needs one (the planner decides)", () => {
    expect(validateRow(row({ 1: "32855961" }), mapping, ctx)).toMatchObject({ kind: "row", row: { legalName: null, legalId: "32855961" } });
  });

  describe("with purchase columns", () => {
    const withPurchase: ColumnMapping = ["legalName", "phone", "orderDate", "productName", "quantity", "amount", "currency"];
    const cells = (...values: string[]) => values;

    it("reads the purchase: date, product, quantity, amount in minor units, currency (the team's when none)", () => {
      expect(validateRow(cells("A", "0671234567", "15.01.2025", "Папір А4", "3", "1 234,50", ""), withPurchase, ctx)).toMatchObject({
        kind: "row",
        row: { purchase: { orderedOn: "2025-01-15", productName: "Папір А4", quantity: 3, amountMinor: 123450, currency: "UAH" } },
      });
    });

    it("a row without purchase cells is a company alone", () => {
      expect(validateRow(cells("A", "0671234567", "", "", "", "", ""), withPurchase, ctx)).toMatchObject({ kind: "row", row: { purchase: null } });
    });

    it.each([
      [cells("A", "0671234567", "", "Папір", "1", "10", ""), "purchase_incomplete", "orderDate"],
      [cells("A", "0671234567", "32.01.2025", "Папір", "1", "10", ""), "date_invalid", "orderDate"],
      [cells("A", "0671234567", "01.07.2025", "Папір", "1", "10", ""), "date_in_future", "orderDate"],
      [cells("A", "0671234567", "01.06.2025", "Папір", "1,5", "10", ""), "quantity_invalid", "quantity"],
      [cells("A", "0671234567", "01.06.2025", "Папір", "1", "десять", ""), "amount_invalid", "amount"],
      [cells("A", "0671234567", "01.06.2025", "Папір", "1", "10", "тугрики"), "currency_invalid", "currency"],
    ])("%j is rejected as %s", (values, code, field) => {
      expect(validateRow(values, withPurchase, ctx)).toMatchObject({ kind: "rejected", rejection: { code, field } });
    });
  });
});
