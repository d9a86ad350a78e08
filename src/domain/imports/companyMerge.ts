import type { CompanySize } from "../conveyor.js";
import type { LegalIdKind } from "../legalIds.js";
import type { ImportedRow } from "./rowValidation.js";
import { foldName } from "./values.js";

/**
 * What an imported row does to a company: it fills the company's empty fields and adds the
 * contacts, phones and emails it lacks — never overwriting a value already there, so an import
 * cannot undo what the team typed in.
 */
export interface ContactState {
  /** null: a contact this import adds. */
  id: number | null;
  fullName: string;
  position: string | null;
  phones: string[];
  emails: string[];
}

export interface CompanyState {
  /** null: a company this import creates. */
  id: number | null;
  legalName: string;
  legalId: string | null;
  legalIdKind: LegalIdKind | null;
  industry: string | null;
  region: string | null;
  size: CompanySize | null;
  groupName: string | null;
  sourceId: number | null;
  contacts: ContactState[];
}

/** The keys a company or a row is found by: its tax id, each phone, each email. */
export const keysOfRow = (row: Pick<ImportedRow, "legalId" | "phones" | "emails">): string[] => [
  ...(row.legalId ? [`legal_id:${row.legalId}`] : []),
  ...row.phones.map((p) => `phone:${p}`),
  ...row.emails.map((e) => `email:${e}`),
];

export const keysOfCompany = (company: CompanyState): string[] =>
  keysOfRow({ legalId: company.legalId, phones: company.contacts.flatMap((c) => c.phones), emails: company.contacts.flatMap((c) => c.emails) });


/** A company made from its first row in the file (the row has a name: the planner checked). */
export function companyFromRow(row: ImportedRow): CompanyState {
  const base: CompanyState = {
    id: null,
    legalName: row.legalName!,
    legalId: row.legalId,
    legalIdKind: row.legalIdKind,
    industry: row.industry,
    region: row.region,
    size: row.size,
    groupName: row.groupName,
    sourceId: row.sourceId,
    contacts: [],
  };
  const absorbed = absorbRow(base, row);
  return absorbed.ok ? absorbed.company : base;
}

export type Absorbed = { ok: true; company: CompanyState; changed: boolean } | { ok: false; conflict: "legal_id_conflict" };

/**
 * The company after a row is merged into it. The row's contact is the existing one of the same
 * name, else the one already holding one of the row's phones or emails, else (a row without a
 * name bringing new phones or emails) the first contact; otherwise a new contact — named by its
 * first phone or email when the row names nobody, as a web form's lead is. Importing the same
 * row again finds the same contact, so it adds nothing the second time. A row whose tax id differs from the company's is a
 * different company that shares a phone or an email: a conflict, not a merge.
 */
export function absorbRow(company: CompanyState, row: ImportedRow): Absorbed {
  if (row.legalId && company.legalId && row.legalId !== company.legalId) return { ok: false, conflict: "legal_id_conflict" };
  let changed = false;
  const fill = <T>(current: T | null, incoming: T | null): T | null => {
    if (current !== null || incoming === null) return current;
    changed = true;
    return incoming;
  };
  const next: CompanyState = {
    ...company,
    legalId: fill(company.legalId, row.legalId),
    legalIdKind: company.legalId === null && row.legalId !== null ? row.legalIdKind : company.legalIdKind,
    industry: fill(company.industry, row.industry),
    region: fill(company.region, row.region),
    size: fill(company.size, row.size),
    groupName: fill(company.groupName, row.groupName),
    sourceId: fill(company.sourceId, row.sourceId),
    contacts: company.contacts,
  };

  const phonesThere = new Set(company.contacts.flatMap((c) => c.phones));
  const emailsThere = new Set(company.contacts.flatMap((c) => c.emails));
  const newPhones = row.phones.filter((p) => !phonesThere.has(p));
  const newEmails = row.emails.filter((e) => !emailsThere.has(e));
  const named = row.contactName ? foldName(row.contactName) : null;

  let target = named !== null ? company.contacts.findIndex((c) => foldName(c.fullName) === named) : -1;
  if (target < 0 && named === null) {
    target = company.contacts.findIndex((c) => c.phones.some((p) => row.phones.includes(p)) || c.emails.some((e) => row.emails.includes(e)));
    // Only new phones or emails go to the first contact; a bare position names nobody and is left out.
    if (target < 0 && (newPhones.length || newEmails.length) && company.contacts.length > 0) target = 0;
  }

  if (target >= 0) {
    const contact = company.contacts[target]!;
    const position = contact.position ?? row.position;
    if (newPhones.length || newEmails.length || position !== contact.position) {
      changed = true;
      const updated = { ...contact, position, phones: [...contact.phones, ...newPhones], emails: [...contact.emails, ...newEmails] };
      next.contacts = company.contacts.map((c, i) => (i === target ? updated : c));
    }
  } else if (named !== null || newPhones.length || newEmails.length) {
    changed = true;
    const fullName = row.contactName ?? newPhones[0] ?? newEmails[0]!;
    next.contacts = [...company.contacts, { id: null, fullName, position: row.position, phones: newPhones, emails: newEmails }];
  }
  return { ok: true, company: changed ? next : company, changed };
}

/** What to write for a company the import changed: fields it filled, contacts it added or extended. */
export interface CompanyAdditions {
  fields: Partial<Pick<CompanyState, "legalId" | "legalIdKind" | "industry" | "region" | "size" | "groupName" | "sourceId">>;
  newContacts: ContactState[];
  contactAdditions: { contactId: number; phones: string[]; emails: string[]; position: string | null }[];
}

export function additionsOf(before: CompanyState, after: CompanyState): CompanyAdditions {
  const fields: CompanyAdditions["fields"] = {};
  for (const key of ["legalId", "legalIdKind", "industry", "region", "size", "groupName", "sourceId"] as const) {
    if (before[key] === null && after[key] !== null) Object.assign(fields, { [key]: after[key] });
  }
  const newContacts = after.contacts.filter((c) => c.id === null);
  const contactAdditions: CompanyAdditions["contactAdditions"] = [];
  for (const contact of after.contacts) {
    const was = contact.id === null ? undefined : before.contacts.find((c) => c.id === contact.id);
    if (!was) continue;
    const phones = contact.phones.filter((p) => !was.phones.includes(p));
    const emails = contact.emails.filter((e) => !was.emails.includes(e));
    const position = was.position === null && contact.position !== null ? contact.position : null;
    if (phones.length || emails.length || position !== null) contactAdditions.push({ contactId: contact.id!, phones, emails, position });
  }
  return { fields, newContacts, contactAdditions };
}
