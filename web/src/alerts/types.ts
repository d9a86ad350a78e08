/** A source alert as GET /api/alerts returns it (see src/features/alerts/schemas.ts). */
export type AlertKind = "source_conversion_drop" | "source_spam";
export type AlertMetric = "qualified" | "first_sale" | "intake_rejects" | "no_connects";
export type AlertResolution = "recovered" | "dismissed" | "source_inactive";
export type AlertStatus = "live" | "resolved" | "all";

export interface PersonRef {
  id: number;
  fullName: string;
}

export interface WindowFigures {
  trials: number;
  successes: number;
  rate: number;
}

/** Figures of a conversion drop: matured leads in the recent window against the baseline. */
export interface ConversionDropFigures {
  windowDays: number;
  baselineDays: number;
  withinDays: number;
  recent: WindowFigures;
  baseline: WindowFigures;
  relativeDrop: number;
  pValue: number;
}

export interface IntakeRejectFigures {
  windowHours: number;
  posts: number;
  invalid: number;
  duplicate: number;
  rateLimited: number;
  rejected: number;
  rejectShare: number;
}

export interface NoConnectFigures {
  windowDays: number;
  attempted: number;
  connected: number;
  connectRate: number;
}

export interface SourceAlert {
  id: number;
  kind: AlertKind;
  metric: AlertMetric;
  source: { id: number; name: string; kind: string; owner: PersonRef | null } | null;
  raisedAt: string;
  figures: Record<string, unknown>;
  acknowledged: { by: PersonRef | null; at: string } | null;
  resolved: { at: string; resolution: AlertResolution; note: string | null } | null;
}
