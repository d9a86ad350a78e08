import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { edrpouCheckDigit, innCheckDigits } from "../../src/domain/legalIds.js";
import {
  cellText,
  excelSerialDay,
  readAmountMinor,
  readCurrency,
  readDate,
  readEmail,
  readLegalId,
  readPhone,
  readQuantity,
  readSize,
  splitEmails,
  splitPhones,
} from "../../src/domain/imports/values.js";

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const edrpou = digits(7).map((body) => body + edrpouCheckDigit(body));

describe("cells as the base stores them", () => {
  it("placeholders and blank cells are empty", () => {
    expect(cellText("  -  ")).toBe("");
    expect(cellText("н/д")).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText(" ООО  \u00a0Ромашка ")).toBe("ООО Ромашка");
  });

  describe("tax ids", () => {
    it("an EDRPOU, an INN of 10 and 12 digits, with spaces or dashes", () => {
      expect(readLegalId("3285 5961", "UA")).toEqual({ ok: true, value: "32855961", kind: "edrpou" });
      expect(readLegalId("7707083893", "RU")).toEqual({ ok: true, value: "7707083893", kind: "inn" });
      expect(readLegalId("500100732259", "RU")).toEqual({ ok: true, value: "500100732259", kind: "inn" });
    });

    it("an INN/KPP cell keeps the INN", () => {
      expect(readLegalId("7707083893/773601001", "RU")).toEqual({ ok: true, value: "7707083893", kind: "inn" });
    });

    it("a wrong checksum or letters are refused", () => {
      expect(readLegalId("7707083894", "RU")).toEqual({ ok: false });
      expect(readLegalId("ABC", "UA")).toEqual({ ok: false });
      expect(readLegalId("1234", "UA")).toEqual({ ok: false });
    });

    it("ten digits are an RNOKPP first in Ukraine and an INN first elsewhere, when both checksums hold", () => {
      // Find a ten-digit number valid as both, then ask each country.
      let both: string | undefined;
      for (let n = 100_000_000; !both; n++) {
        const body = String(n);
        const asInn = body + innCheckDigits(body);
        const asRnokpp = readLegalId(asInn, "UA");
        if (asRnokpp.ok && asRnokpp.kind === "rnokpp") both = asInn;
      }
      expect(readLegalId(both, "UA")).toMatchObject({ ok: true, kind: "rnokpp" });
      expect(readLegalId(both, "RU")).toMatchObject({ ok: true, kind: "inn" });
    });

    it("property: an EDRPOU that lost its leading zeros in a spreadsheet number is padded back", () => {
      fc.assert(
        fc.property(edrpou, (code) => {
          const asNumber = String(Number(code));
          expect(readLegalId(asNumber, "UA")).toEqual(asNumber.length >= 5 ? { ok: true, value: code, kind: "edrpou" } : { ok: false });
        }),
      );
    });
  });

  describe("phones", () => {
    it("national, international, and a country code without its plus", () => {
      expect(readPhone("044 123-45-67", "UA")).toBe("+380441234567");
      expect(readPhone("+38 (067) 123 45 67", "UA")).toBe("+380671234567");
      expect(readPhone("380441234567", "UA")).toBe("+380441234567");
      expect(readPhone("79161234567", "UA")).toBe("+79161234567");
      expect(readPhone("8 495 123-45-67", "RU")).toBe("+74951234567");
      expect(readPhone("12345", "UA")).toBeNull();
    });

    it("several in a cell", () => {
      expect(splitPhones("067 123 45 67, 044 234-56-78; 050 111 22 33\n063 000 00 00 / 093 111 11 11")).toHaveLength(5);
    });
  });

  it("emails: lower case, mailto: dropped, several per cell, syntax checked", () => {
    expect(readEmail("Info@Romashka.RU")).toBe("info@romashka.ru");
    expect(readEmail("mailto:a@b.ua")).toBe("a@b.ua");
    expect(readEmail("a@b")).toBeNull();
    expect(splitEmails("a@b.ua; c@d.ua, e@f.ua g@h.ua")).toEqual(["a@b.ua", "c@d.ua", "e@f.ua", "g@h.ua"]);
  });

  it.each([
    ["Микро", "micro"],
    ["малое предприятие", "small"],
    ["Середня", "medium"],
    ["Крупный", "large"],
    ["Велика", "large"],
    ["large", "large"],
  ] as const)("size %j is %s", (text, size) => {
    expect(readSize(text)).toBe(size);
  });

  it("an unknown size is refused", () => {
    expect(readSize("огромная")).toBeNull();
  });

  describe("dates", () => {
    it.each([
      ["15.01.2024", "2024-01-15"],
      ["5.1.2024", "2024-01-05"],
      ["15/01/2024", "2024-01-15"],
      ["15.01.24", "2024-01-15"],
      ["15.01.2024 14:30", "2024-01-15"],
      ["2024-01-15", "2024-01-15"],
      ["2024-01-15T10:00:00Z", "2024-01-15"],
      ["45306", "2024-01-15"],
      ["45306.5", "2024-01-15"],
      ["367", "1901-01-01"],
    ] as const)("%j is %s", (text, day) => {
      expect(readDate(text)).toBe(day);
    });

    it.each(["31.02.2024", "2024-13-01", "60", "366", "завтра", "0", "15.01"])("%j is not a day", (text) => {
      expect(readDate(text)).toBeNull();
    });

    it("Excel serial days keep Lotus's 29 February 1900 (day 60), which never was", () => {
      expect(excelSerialDay(59)).toBe("1900-02-28");
      expect(excelSerialDay(60)).toBeNull();
      expect(excelSerialDay(61)).toBe("1900-03-01");
    });

    it("property: every day from 1900-03-01 on reads the same as dd.mm.yyyy, yyyy-mm-dd and its Excel serial number", () => {
      const start = Date.UTC(1900, 2, 1);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 72_000 }), (offset) => {
          const at = new Date(start + offset * 86_400_000);
          const iso = at.toISOString().slice(0, 10);
          const [y, m, d] = iso.split("-");
          expect(readDate(`${d}.${m}.${y}`)).toBe(iso);
          expect(readDate(iso)).toBe(iso);
          expect(excelSerialDay(61 + offset)).toBe(iso);
        }),
      );
    });
  });

  describe("money", () => {
    it.each([
      ["1 234,56", 123456],
      ["1234.56", 123456],
      ["1,234.56", 123456],
      ["1.234,56", 123456],
      ["1 234 567", 123456700],
      ["1.234.567", 123456700],
      ["1.234.567,5", 123456750],
      ["1,234", 123400],
      ["12,5", 1250],
      ["1 200 грн", 120000],
      ["₴ 99,90", 9990],
      ["0", 0],
    ] as const)("%j is %i minor units", (text, minor) => {
      expect(readAmountMinor(text)).toBe(minor);
    });

    it.each(["-5", "abc", "1,2,3.4.5", "12.345,678", "1,2345", "1.234,567,8"])("%j is not an amount", (text) => {
      expect(readAmountMinor(text)).toBeNull();
    });

    it("property: any amount written the Ukrainian way or the English way reads back the same", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), (minor) => {
          const whole = Math.floor(minor / 100);
          const kop = String(minor % 100).padStart(2, "0");
          const grouped = (sep: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
          expect(readAmountMinor(`${grouped("\u00a0")},${kop}`)).toBe(minor);
          expect(readAmountMinor(`${grouped(",")}.${kop}`)).toBe(minor);
          expect(readAmountMinor(`${whole}.${kop}`)).toBe(minor);
        }),
      );
    });
  });

  it("quantities are whole and positive", () => {
    expect(readQuantity("3")).toBe(3);
    expect(readQuantity("3,00")).toBe(3);
    expect(readQuantity("1.5")).toBeNull();
    expect(readQuantity("0")).toBeNull();
  });

  it("currencies by code, word or sign", () => {
    expect(readCurrency("uah")).toBe("UAH");
    expect(readCurrency("грн.")).toBe("UAH");
    expect(readCurrency("₽")).toBe("RUB");
    expect(readCurrency("тугрики")).toBeNull();
  });
});
