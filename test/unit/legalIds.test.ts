import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkLegalId, cleanLegalId, edrpouCheckDigit, innCheckDigits, rnokppCheckDigit, type LegalIdKind } from "../../src/domain/legalIds.js";

const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((digits) => digits.join(""));

/** Every digit other than `digit`, as a string. */
const otherDigits = (digit: string) => "0123456789".split("").filter((d) => d !== digit);

describe("Russian INN of an organisation (10 digits)", () => {
  it.each([
    ["7707083893", "Sberbank"],
    ["7736050003", "Gazprom"],
    ["7706107510", "Rosneft"],
    ["7708004767", "Lukoil"],
    ["7712040126", "Aeroflot"],
    ["7736207543", "Yandex LLC"],
  ])("accepts %s (%s) as an INN", (inn) => {
    expect(checkLegalId(inn)).toEqual({ ok: true, kind: "inn", value: inn });
  });

  it("computes Sberbank's check digit from its first nine digits", () => {
    expect(innCheckDigits("770708389")).toBe("3");
  });

  it.each([
    ["7707083894", "last digit off by one"],
    ["7707083839", "last two digits swapped"],
    ["7707038893", "two inner digits swapped"],
    ["7707183893", "one inner digit mistyped"],
  ])("refuses %s (%s) by its checksum", (typo) => {
    expect(checkLegalId(typo, "inn")).toEqual({ ok: false, reason: "checksum" });
  });
});

describe("Russian INN of a person (12 digits)", () => {
  // A widely published sample INN of an individual (used in validators' own test suites).
  it("accepts 500100732259 as an INN", () => {
    expect(checkLegalId("500100732259")).toEqual({ ok: true, kind: "inn", value: "500100732259" });
  });

  it("computes both check digits, the second over the first", () => {
    expect(innCheckDigits("5001007322")).toBe("59");
  });

  it.each([
    ["500100732258", "second check digit wrong"],
    ["500100732269", "first check digit wrong"],
    ["500100723259", "two body digits swapped"],
  ])("refuses %s (%s) by its checksum", (typo) => {
    expect(checkLegalId(typo)).toEqual({ ok: false, reason: "checksum" });
  });

  it("refuses a body that is neither 9 nor 10 digits long when asked for check digits", () => {
    expect(() => innCheckDigits("12345678")).toThrow(RangeError);
  });
});

describe("Ukrainian EDRPOU (8 digits)", () => {
  it.each([
    ["00032129", "Oschadbank"],
    ["14360570", "PrivatBank"],
    ["00032112", "Ukreximbank"],
    ["20077720", "Naftogaz of Ukraine"],
    ["21673832", "Kyivstar"],
    ["21560045", "Ukrposhta"],
  ])("accepts %s (%s) with the plain weights 1..7", (code) => {
    expect(checkLegalId(code)).toEqual({ ok: true, kind: "edrpou", value: code });
  });

  it.each([
    ["40075815", "Ukrzaliznytsia"],
    ["31316718", "Nova Poshta"],
  ])("accepts %s (%s): between 30,000,000 and 60,000,000 the weights are rotated (7,1..6)", (code) => {
    expect(checkLegalId(code)).toEqual({ ok: true, kind: "edrpou", value: code });
  });

  it("computes Nova Poshta's check digit with the rotated weights (96 mod 11 = 8), not the plain ones (97 mod 11 = 9)", () => {
    expect(edrpouCheckDigit("3131671")).toBe("8");
  });

  it.each([
    ["2999999", "3", "below 30,000,000: plain weights"],
    ["3000000", "5", "from 30,000,000: rotated weights (21 mod 11 = 10, second set 27 mod 11 = 5)"],
    ["5999999", "4", "below 60,000,000: rotated weights"],
    ["6000000", "6", "at 60,000,000 (the body times ten): plain weights (6), not rotated (42 mod 11 = 9)"],
    ["6000001", "2", "above 60,000,000: plain weights (13 mod 11), not rotated (48 mod 11 = 4)"],
  ])("check digit of %s is %s (%s)", (body, digit) => {
    expect(edrpouCheckDigit(body)).toBe(digit);
  });

  it("accepts 21133352 (Universal Bank, monobank): the first weight set leaves 10, so the second (+2) decides", () => {
    expect(checkLegalId("21133352")).toEqual({ ok: true, kind: "edrpou", value: "21133352" });
    expect(edrpouCheckDigit("2113335")).toBe("2");
  });

  it.each([
    ["1000064", "plain weights: 65 mod 11 = 10, then 87 mod 11 = 10"],
    ["3000044", "rotated weights: 65 mod 11 = 10, then 87 mod 11 = 10"],
  ])("check digit of %s is 0 when both weight sets leave 10 (%s)", (body) => {
    expect(edrpouCheckDigit(body)).toBe("0");
    expect(checkLegalId(`${body}0`)).toEqual({ ok: true, kind: "edrpou", value: `${body}0` });
  });

  it.each([
    ["14360571", "last digit off by one"],
    ["14360507", "last two digits swapped"],
    ["00032192", "Oschadbank with last two digits swapped"],
    ["40075816", "Ukrzaliznytsia off by one"],
    ["21133350", "Universal Bank with 0 instead of the second-set digit"],
  ])("refuses %s (%s) by its checksum", (typo) => {
    expect(checkLegalId(typo)).toEqual({ ok: false, reason: "checksum" });
  });

  it("refuses a body that is not seven digits when asked for a check digit", () => {
    expect(() => edrpouCheckDigit("123456")).toThrow(RangeError);
    expect(() => edrpouCheckDigit("123456a")).toThrow(RangeError);
  });
});

describe("Ukrainian RNOKPP (10 digits)", () => {
  it("computes the check digit with weights -1,5,7,9,4,6,10,5,7 mod 11 mod 10", () => {
    // -1*1 + 5*2 + 7*3 + 9*4 + 4*5 + 6*6 + 10*7 + 5*8 + 7*9 = 295; 295 mod 11 = 9
    expect(rnokppCheckDigit("123456789")).toBe("9");
  });

  it("recognises a 10-digit number that is not an INN but holds the RNOKPP checksum as an RNOKPP", () => {
    // 1234567899: the INN check digit of 123456789 is 4 (279 mod 11), so only the RNOKPP rule holds.
    expect(innCheckDigits("123456789")).toBe("4");
    expect(checkLegalId("1234567899")).toEqual({ ok: true, kind: "rnokpp", value: "1234567899" });
  });

  it("refuses a 10-digit number that holds neither checksum", () => {
    expect(checkLegalId("1234567890")).toEqual({ ok: false, reason: "checksum" });
  });
});

describe("format", () => {
  it.each([
    ["", "empty"],
    ["770708389", "9 digits"],
    ["77070838933", "11 digits"],
    ["1436057", "7 digits"],
    ["7707083893000", "13 digits"],
    ["77070838a3", "a letter"],
    ["ИНН 7707083893", "a label"],
    ["7707083893.", "a dot"],
  ])("refuses %j (%s) as a format error", (input) => {
    expect(checkLegalId(input)).toEqual({ ok: false, reason: "format" });
  });

  it("strips spaces and dashes people type", () => {
    expect(cleanLegalId(" 77-07 083 893 ")).toBe("7707083893");
    expect(checkLegalId("77 07 08 38 93")).toEqual({ ok: true, kind: "inn", value: "7707083893" });
    expect(checkLegalId("1436-0570")).toEqual({ ok: true, kind: "edrpou", value: "14360570" });
    expect(checkLegalId("5001-0073-2259")).toEqual({ ok: true, kind: "inn", value: "500100732259" });
  });
});

describe("kind", () => {
  it("infers edrpou from 8 digits, inn from 12, inn first for 10 and rnokpp otherwise", () => {
    expect(checkLegalId("14360570")).toMatchObject({ ok: true, kind: "edrpou" });
    expect(checkLegalId("500100732259")).toMatchObject({ ok: true, kind: "inn" });
    expect(checkLegalId("7707083893")).toMatchObject({ ok: true, kind: "inn" });
    expect(checkLegalId("1234567899")).toMatchObject({ ok: true, kind: "rnokpp" });
  });

  it("accepts an id of the kind asked for", () => {
    expect(checkLegalId("7707083893", "inn")).toEqual({ ok: true, kind: "inn", value: "7707083893" });
    expect(checkLegalId("14360570", "edrpou")).toEqual({ ok: true, kind: "edrpou", value: "14360570" });
    expect(checkLegalId("1234567899", "rnokpp")).toEqual({ ok: true, kind: "rnokpp", value: "1234567899" });
  });

  it("refuses an id whose length does not fit the kind asked for as a format error", () => {
    expect(checkLegalId("7707083893", "edrpou")).toEqual({ ok: false, reason: "format" });
    expect(checkLegalId("14360570", "inn")).toEqual({ ok: false, reason: "format" });
    expect(checkLegalId("14360570", "rnokpp")).toEqual({ ok: false, reason: "format" });
    expect(checkLegalId("500100732259", "rnokpp")).toEqual({ ok: false, reason: "format" });
  });

  it("refuses a 10-digit id of one kind when asked for the other, by its checksum", () => {
    expect(checkLegalId("7707083893", "rnokpp")).toEqual({ ok: false, reason: "checksum" });
    expect(checkLegalId("1234567899", "inn")).toEqual({ ok: false, reason: "checksum" });
  });
});

describe("properties", () => {
  const kinds: { kind: LegalIdKind; bodyLength: number; check: (body: string) => string }[] = [
    { kind: "inn", bodyLength: 9, check: innCheckDigits },
    { kind: "inn", bodyLength: 10, check: innCheckDigits },
    { kind: "edrpou", bodyLength: 7, check: edrpouCheckDigit },
    { kind: "rnokpp", bodyLength: 9, check: rnokppCheckDigit },
  ];

  for (const { kind, bodyLength, check } of kinds) {
    const label = `${kind} of ${bodyLength + check("0".repeat(bodyLength)).length} digits`;

    it(`${label}: every body followed by its computed check digits is valid`, () => {
      fc.assert(
        fc.property(digitString(bodyLength), (body) => {
          const id = body + check(body);
          expect(checkLegalId(id, kind)).toEqual({ ok: true, kind, value: id });
        }),
      );
    });

    it(`${label}: any other last digit is refused by the checksum`, () => {
      fc.assert(
        fc.property(digitString(bodyLength), (body) => {
          const digits = check(body);
          const kept = body + digits.slice(0, -1);
          for (const wrong of otherDigits(digits.slice(-1))) {
            expect(checkLegalId(kept + wrong, kind)).toEqual({ ok: false, reason: "checksum" });
          }
        }),
      );
    });

    it(`${label}: the value returned is digits only, whatever spaces and dashes were typed`, () => {
      fc.assert(
        fc.property(digitString(bodyLength), fc.array(fc.constantFrom(" ", "-"), { maxLength: 4 }), fc.nat(), (body, noise, seed) => {
          const id = body + check(body);
          const chars = id.split("");
          noise.forEach((n, i) => chars.splice((seed + i * 7) % (chars.length + 1), 0, n));
          const result = checkLegalId(chars.join(""), kind);
          expect(result).toEqual({ ok: true, kind, value: id });
          if (result.ok) expect(result.value).toMatch(/^\d+$/);
        }),
      );
    });
  }

  it("inn of 12 digits: a wrong first check digit is refused whatever the second one is", () => {
    fc.assert(
      fc.property(digitString(10), fc.integer({ min: 0, max: 9 }), (body, second) => {
        const [first] = innCheckDigits(body);
        for (const wrong of otherDigits(first!)) {
          expect(checkLegalId(`${body}${wrong}${second}`, "inn")).toEqual({ ok: false, reason: "checksum" });
        }
      }),
    );
  });

  it("kind inference: every valid 8-digit code is an edrpou, every valid 12-digit one an inn", () => {
    fc.assert(
      fc.property(digitString(7), digitString(10), (edrpouBody, innBody) => {
        expect(checkLegalId(edrpouBody + edrpouCheckDigit(edrpouBody))).toMatchObject({ ok: true, kind: "edrpou" });
        expect(checkLegalId(innBody + innCheckDigits(innBody))).toMatchObject({ ok: true, kind: "inn" });
      }),
    );
  });
});
