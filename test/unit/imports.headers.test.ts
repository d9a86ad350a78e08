import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMapping, MULTI_COLUMN_FIELDS, purchaseFieldsOf } from "../../src/domain/imports/fields.js";
import { fileSignature, guessField, guessMapping, normaliseHeader } from "../../src/domain/imports/headers.js";

describe("headers people write, and the fields they mean", () => {
  it.each([
    ["ИНН", "legalId"],
    ["ЄДРПОУ", "legalId"],
    ["ЕГРПОУ", "legalId"],
    ["Код ЄДРПОУ", "legalId"],
    ["ИНН/КПП", "legalId"],
    ["Tax ID", "legalId"],
    ["Телефон", "phone"],
    ["Тел.", "phone"],
    ["Моб.", "phone"],
    ["Контактный телефон", "phone"],
    ["Phone", "phone"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["Эл. почта", "email"],
    ["Електронна пошта", "email"],
    ["Компания", "legalName"],
    ["Назва", "legalName"],
    ["Наименование", "legalName"],
    ["Назва компанії", "legalName"],
    ["Company name", "legalName"],
    ["Контактное лицо", "contactName"],
    ["ПІБ", "contactName"],
    ["Ф.И.О.", "contactName"],
    ["Ім'я", "contactName"],
    ["Должность", "position"],
    ["Отрасль", "industry"],
    ["Галузь", "industry"],
    ["Регион", "region"],
    ["Область", "region"],
    ["Город", "region"],
    ["Місто", "region"],
    ["Размер компании", "size"],
    ["Холдинг", "groupName"],
    ["Source", "source"],
    ["Источник", "source"],
    ["Джерело", "source"],
    ["Дата заказа", "orderDate"],
    ["Дата", "orderDate"],
    ["Сумма", "amount"],
    ["Товар", "productName"],
    ["Наименование товара", "productName"],
    ["Кол-во", "quantity"],
    ["Кількість", "quantity"],
    ["Валюта", "currency"],
  ] as const)("%j means %s", (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it.each(["", "№", "Примечание", "Дата создания", "Комментарий", "ID"])("%j means nothing to import", (header) => {
    expect(guessField(header)).toBeNull();
  });

  it("a file with two phone columns maps both; a second name column is left to the person", () => {
    expect(guessMapping(["Компания", "Телефон", "Моб.", "Название", "Примечание"])).toEqual(["legalName", "phone", "phone", null, null]);
  });

  it("headers fold: case, ё, punctuation and spaces aside", () => {
    expect(normaliseHeader("  Эл.  Почта: ")).toBe("эл почта");
    expect(normaliseHeader("Ответственный (Ё)")).toBe("ответственный е");
    expect(normaliseHeader("Ім’я")).toBe("ім я");
  });

  it("the file shape signature ignores case, punctuation and trailing empty columns, not the order", () => {
    expect(fileSignature(["Компания", "Тел.", "E-mail", "", ""])).toBe(fileSignature(["КОМПАНИЯ", "тел", "E mail"]));
    expect(fileSignature(["Компания", "Тел."])).not.toBe(fileSignature(["Тел.", "Компания"]));
  });

  it("property: a guessed mapping has a field or null per column, and single-column fields once", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("Компания", "Назва", "ИНН", "Телефон", "Моб.", "Email", "Город", "Сумма", "Дата"), fc.string()), { maxLength: 20 }), (headers) => {
        const mapping = guessMapping(headers);
        expect(mapping).toHaveLength(headers.length);
        const used = mapping.filter((f) => f !== null);
        for (const field of used) if (!MULTI_COLUMN_FIELDS.includes(field)) expect(used.filter((f) => f === field)).toHaveLength(1);
      }),
    );
  });

  it("property: folding is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (header) => {
        expect(normaliseHeader(normaliseHeader(header))).toBe(normaliseHeader(header));
      }),
    );
  });
});

describe("a mapping a file can be imported with", () => {
  it("needs one entry per column, a name column and an identifier column", () => {
    expect(checkMapping(["legalName", "legalId", null], 3)).toEqual([]);
    expect(checkMapping(["legalName", "phone", "phone", "email", "email"], 5)).toEqual([]);
    expect(checkMapping(["legalName", "legalId"], 3)).toEqual([{ problem: "column_count", expected: 3, got: 2 }]);
    expect(checkMapping(["legalId", "phone"], 2)).toEqual([{ problem: "legal_name_unmapped" }]);
    expect(checkMapping(["legalName", "industry"], 2)).toEqual([{ problem: "identifier_unmapped" }]);
    expect(checkMapping(["legalName", "legalName", "phone"], 3)).toEqual([{ problem: "field_repeated", field: "legalName" }]);
  });

  it("knows which fields are a purchase", () => {
    expect(purchaseFieldsOf(["legalName", "orderDate", "phone", "amount", null])).toEqual(["orderDate", "amount"]);
  });
});
