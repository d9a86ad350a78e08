/** The dashboard's answers, as src/features/dashboard/schemas.ts defines them. */

export interface DashboardPeriod {
  from: string;
  to: string;
  team: string | null;
}

export interface DashboardFilter {
  from: string;
  to: string;
  team: string | null;
}

export const FUNNEL_STEPS = ["dialled", "contacted", "interested", "lead", "firstSale", "repeat"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelAnswer {
  period: DashboardPeriod;
  steps: Record<FunnelStep, number>;
}

export interface Money {
  currency: string;
  amountMinor: number;
}

export interface CallerFigures {
  userId: number;
  fullName: string;
  calls: number;
  connects: number;
  interested: number;
  handedOver: number;
  converted: number;
}

export interface ManagerFigures {
  userId: number;
  fullName: string;
  leadsReceived: number;
  onTimeShare: number | null;
  won: number;
  lost: number;
  firstSales: Money[];
  conversion: number | null;
  meanDaysToSale: number | null;
  medianDaysToSale: number | null;
}

export interface AccountManagerFigures {
  userId: number;
  fullName: string;
  customers: number;
  repeatOrders: number;
  repeatSales: Money[];
  coverage: number | null;
}

export interface PeopleAnswer {
  period: DashboardPeriod;
  callers: CallerFigures[];
  managers: ManagerFigures[];
  accountManagers: AccountManagerFigures[];
}

export interface SourceFigures {
  sourceId: number | null;
  name: string | null;
  kind: string | null;
  active: boolean;
  leads: number;
  qualified: number;
  firstSales: number;
  qualifiedShare: number | null;
  conversion: number | null;
  costPerLeadMinor: number | null;
  currency: string | null;
  costMinor: number | null;
  costPerFirstSaleMinor: number | null;
  firstSaleMinor: number;
}

export interface SourcesAnswer {
  period: DashboardPeriod;
  items: SourceFigures[];
}

export interface SalesPeriodMonth {
  month: string;
  cases: number;
  meanDays: number | null;
  medianDays: number | null;
}

export interface SalesPeriodTrendAnswer {
  period: DashboardPeriod;
  months: SalesPeriodMonth[];
}

export interface CoverageLine {
  live: number;
  touched: number;
  share: number;
  overdue: number;
}

export interface CoverageAnswer {
  period: DashboardPeriod;
  days: number;
  team: CoverageLine;
  byHolder: (CoverageLine & { holderId: number | null; fullName: string | null; role: string | null })[];
}

export const ROTATION_OUTCOMES = ["listed", "extended", "transferredNow", "transferredAfterRest", "archived", "restEnded", "soldLater"] as const;
export type RotationOutcome = (typeof ROTATION_OUTCOMES)[number];

export interface RotationAnswer {
  period: DashboardPeriod;
  outcomes: Record<RotationOutcome, number>;
}

export interface PromiseRecord {
  userId: number;
  fullName: string;
  made: number;
  kept: number;
  broken: number;
  open: number;
  brokenShare: number | null;
}

export interface PromisesAnswer {
  period: DashboardPeriod;
  items: PromiseRecord[];
}
