import type { TeamSettings } from "../api/types";

/** The lead source quality watch (see src/domain/sourceWatch.ts). */
export interface SourceWatchSettings {
  windowDays: number;
  baselineDays: number;
  qualifyDays: number;
  saleDays: number;
  minSample: number;
  alpha: number;
  spamWindowHours: number;
  spamMinLeads: number;
  spamRejectShare: number;
  spamMaxConnectRate: number;
}

/** The team's rules as GET /api/settings returns them. */
export type TeamRules = TeamSettings & { sourceWatch: SourceWatchSettings };
