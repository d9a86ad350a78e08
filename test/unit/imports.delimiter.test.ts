import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DELIMITERS, detectDelimiter, fieldCounts } from "../../src/domain/imports/delimiter.js";

/** A cell written the way a spreadsheet writes it: quoted when it holds a separator, a quote or a line break. */
const quote = (cell: string) => (/[;,\t|"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

describe("the delimiter of a CSV file", () => {
  it.each([
    ["Компания;ИНН;Телефон\nРомашка;7707083893;044 123 45 67\n", ";"],
    ["Company,Tax id,Phone\nAcme,123,555\n", ","],
    ["name\tphone\nA\t1\n", "\t"],
    ["name|phone|email\nA|1|a@b.c\n", "|"],
  ] as const)("%j splits on %j", (sample, delimiter) => {
    expect(detectDelimiter(sample)).toEqual({ delimiter, confidence: 1 });
  });

  it("commas inside quoted names do not count: a Russian Excel file stays `;`", () => {
    const sample = 'Компания;Город\n"Ромашка, ООО";Киев\n"Лютик, ТОВ, філія";Львів\n';
    expect(detectDelimiter(sample).delimiter).toBe(";");
  });

  it("a quoted cell may hold line breaks", () => {
    expect(fieldCounts('a;b\n"x\ny";z\n', ";")).toEqual([2, 2]);
  });

  it("a sample cut mid-file ignores its unfinished last line", () => {
    expect(fieldCounts("a;b;c\n1;2;3\n4;5", ";", false)).toEqual([3, 3]);
    expect(fieldCounts("a;b;c\n1;2;3\n4;5", ";", true)).toEqual([3, 3, 2]);
  });

  it("a single column has no delimiter to find: `;` at low confidence", () => {
    expect(detectDelimiter("Компания\nРомашка\n")).toEqual({ delimiter: ";", confidence: 0.3 });
  });

  it("property: a table of any cells, written with any delimiter, is read back with that delimiter", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIMITERS),
        fc.integer({ min: 2, max: 6 }).chain((cols) => fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: cols, maxLength: cols }), { minLength: 2, maxLength: 8 })),
        fc.constantFrom("\n", "\r\n"),
        (delimiter, rows, newline) => {
          const text = rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
          expect(detectDelimiter(text).delimiter).toBe(delimiter);
        },
      ),
    );
  });
});
