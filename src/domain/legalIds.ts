/**
 * Tax identifiers of the legal entities Conveyor's teams sell to.
 * - INN (Russia): 10 digits for organisations, 12 for individuals.
 * - EDRPOU (Ukraine): 8 digits for organisations.
 * - RNOKPP (Ukraine): 10 digits for individuals and sole traders (FOP).
 * Each carries check digits; a typo is caught here, before it reaches the base.
 */
export const LEGAL_ID_KINDS = ["inn", "edrpou", "rnokpp"] as const;
export type LegalIdKind = (typeof LEGAL_ID_KINDS)[number];

export type LegalIdCheck =
  | { ok: true; kind: LegalIdKind; value: string }
  | { ok: false; reason: "format" | "checksum" };

const digitsOf = (value: string): number[] => [...value].map(Number);

const weightedSum = (digits: number[], weights: readonly number[]): number =>
  weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0);

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const RNOKPP_WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;

const mod11Digit = (sum: number): number => (((sum % 11) + 11) % 11) % 10;

export function innCheckDigits(body: string): string {
  if (!/^\d{9,10}$/.test(body)) throw new RangeError("INN body must have 9 or 10 digits");
  const d = digitsOf(body);
  if (d.length === 9) return String(mod11Digit(weightedSum(d, INN10_WEIGHTS)));
  const first = mod11Digit(weightedSum(d, INN12_WEIGHTS_11));
  const second = mod11Digit(weightedSum([...d, first], INN12_WEIGHTS_12));
  return `${first}${second}`;
}

export function edrpouCheckDigit(body: string): string {
  if (!/^\d{7}$/.test(body)) throw new RangeError("EDRPOU body must have 7 digits");
  const d = digitsOf(body);
  // Codes between 30,000,000 and 60,000,000 use a rotated weight set (Ministry of Statistics rule).
  const asNumber = Number(body) * 10;
  const rotated = asNumber >= 30_000_000 && asNumber < 60_000_000;
  const base = rotated ? [7, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
  let rest = weightedSum(d, base) % 11;
  if (rest === 10) {
    rest = weightedSum(d, base.map((w) => w + 2)) % 11;
    if (rest === 10) rest = 0;
  }
  return String(rest);
}

export function rnokppCheckDigit(body: string): string {
  if (!/^\d{9}$/.test(body)) throw new RangeError("RNOKPP body must have 9 digits");
  return String(mod11Digit(weightedSum(digitsOf(body), RNOKPP_WEIGHTS)));
}

function hasValidChecksum(kind: LegalIdKind, value: string): boolean {
  switch (kind) {
    case "inn":
      return (value.length === 10 || value.length === 12) && innCheckDigits(value.slice(0, value.length === 10 ? 9 : 10)) === value.slice(value.length === 10 ? 9 : 10);
    case "edrpou":
      return value.length === 8 && edrpouCheckDigit(value.slice(0, 7)) === value[7];
    case "rnokpp":
      return value.length === 10 && rnokppCheckDigit(value.slice(0, 9)) === value[9];
  }
}

/** Strips spaces and dashes people type into tax ids. */
export const cleanLegalId = (input: string): string => input.replace(/[\s-]/g, "");

/**
 * Validates a tax id. With a kind, checks that kind only; without one, infers it from the
 * length: 8 digits is an EDRPOU, 12 an INN, 10 an INN or else an RNOKPP (whichever checksum holds).
 */
export function checkLegalId(input: string, kind?: LegalIdKind): LegalIdCheck {
  const value = cleanLegalId(input);
  if (!/^\d+$/.test(value)) return { ok: false, reason: "format" };
  const candidates: LegalIdKind[] = kind
    ? [kind]
    : value.length === 8
      ? ["edrpou"]
      : value.length === 12
        ? ["inn"]
        : value.length === 10
          ? ["inn", "rnokpp"]
          : [];
  const fitsLength = candidates.filter((k) => (k === "edrpou" ? value.length === 8 : k === "inn" ? value.length === 10 || value.length === 12 : value.length === 10));
  if (fitsLength.length === 0) return { ok: false, reason: "format" };
  const valid = fitsLength.find((k) => hasValidChecksum(k, value));
  return valid ? { ok: true, kind: valid, value } : { ok: false, reason: "checksum" };
}
