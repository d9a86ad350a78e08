import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { companySearchKey, nameQueryKey } from "../../src/domain/companyNames.js";

describe("companySearchKey: what a legal name is searched by", () => {
  it.each([
    ["ООО «Ромашка»", "ромашка"],
    ['ООО "Ромашка"', "ромашка"],
    ["Ромашка ООО", "ромашка"],
    ["ООО. Ромашка", "ромашка"],
    ['ТОВ "Сонце"', "сонце"],
    ["ФОП Іваненко", "іваненко"],
    ["ИП Иванов И.И.", "иванов и.и."],
    ["ПАТ «Укрнафта»", "укрнафта"],
    ["ПрАТ „Київстар“", "київстар"],
    ["АО «Аошка»", "аошка"],
    ["ФГУП «Почта России»", "почта россии"],
    ["Acme Inc", "acme"],
    ["Siemens GmbH", "siemens"],
    ["  ООО   «Ромашка   Плюс»  ", "ромашка плюс"],
  ])("%j -> %j", (legalName, key) => {
    expect(companySearchKey(legalName)).toBe(key);
  });

  it("drops the comma that separates a trailing legal form: «Роги и копыта», ООО -> роги и копыта", () => {
    expect(companySearchKey("«Роги и копыта», ООО")).toBe("роги и копыта");
    expect(companySearchKey("Acme, Inc.")).toBe("acme");
  });

  it("folds ё into е so Ёлка and Елка are one company", () => {
    expect(companySearchKey("ООО «Ёлка»")).toBe("елка");
    expect(companySearchKey("Вёшки")).toBe("вешки");
  });

  it.each([
    ["Аошка", "аошка"],
    ["Паолo", "паолo"],
    ["Ипподром", "ипподром"],
    ["Атлант", "атлант"],
    ["Тов-Трейд", "тов-трейд"],
    ["Incom", "incom"],
    ["ООО «Пп-Сервис»", "пп-сервис"],
    ["ООО «Завод Ао»", "завод"],
  ])("keeps the letters of words that merely contain a legal form: %j -> %j", (legalName, key) => {
    expect(companySearchKey(legalName)).toBe(key);
  });

  it("leaves a name that is only a legal form empty (the search then falls back to nameQueryKey)", () => {
    expect(companySearchKey("ООО")).toBe("");
    expect(nameQueryKey("ООО")).toBe("ооо");
  });

  it("is idempotent: the key of a key is the key", () => {
    const pieces = fc.constantFrom("ООО", "ооо", "АО", "ао", "ТОВ", "ФОП", "Inc.", "LLC", "«", "»", '"', "'", "ё", "Ё", " ", "  ", ".", ",", "-", "Ромашка", "Аошка", "Паолo", "a", "б");
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const key = companySearchKey(parts.join(""));
        expect(companySearchKey(key)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });

  it("never keeps quotes, capitals, ё or outer or doubled spaces", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("ООО ", "Ё", "ё", "«", "»", '"', " ", "Ромашка", "X"), { maxLength: 10 }), (parts) => {
        const key = companySearchKey(parts.join(""));
        expect(key).not.toMatch(/["«»ёЁA-ZА-Я]|^\s|\s$|\s\s/u);
      }),
    );
  });
});

describe("nameQueryKey: what a user types is folded the same way", () => {
  it("lowercases, folds ё, turns quotes into spaces and squeezes spaces, but keeps legal forms", () => {
    expect(nameQueryKey('  ООО  "Ёлка" ')).toBe("ооо елка");
    expect(nameQueryKey("«Ромаш")).toBe("ромаш");
  });

  it("yields a prefix of the stored key when the user types the start of the name", () => {
    expect(companySearchKey("ООО «Ромашка»").startsWith(nameQueryKey("Ромаш"))).toBe(true);
    expect(companySearchKey("ООО «Ёлка-Трейд»").startsWith(nameQueryKey("ёлка-т"))).toBe(true);
  });
});
