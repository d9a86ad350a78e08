import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/**
 * Phones are stored in E.164 ("+380441234567") so that a number typed as
 * "044 123-45-67", "+38 (044) 123 45 67" or "0441234567" is the same client.
 */
export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: "invalid" };

export function normalisePhone(input: string, defaultCountry: CountryCode): PhoneCheck {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: "invalid" };
  return { ok: true, e164: parsed.number };
}

/**
 * True when a search string may be a phone number. Long digit strings (tax ids) qualify too:
 * search then looks in both ids and phones.
 */
export function looksLikePhone(query: string): boolean {
  const trimmed = query.trim();
  if (!/^[+(\d][\d\s()\-.]*$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, "");
  return /^[+(0]/.test(trimmed) || digits.length >= 9;
}

/** The digits a partial phone search should match as a prefix of a stored E.164 number. */
export function phoneSearchDigits(query: string, defaultCountry: CountryCode): string {
  const full = normalisePhone(query, defaultCountry);
  if (full.ok) return full.e164.slice(1);
  const digits = query.replace(/\D/g, "");
  if (query.trim().startsWith("+")) return digits;
  // A partial number typed the national way: "067 12" is +38067 12… in Ukraine, "8 495" is +7 495 in Russia.
  const trunk = NATIONAL_TRUNK[defaultCountry];
  if (trunk && digits.startsWith(trunk.prefix)) return trunk.replaceWith + digits.slice(trunk.cut);
  return digits;
}

/** How a national number's leading digits map to the international form, per country. */
const NATIONAL_TRUNK: Partial<Record<CountryCode, { prefix: string; cut: number; replaceWith: string }>> = {
  UA: { prefix: "0", cut: 0, replaceWith: "38" },
  RU: { prefix: "8", cut: 1, replaceWith: "7" },
  KZ: { prefix: "8", cut: 1, replaceWith: "7" },
  BY: { prefix: "80", cut: 2, replaceWith: "375" },
};
