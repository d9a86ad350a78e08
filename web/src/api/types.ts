/** The shapes the server sends (see the schemas.ts beside each feature in src/features); the web app's only contract with it. */
export const ROLES = ["admin", "head", "caller", "manager", "account_manager", "back_office"] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ["ru", "uk", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const STAGES = ["cold", "lead", "customer", "resting", "archived"] as const;
export type Stage = (typeof STAGES)[number];

export const COMPANY_SIZES = ["micro", "small", "medium", "large"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const LEGAL_ID_KINDS = ["inn", "edrpou", "rnokpp"] as const;
export type LegalIdKind = (typeof LEGAL_ID_KINDS)[number];

export const ACTIVITY_LOG_KINDS = ["note", "call", "meeting", "email"] as const;
export type ActivityLogKind = (typeof ACTIVITY_LOG_KINDS)[number];

export interface User {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  language: Language;
  active: boolean;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Holder {
  userId: number;
  fullName: string;
  role: string;
  tier: number;
  since: string;
  termUntil: string | null;
}

export interface Company {
  id: number;
  legalName: string;
  legalId: string | null;
  legalIdKind: LegalIdKind | null;
  groupName: string | null;
  industry: string | null;
  size: CompanySize | null;
  region: string | null;
  source: string | null;
  stage: Stage;
  nextTouchAt: string | null;
  createdAt: string;
  updatedAt: string;
  holder: Holder | null;
}

export interface Contact {
  id: number;
  companyId: number;
  fullName: string;
  position: string | null;
  phones: string[];
  emails: string[];
  decisionMaker: boolean;
}

export interface Holding {
  id: number;
  userId: number;
  fullName: string;
  tier: number;
  startedAt: string;
  termUntil: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export interface CompanyCard {
  company: Company;
  contacts: Contact[];
  holdings: Holding[];
}

export interface Activity {
  id: number;
  companyId: number;
  kind: string;
  occurredAt: string;
  actor: { id: number; fullName: string } | null;
  text: string | null;
  data: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

export interface TimelinePage {
  items: Activity[];
  nextBefore: string | null;
}

export interface Facets {
  industries: string[];
  regions: string[];
  sources: string[];
}

export interface ContactInput {
  fullName: string;
  position?: string | null;
  phones?: string[];
  emails?: string[];
  decisionMaker?: boolean;
}

export interface CompanyInput {
  legalName: string;
  legalId?: string | null;
  legalIdKind?: LegalIdKind | null;
  groupName?: string | null;
  industry?: string | null;
  size?: CompanySize | null;
  region?: string | null;
  source?: string | null;
}
