import type { CountryCode } from "libphonenumber-js";
import { checkLegalId, type LegalIdKind } from "../../domain/legalIds.js";
import { normalisePhone } from "../../domain/phones.js";
import { appError } from "../../server/errors.js";
import type { ContactInput } from "./schemas.js";
import { isEmail } from "../../domain/emails.js";

/** Turns what a person typed into what the base stores, or a 400 that names the field. */

export function normaliseLegalId(
  legalId: string | null | undefined,
  kind: LegalIdKind | null | undefined,
): { legalId: string | null; legalIdKind: LegalIdKind | null } {
  if (legalId === null || legalId === undefined || legalId.trim() === "") return { legalId: null, legalIdKind: null };
  const check = checkLegalId(legalId, kind ?? undefined);
  if (!check.ok) throw appError("invalid_legal_id", { field: "legalId", reason: check.reason, value: legalId });
  return { legalId: check.value, legalIdKind: check.kind };
}

export function normalisePhones(phones: string[] | undefined, country: CountryCode, field: string): string[] {
  const result: string[] = [];
  (phones ?? []).forEach((raw, i) => {
    const check = normalisePhone(raw, country);
    if (!check.ok) throw appError("invalid_phone", { field: `${field}.${i}`, value: raw });
    if (!result.includes(check.e164)) result.push(check.e164);
  });
  return result;
}

export function normaliseEmails(emails: string[] | undefined, field: string): string[] {
  const result: string[] = [];
  (emails ?? []).forEach((raw, i) => {
    const email = raw.trim().toLowerCase();
    if (!isEmail(email)) throw appError("invalid_email", { field: `${field}.${i}`, value: raw });
    if (!result.includes(email)) result.push(email);
  });
  return result;
}

export interface NormalisedContact {
  fullName: string;
  position: string | null;
  phones: string[];
  emails: string[];
  decisionMaker: boolean;
}

export function normaliseContact(input: ContactInput, country: CountryCode, field: string): NormalisedContact {
  return {
    fullName: input.fullName.trim(),
    position: input.position?.trim() || null,
    phones: normalisePhones(input.phones, country, `${field}.phones`),
    emails: normaliseEmails(input.emails, `${field}.emails`),
    decisionMaker: input.decisionMaker ?? false,
  };
}

/** Empty strings from forms mean "not set". */
export const blankToNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value.trim() === "" ? null : value.trim();
