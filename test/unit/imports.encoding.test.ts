import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decoderLabel, detectEncoding, utf8Shape } from "../../src/domain/imports/encoding.js";

/** Windows-1251 bytes of a text, built from the decoder itself so the table cannot drift from what imports decode with. */
const CP1251 = new Map<string, number>();
const decoder = new TextDecoder("windows-1251");
for (let b = 0; b < 256; b++) CP1251.set(decoder.decode(new Uint8Array([b])), b);
const cp1251 = (text: string) => new Uint8Array([...text].map((ch) => CP1251.get(ch) ?? 0x3f));
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

const RU_LOWER = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
const UK_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ";
const word = (alphabet: string) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 12 });
const sentence = (alphabet: string) => fc.array(word(alphabet), { minLength: 2, maxLength: 20 }).map((w) => w.join(" "));

describe("encoding of a Russian or Ukrainian CSV, from its first bytes", () => {
  it("UTF-8 with a byte-order mark is certain", () => {
    expect(detectEncoding(withBom(utf8("Компания;ИНН\r\n")))).toEqual({ encoding: "utf8", bomLength: 3, confidence: 1, reason: "bom" });
  });

  it("UTF-8 without a mark is recognised by its multi-byte characters", () => {
    const guess = detectEncoding(utf8("Компанія;ЄДРПОУ;Телефон\nТОВ Їжак;32855961;067 123 45 67\n"));
    expect(guess).toMatchObject({ encoding: "utf8", bomLength: 0, reason: "valid_utf8" });
    expect(guess.confidence).toBeGreaterThan(0.9);
  });

  it("Windows-1251 Cyrillic (Excel's plain CSV on a Cyrillic Windows) is cp1251 with high confidence", () => {
    const guess = detectEncoding(cp1251("Компания;ИНН;Телефон\r\nООО «Ромашка»;7707083893;+7 495 123-45-67\r\nТОВ Їжак;;\r\n"));
    expect(guess).toMatchObject({ encoding: "cp1251", bomLength: 0, reason: "cp1251_cyrillic" });
    expect(guess.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("plain ASCII could be either: UTF-8, at half confidence, for the person to confirm", () => {
    expect(detectEncoding(utf8("Company,Tax id,Phone\nAcme,123,+380441234567\n"))).toEqual({ encoding: "utf8", bomLength: 0, confidence: 0.5, reason: "ascii_only" });
  });

  it("bytes that are neither UTF-8 nor Cyrillic cp1251 are still read as cp1251, with low confidence", () => {
    const guess = detectEncoding(new Uint8Array([0x41, 0x80, 0x81, 0x82, 0x83, 0x41]));
    expect(guess.encoding).toBe("cp1251");
    expect(guess.confidence).toBeLessThan(0.9);
  });

  it("a sample cut inside a multi-byte character is still valid UTF-8", () => {
    const bytes = utf8("Київ");
    expect(utf8Shape(bytes.subarray(0, bytes.length - 1)).valid).toBe(true);
  });

  it("overlong forms and surrogates are not UTF-8", () => {
    expect(utf8Shape(new Uint8Array([0xe0, 0x80, 0x80])).valid).toBe(false);
    expect(utf8Shape(new Uint8Array([0xed, 0xa0, 0x80])).valid).toBe(false);
    expect(utf8Shape(new Uint8Array([0xc0, 0x80])).valid).toBe(false);
  });

  it("property: any text saved as UTF-8 with a BOM is UTF-8, certain", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(detectEncoding(withBom(utf8(text)))).toMatchObject({ encoding: "utf8", confidence: 1 });
      }),
    );
  });

  it("property: any text with Cyrillic saved as UTF-8 is UTF-8, and decodes back to itself", () => {
    fc.assert(
      fc.property(sentence(UK_LETTERS), fc.string(), (cyrillic, ascii) => {
        const bytes = utf8(`${ascii}${cyrillic}`);
        const guess = detectEncoding(bytes);
        expect(guess.encoding).toBe("utf8");
        expect(new TextDecoder(decoderLabel(guess.encoding)).decode(bytes)).toBe(`${ascii}${cyrillic}`);
      }),
    );
  });

  it("property: Russian words saved as Windows-1251 are cp1251, and decode back to themselves", () => {
    fc.assert(
      fc.property(sentence(RU_LOWER), (text) => {
        const bytes = cp1251(text);
        const guess = detectEncoding(bytes);
        expect(guess).toMatchObject({ encoding: "cp1251", reason: "cp1251_cyrillic" });
        expect(new TextDecoder(decoderLabel(guess.encoding)).decode(bytes)).toBe(text);
      }),
    );
  });
});
