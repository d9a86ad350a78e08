/* Lead sources and their intake (src/features/sources/schemas.ts). */

export const SOURCE_KINDS = ["partner", "ads", "web_form", "exhibition", "inbound_call", "cold_base", "referral", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const INTAKE_OUTCOMES = ["accepted", "duplicate", "invalid", "rate_limited"] as const;
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];
export type OutcomeCounts = Record<IntakeOutcome, number>;

export interface LeadSource {
  id: number;
  name: string;
  kind: SourceKind;
  costPerLeadMinor: number | null;
  currency: string | null;
  owner: { id: number; fullName: string } | null;
  active: boolean;
  intake: { enabled: boolean; hourlyLimit: number; last24h: OutcomeCounts; last7d: OutcomeCounts };
  /** Leads of this source nobody holds yet: the head distributes them. */
  waitingLeads: number;
  createdAt: string;
  updatedAt: string;
}

export interface SourceOption {
  id: number;
  name: string;
  kind: SourceKind;
}

export interface SourceInput {
  name: string;
  kind: SourceKind;
  costPerLeadMinor: number | null;
  currency: string | null;
  ownerId: number | null;
  active: boolean;
  intakeHourlyLimit: number;
}

export interface IntakeRow {
  id: number;
  receivedAt: string;
  outcome: IntakeOutcome;
  errorCode: string | null;
  company: { id: number; legalName: string | null; waiting: boolean } | null;
  payload: Record<string, unknown>;
}
