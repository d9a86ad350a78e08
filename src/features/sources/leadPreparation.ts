import type { CountryCode } from "libphonenumber-js";
import type { LegalIdKind } from "../../domain/legalIds.js";
import { appError } from "../../server/errors.js";
import { blankToNull, normaliseEmails, normaliseLegalId, normalisePhones } from "../clients/normalise.js";
import type { IntakeLeadInput } from "./schemas.js";

/** A posted lead as the base stores it: tax id checked, phone in E.164, email in lower case. */
export interface PreparedLead {
  legalName: string;
  legalId: string | null;
  legalIdKind: LegalIdKind | null;
  contactName: string;
  phone: string | null;
  email: string | null;
  comment: string | null;
  industry: string | null;
  region: string | null;
}

/** Throws the same 400s a person typing the lead in would get; a lead needs a phone or an email to be reached by. */
export function prepareLead(body: IntakeLeadInput, country: CountryCode): PreparedLead {
  const legalName = body.legalName.trim();
  if (!legalName) throw appError("validation_failed", { fields: [{ field: "body.legalName", rule: "minLength" }] });
  const { legalId, legalIdKind } = normaliseLegalId(body.legalId, body.legalIdKind);
  const rawPhone = blankToNull(body.phone);
  const rawEmail = blankToNull(body.email);
  if (!rawPhone && !rawEmail) throw appError("lead_contact_required");
  const phone = rawPhone ? normalisePhones([rawPhone], country, "phone")[0]! : null;
  const email = rawEmail ? normaliseEmails([rawEmail], "email")[0]! : null;
  return {
    legalName,
    legalId,
    legalIdKind,
    // A form often asks only for a phone or an email: the contact is then named by it.
    contactName: blankToNull(body.contactName) ?? phone ?? email!,
    phone,
    email,
    comment: blankToNull(body.comment) ?? null,
    industry: blankToNull(body.industry) ?? null,
    region: blankToNull(body.region) ?? null,
  };
}

const FIELD_CAP = 500;
const FIELDS_CAP = 30;
const EXTRA_CAP_BYTES = 4096;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What the log keeps of a post, whatever was sent: scalar fields cut to a sane length, and
 * `extra` kept whole up to 4 KB (beyond that only its size), so a flood of huge posts cannot
 * bloat the table while the head can still see what a partner's form sends.
 */
export function payloadForLog(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) return { unreadable: Array.isArray(body) ? "array" : typeof body };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body).slice(0, FIELDS_CAP)) {
    if (key === "extra") continue;
    const name = key.slice(0, 60);
    if (typeof value === "string") out[name] = value.slice(0, FIELD_CAP);
    else if (value === null || typeof value === "number" || typeof value === "boolean") out[name] = value;
    else out[name] = `[${Array.isArray(value) ? "array" : typeof value}]`;
  }
  if ("extra" in body) {
    const bytes = Buffer.byteLength(JSON.stringify(body.extra) ?? "");
    out.extra = bytes <= EXTRA_CAP_BYTES ? body.extra : { dropped: "too_large", bytes };
  }
  return out;
}
