import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, majorUnits, safeText, sheetLocale, xlsxCell } from "../../src/features/exports/cells.js";

const FORMULA_START = /^[=+\-@\t\r]/;

describe("export cells", () => {
  it("writes minor units as exact major units with the locale's decimal separator", () => {
    expect(majorUnits(1_234_567)).toBe("12345.67");
    expect(majorUnits(5, ",")).toBe("0,05");
    expect(majorUnits(-1_050)).toBe("-10.50");
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(Math.round(Number(majorUnits(minor)) * 100)).toBe(minor);
        expect(majorUnits(minor, ",")).toBe(majorUnits(minor).replace(".", ","));
      }),
    );
  });

  it("never lets a text cell start a formula, unless it is only digits and punctuation", () => {
    expect(safeText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(safeText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeText("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(safeText("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(safeText("+380 44 123 45 67, +380501112233")).toBe("+380 44 123 45 67, +380501112233");
    expect(safeText("ТОВ «Ромашка»")).toBe("ТОВ «Ромашка»");
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = safeText(text);
        // Either it does not start a formula, or it cannot call anything (no letters, no quotes, no pipes).
        expect(!FORMULA_START.test(safe) || /^[+\-\d\s().,;/]*$/.test(safe)).toBe(true);
        // Nothing is lost: the original follows the guard.
        expect(safe.endsWith(text)).toBe(true);
      }),
    );
  });

  it("writes numbers for the language's spreadsheet in CSV and typed values in XLSX", () => {
    const ru = sheetLocale("ru");
    const en = sheetLocale("en");
    expect(csvCell("money", 12_345, ru)).toBe("123,45");
    expect(csvCell("money", 12_345, en)).toBe("123.45");
    expect(csvCell("decimal", 0.85, ru)).toBe("0,85");
    expect(csvCell("integer", 42, ru)).toBe("42");
    expect(csvCell("text", null, ru)).toBe("");
    expect(xlsxCell("money", 12_345)).toBe(123.45);
    expect(xlsxCell("date", "2025-03-09")).toEqual(new Date("2025-03-09T00:00:00Z"));
    // A local wall-clock time shows in Excel exactly as written.
    expect(xlsxCell("datetime", "2025-03-09 14:05")).toEqual(new Date("2025-03-09T14:05:00Z"));
    expect(xlsxCell("text", "=1+1")).toBe("=1+1");
  });
});
