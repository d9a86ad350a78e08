/**
 * Which text encoding a CSV file is in, judged from its first bytes. Russian and Ukrainian
 * spreadsheets save CSV as UTF-8 with a byte-order mark (Excel's "CSV UTF-8"), UTF-8 without one
 * (LibreOffice, Google Sheets, other CRMs' exports), or Windows-1251 (Excel's plain "CSV" on a
 * Cyrillic Windows). The guess carries a confidence the person importing confirms or overrides.
 */
export const TEXT_ENCODINGS = ["utf8", "cp1251"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of a byte-order mark to skip (3 for UTF-8 with BOM, else 0). */
  bomLength: number;
  /** 0..1: 1 for a BOM, high for valid multi-byte UTF-8 or for Cyrillic-looking cp1251, 0.5 when the sample is plain ASCII. */
  confidence: number;
  reason: "bom" | "valid_utf8" | "ascii_only" | "cp1251_cyrillic" | "not_utf8";
}

/** The name the WHATWG TextDecoder knows the encoding by. */
export const decoderLabel = (encoding: TextEncoding): string => (encoding === "utf8" ? "utf-8" : "windows-1251");

const hasUtf8Bom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * Walks the bytes as UTF-8. A sample cut from a longer file may end inside a character, so an
 * incomplete sequence at the very end counts as valid.
 */
export function utf8Shape(bytes: Uint8Array): { valid: boolean; multiByte: number } {
  let multiByte = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return { valid: false, multiByte };
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return { valid: true, multiByte };
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return { valid: false, multiByte };
    }
    // Overlong three- and four-byte forms and UTF-16 surrogates are not UTF-8.
    const second = bytes[i + 1] ?? 0x80;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) {
      return { valid: false, multiByte };
    }
    multiByte++;
    i += length;
  }
  return { valid: true, multiByte };
}

/** cp1251 bytes that are letters of the Russian or Ukrainian alphabet (А–я, Ё ё, Є є, І і, Ї ї, Ґ ґ). */
const isCp1251Letter = (b: number) => b >= 0xc0 || [0xa8, 0xb8, 0xaa, 0xba, 0xb2, 0xb3, 0xaf, 0xbf, 0xa5, 0xb4].includes(b);

/** cp1251 punctuation a spreadsheet's text carries: №, «», dashes, quotes, the non-breaking space. */
const isCp1251Punctuation = (b: number) => [0xb9, 0xab, 0xbb, 0x96, 0x97, 0x93, 0x94, 0x84, 0x91, 0x92, 0xa0, 0x85].includes(b);

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (hasUtf8Bom(bytes)) return { encoding: "utf8", bomLength: 3, confidence: 1, reason: "bom" };
  const shape = utf8Shape(bytes);
  if (shape.valid && shape.multiByte > 0) {
    // Random cp1251 text is almost never valid UTF-8, so a few valid multi-byte characters settle it.
    return { encoding: "utf8", bomLength: 0, confidence: shape.multiByte >= 3 ? 0.98 : 0.85, reason: "valid_utf8" };
  }
  if (shape.valid) return { encoding: "utf8", bomLength: 0, confidence: 0.5, reason: "ascii_only" };
  let high = 0;
  let letters = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    if (isCp1251Letter(b) || isCp1251Punctuation(b)) letters++;
  }
  const share = high === 0 ? 0 : letters / high;
  return share >= 0.9
    ? { encoding: "cp1251", bomLength: 0, confidence: 0.95, reason: "cp1251_cyrillic" }
    : { encoding: "cp1251", bomLength: 0, confidence: 0.6, reason: "not_utf8" };
}
