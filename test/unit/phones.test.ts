import { describe, expect, it } from "vitest";
import { looksLikePhone, normalisePhone, phoneSearchDigits } from "../../src/domain/phones.js";

describe("normalisePhone: every way of typing a number is the same client", () => {
  it.each([
    "044 123-45-67",
    "0441234567",
    "+38 (044) 123 45 67",
    "(044) 123-45-67",
    "+380441234567",
    "380441234567",
    "  044 123 45 67  ",
  ])("Kyiv landline %j in Ukraine is +380441234567", (typed) => {
    expect(normalisePhone(typed, "UA")).toEqual({ ok: true, e164: "+380441234567" });
  });

  it.each(["067 123 45 67", "0671234567", "+38 067 123-45-67", "+380671234567"])("Ukrainian mobile %j is +380671234567", (typed) => {
    expect(normalisePhone(typed, "UA")).toEqual({ ok: true, e164: "+380671234567" });
  });

  it.each(["8 (495) 123-45-67", "84951234567", "+7 495 123 45 67", "74951234567", "(495) 123-45-67"])(
    "Moscow landline %j in Russia is +74951234567",
    (typed) => {
      expect(normalisePhone(typed, "RU")).toEqual({ ok: true, e164: "+74951234567" });
    },
  );

  it.each(["8 916 123 45 67", "+7 (916) 123-45-67", "89161234567"])("Russian mobile %j is +79161234567", (typed) => {
    expect(normalisePhone(typed, "RU")).toEqual({ ok: true, e164: "+79161234567" });
  });

  it("reads an international number the same whatever the team's country", () => {
    expect(normalisePhone("+380441234567", "RU")).toEqual({ ok: true, e164: "+380441234567" });
    expect(normalisePhone("+7 495 123 45 67", "UA")).toEqual({ ok: true, e164: "+74951234567" });
  });

  it.each([
    ["", "empty"],
    ["abc", "letters"],
    ["12345", "too short"],
    ["044 12", "a partial number"],
    ["+380 44 1", "a partial international number"],
    ["+38044123456789", "too long"],
    ["+999 123 456 789", "no such country code"],
  ])("refuses %j (%s)", (typed) => {
    expect(normalisePhone(typed, "UA")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("looksLikePhone: a search string is a phone, not a name", () => {
  it.each(["+380441234567", "+38 044", "+7 (495) 123-45-67", "044 123-45-67", "0671", "8 495 123 45 67", "916.123.45.67"])(
    "%j looks like a phone",
    (query) => {
      expect(looksLikePhone(query)).toBe(true);
    },
  );

  it.each(["Ромашка", "ООО Ромашка", "Roga i Kopyta 2", "123", "1234567", "12-34", "", "   ", "+38 abc"])("%j does not look like a phone", (query) => {
    expect(looksLikePhone(query)).toBe(false);
  });

  it("does not take an 8-digit EDRPOU that starts with a non-zero digit for a phone", () => {
    expect(looksLikePhone("14360570")).toBe(false);
  });

  it("also reads tax ids of 9+ digits or with a leading zero as possible phones (search then looks in both)", () => {
    expect(looksLikePhone("7707083893")).toBe(true);
    expect(looksLikePhone("00032129")).toBe(true);
  });

  it("takes a number typed with the area code in brackets for a phone, as normalisePhone does", () => {
    expect(normalisePhone("(044) 123-45-67", "UA").ok).toBe(true);
    expect(looksLikePhone("(044) 123-45-67")).toBe(true);
  });
});

describe("phoneSearchDigits: the prefix of stored E.164 digits a search should match", () => {
  it("maps a partial Ukrainian number typed the national way to its international digits", () => {
    expect(phoneSearchDigits("067 12", "UA")).toBe("3806712");
    expect(phoneSearchDigits("044", "UA")).toBe("38044");
  });

  it("drops the Russian trunk 8 and puts the country code 7", () => {
    expect(phoneSearchDigits("8 495", "RU")).toBe("7495");
    expect(phoneSearchDigits("8 (916) 12", "RU")).toBe("791612");
  });

  it("drops the Belarusian trunk 80 and the Kazakh 8", () => {
    expect(phoneSearchDigits("80 29 12", "BY")).toBe("3752912");
    expect(phoneSearchDigits("8 701", "KZ")).toBe("7701");
  });

  it("keeps a partial international number as typed, without the plus", () => {
    expect(phoneSearchDigits("+38 067 1", "UA")).toBe("380671");
    expect(phoneSearchDigits("+7 495", "RU")).toBe("7495");
    expect(phoneSearchDigits("+7 495", "UA")).toBe("7495");
    // A foreign number starting with 8 is not a Russian trunk prefix once it has a plus.
    expect(phoneSearchDigits("+81 3 12", "RU")).toBe("81312");
  });

  it("uses the full E.164 digits of a complete number", () => {
    expect(phoneSearchDigits("067 123 45 67", "UA")).toBe("380671234567");
    expect(phoneSearchDigits("8 (495) 123-45-67", "RU")).toBe("74951234567");
  });

  it("leaves partial digits without a trunk prefix as they are", () => {
    expect(phoneSearchDigits("495 12", "RU")).toBe("49512");
    expect(phoneSearchDigits("67 12", "UA")).toBe("6712");
  });

  it("leaves digits as they are for a country without a trunk rule", () => {
    expect(phoneSearchDigits("030 12", "DE")).toBe("03012");
  });
});
