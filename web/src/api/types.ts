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
  /** Sales managers: new leads per day (null: the team default). */
  dailyLeadCap?: number | null;
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
  /** The lead source (see /api/sources/options), and its name for display. */
  sourceId: number | null;
  source: string | null;
  stage: Stage;
  nextTouchAt: string | null;
  /** Never call: the company stays off every call list. */
  doNotCall?: boolean;
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
  sourceId?: number | null;
}

/* Tier 1 — lead generation (src/features/prospecting/schemas.ts). */

export interface ScriptAnswer {
  id: string;
  label: string;
  next?: string;
  outcome?: string;
}

export interface ScriptStep {
  id: string;
  say: string;
  answers: ScriptAnswer[];
}

export interface ScriptBody {
  start: string;
  steps: ScriptStep[];
}

export interface Script {
  id: number;
  name: string;
  version: number;
  versionId: number;
  body: ScriptBody;
  updatedAt: string;
}

export interface ScriptVersion {
  version: number;
  versionId: number;
  createdAt: string;
}

export const SCRIPT_PROBLEMS = [
  "no_steps",
  "start_missing",
  "duplicate_step",
  "duplicate_answer",
  "step_without_answers",
  "answer_needs_next_or_outcome",
  "answer_has_next_and_outcome",
  "unknown_next_step",
  "unknown_outcome",
  "unreachable_step",
  "dead_end_step",
  "no_way_to_finish",
] as const;
export type ScriptProblemCode = (typeof SCRIPT_PROBLEMS)[number];

/** Empty lines: refused by the request schema, shown by the editor before saving. */
export type ScriptEditorProblemCode = "say_empty" | "label_empty";

export interface ScriptProblem {
  problem: ScriptProblemCode | ScriptEditorProblemCode;
  stepId?: string;
  answerId?: string;
  next?: string;
}

export interface Instruction {
  id: number;
  title: string;
  body: string;
  updatedAt: string;
}

export interface CallListCriteria {
  industries?: string[];
  sizes?: CompanySize[];
  regions?: string[];
  /** Lead sources by id. */
  sourceIds?: number[];
  groups?: string[];
  notTouchedForDays?: number;
}

export interface CallList {
  id: number;
  name: string;
  criteria: CallListCriteria;
  scriptId: number | null;
  callerIds: number[];
  active: boolean;
  ready: number;
  due: number;
  refreshedAt: string | null;
}

export interface CallListInput {
  name: string;
  criteria: CallListCriteria;
  scriptId: number | null;
  callerIds: number[];
  active: boolean;
}

export interface CallingItem {
  company: Company;
  contacts: Contact[];
  recent: Activity[];
  callList: { id: number; name: string };
  script: Script | null;
  unansweredCalls: number;
  claimExpiresAt: string;
}

export interface Qualification {
  need: string;
  timing: string;
  budget?: string;
  decisionMaker?: string;
}

export interface OutcomeInput {
  outcome: string;
  note?: string;
  callbackAt?: string;
  reason?: string;
  qualification?: Qualification;
  appointmentAt?: string;
  scriptVersionId?: number;
  answers?: string[];
  takeNext?: boolean;
}

export interface CallConsequence {
  kind: "retry" | "callback" | "drop" | "hand_over";
  at?: string;
  reason?: string;
  unansweredCalls?: number;
  escalated?: boolean;
  toUserId?: number;
  toName?: string;
}

export interface CallerResult {
  callerId: number;
  fullName: string;
  period: string;
  calls: number;
  connects: number;
  interested: number;
  handedOver: number;
  converted: number;
}

/* Tier 2 — lead conversion (src/features/conversion/schemas.ts, src/features/settings/routes.ts). */

export const POSTPONE_REASONS = ["budget_cycle", "procurement_period", "state_funding", "seasonality", "reorganisation", "decision_maker_away"] as const;
export type PostponeReason = (typeof POSTPONE_REASONS)[number];

export const PROMISE_KINDS = ["delivery_date", "discount", "payment_terms", "service", "other"] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

export interface Proposal {
  id: number;
  amountMinor: number;
  currency: string;
  sentOn: string;
  documentUrl: string | null;
  note: string | null;
}

export interface Deal {
  id: number;
  companyId: number;
  managerId: number;
  /** One of the team's open stages, or "won" / "lost". */
  stage: string;
  amountMinor: number | null;
  currency: string | null;
  lostReason: string | null;
  postponedUntil: string | null;
  postponeCategory: string | null;
  postponeNote: string | null;
  openedAt: string;
  closedAt: string | null;
  proposals: Proposal[];
}

export interface QueueItem {
  company: Company;
  queueDay: string | null;
  firstContactDueAt: string | null;
  firstContactAt: string | null;
  firstContactOverdue: boolean;
  deal: Deal | null;
}

export type PromiseStatus = "open" | "kept" | "broken";

/** A promise made to the customer at conversion ("Promise" is taken by JavaScript). */
export interface CustomerPromise {
  id: number;
  companyId: number;
  legalName: string;
  madeBy: { id: number; fullName: string };
  kind: string;
  text: string;
  dueOn: string | null;
  status: PromiseStatus;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export interface PendingHandOver {
  company: Company;
  handedOverAt: string;
  fromManager: { id: number; fullName: string } | null;
  promises: CustomerPromise[];
}

export interface ManagerResult {
  managerId: number;
  fullName: string;
  leadsReceived: number;
  contactedInTime: number;
  proposals: number;
  won: number;
  lost: number;
  medianDaysToFirstSale: number | null;
  promisesBroken: number;
}

export interface Product {
  id: number;
  name: string;
  sku: string | null;
  active: boolean;
}

export interface WorkingHours {
  timeZone: string;
  startHour: number;
  endHour: number;
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  workDays: number[];
}

export interface TeamSettings {
  workingHours: WorkingHours;
  defaultDailyLeadCap: number;
  firstContactMinutes: number;
  dealStages: string[];
  maxPostponeDays: number;
  /** Weekly contact: every live company is touched at least every N days (1–7). */
  cadenceDays: number;
  /** Tier 3: remind account managers N days before a customer's expected purchase (0–60). */
  reorderReminderDays: number;
  /** Rotation of dead clients (src/features/settings/teamSettings.ts RotationSettings). */
  rotation: RotationSettings;
}

export interface Absence {
  id: number;
  userId: number;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

export interface WinInput {
  accountManagerId: number;
  currency: string;
  lines: { productId: number; quantity: number; amountMinor: number }[];
  promises: { kind: PromiseKind; text: string; dueOn?: string }[];
  note?: string;
}

/* Telephony (src/features/telephony/routes.ts; the reasons are src/domain/routing.ts ROUTING_REASONS). */

/** An inbound call routed to the signed-in user, pushed as `event: inbound_call` on GET /api/events. */
export interface InboundCallEvent {
  /** The caller's number in E.164, or as the PBX gave it when it could not be read. */
  from: string;
  companyId: number | null;
  reason: string;
}

/** Where a (simulated) inbound call went: POST /api/telephony/simulate. */
export interface RoutedCall {
  route: { userId: number; fullName: string; role: Role; reason: string; companyId: number | null; callerE164: string | null };
}

/* Billing (src/features/accounts/schemas.ts): orders to bill and the invoices the back office issues. */

export const INVOICE_STATUSES = ["issued", "paid", "cancelled"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface Invoice {
  id: number;
  orderId: number;
  companyId: number;
  legalName: string;
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  dueOn: string;
  /** Minor units (kopecks) in `currency`. */
  amountMinor: number;
  currency: string;
  status: InvoiceStatus;
  /** Issued and past its due date. */
  overdue: boolean;
  paidOn: string | null;
  cancelReason: string | null;
  issuedBy: number;
}

export interface Order {
  id: number;
  companyId: number;
  legalName: string;
  dealId: number | null;
  orderedAt: string;
  currency: string;
  totalMinor: number;
  createdBy: number | null;
  lines: { productId: number; productName: string; quantity: number; amountMinor: number }[];
  /** The live (issued or paid) invoice, once the back office has billed the order. */
  invoice: Invoice | null;
}

/* Weekly contact (src/features/touches/routes.ts). */

export type TouchStatus = "scheduled" | "due" | "overdue";

export interface TouchRow {
  companyId: number;
  legalName: string;
  stage: Stage;
  holder: { userId: number; fullName: string; tier: number } | null;
  lastTouchAt: string | null;
  nextTouchAt: string | null;
  status: TouchStatus;
  /** Whole days since the touch fell due (overdue only; else 0). */
  daysOverdue: number;
}

export interface CoverageLine {
  /** Live companies. */
  live: number;
  /** Of them, called, met or written to within the window. */
  touched: number;
  /** touched / live, 0..1. */
  share: number;
  /** Of them, with the next touch past due. */
  overdue: number;
}

export interface TouchCoverage {
  /** The window, in days. */
  days: number;
  team: CoverageLine;
  /** holderId null: live companies nobody holds. */
  byHolder: (CoverageLine & { holderId: number | null; fullName: string | null; role: Role | null })[];
}

/* Tier 3: account management (src/features/accounts/schemas.ts). Money in minor units, days YYYY-MM-DD. */

export const RFM_SEGMENTS = ["champions", "loyal", "potential", "new", "at_risk", "cant_lose", "hibernating", "lost", "no_purchases"] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];
/** none: no rhythm yet; scheduled: expected later; due: time to remind; overdue: past the expected day. */
export type ReorderStatus = "none" | "scheduled" | "due" | "overdue";

export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
}

export interface AccountRow {
  companyId: number;
  legalName: string;
  industry: string | null;
  size: CompanySize | null;
  region: string | null;
  holder: { userId: number; fullName: string } | null;
  segment: RfmSegment;
  scores: RfmScores | null;
  lastPurchaseOn: string | null;
  daysSinceLastPurchase: number | null;
  /** Purchase days in the last 365 days. */
  purchases: number;
  /** Bought in the last 365 days, minor units (whatever the currency). */
  monetaryMinor: number;
  expectedOn: string | null;
  intervalDays: number | null;
  confidence: number | null;
  reorderStatus: ReorderStatus;
  nextTouchAt: string | null;
  touchOverdue: boolean;
  overdueInvoices: number;
}

export interface AccountList {
  today: string;
  total: number;
  /** Customers per segment under the other filters (the segment filter aside). */
  segments: Partial<Record<RfmSegment, number>>;
  items: AccountRow[];
}

export interface ReorderPrediction {
  purchases: number;
  lastDay: string;
  intervalDays: number;
  expectedDay: string;
  confidence: number;
  status: ReorderStatus;
}

export interface AccountBrief {
  companyId: number;
  today: string;
  firstPurchaseOn: string | null;
  lastPurchaseOn: string | null;
  daysSinceLastPurchase: number | null;
  purchaseDays: number;
  totals: { currency: string; amountMinor: number }[];
  overall: ReorderPrediction | null;
  products: {
    productId: number;
    name: string;
    purchaseDays: number;
    quantity: number;
    amountMinor: number;
    lastOn: string;
    prediction: (ReorderPrediction & { typicalQuantity: number }) | null;
  }[];
  rfm: { segment: RfmSegment; scores: RfmScores | null; computedOn: string } | null;
  crossSell: { productId: number; name: string; peers: number; share: number }[];
  peers: number;
}

export interface PlaceOrderInput {
  orderedOn?: string;
  currency: string;
  lines: { productId: number; quantity: number; amountMinor: number }[];
  note?: string;
}

/* Rotation of dead clients and weekly reports (src/features/rotation/*; rules in src/domain/rotation.ts). */

export interface RotationSettings {
  /** Fewer sales than this and the computed sales period is not trusted: the fallback is used. */
  salesPeriodMinCases: number;
  salesPeriodFallbackDays: number;
  /** The head's fixed sales period; null: computed from the data. */
  salesPeriodOverrideDays: number | null;
  /** Terms in tier 1 too (tier 2 always has them). */
  termsInTier1: boolean;
  /** A company in a group of related companies gets a term this many times longer. */
  groupTermMultiplier: number;
  /** No call, meeting or email for this many days lists a holding (0: never). */
  inactiveDays: number;
  maxExtensionDays: number;
  restDays: number;
  holderCooldownDays: number;
  preferBestConverter: boolean;
  qualityWindowDays: number;
}

export const DEAD_REASONS = ["term_expired", "inactive"] as const;
export type DeadReason = (typeof DEAD_REASONS)[number];

/** Objective reasons to extend a holding: the same as for postponing a deal. */
export const EXTENSION_REASONS = POSTPONE_REASONS;
export type ExtensionReason = PostponeReason;

export interface Person {
  id: number;
  fullName: string;
}

/** A holding on the head's list: GET /api/rotation/dead. */
export interface DeadClient {
  holdingId: number;
  company: { id: number; legalName: string; industry: string | null; size: CompanySize | null; groupName: string | null; stage: Stage };
  holder: Person & { role: Role };
  tier: number;
  startedAt: string;
  termUntil: string | null;
  reason: DeadReason;
  listedAt: string;
  lastTouchAt: string | null;
  daysHeld: number;
  /** Who would take it now by the rule; null: nobody is eligible. */
  suggested: Person | null;
}

/** One of the head's decisions: POST /api/rotation/decisions (a batch is all or nothing). */
export type RotationDecisionInput =
  | { holdingId: number; decision: "extend"; category: ExtensionReason; note: string; until: string }
  | { holdingId: number; decision: "transfer_now"; toUserId?: number; note?: string }
  | { holdingId: number; decision: "transfer_after_rest"; restDays?: number; nextHolderId?: number; note?: string }
  | { holdingId: number; decision: "archive"; note: string };
export type RotationDecision = RotationDecisionInput["decision"];

export interface RotationOutcome {
  holdingId: number;
  companyId: number;
  decision: RotationDecision;
  toUserId: number | null;
  restUntil: string | null;
}

/** A client resting after rotation: GET /api/rotation/resting. */
export interface Rest {
  id: number;
  company: { id: number; legalName: string };
  from: Person;
  tier: number;
  startedAt: string;
  untilOn: string;
  nextHolder: Person | null;
}

export interface SalesPeriod {
  days: number;
  source: "computed" | "fallback" | "override";
  mean: number | null;
  median: number | null;
  cases: number;
}

export interface SalesPeriodReport {
  periods: { overall: SalesPeriod; byIndustry: Record<string, SalesPeriod>; bySize: Record<string, SalesPeriod>; computedAt: string };
  policy: RotationSettings;
}

export interface QualityLine {
  holder: Person;
  lost: number;
  soldLater: number;
  cases: { company: { id: number; legalName: string }; how: "rotated" | "archived"; lostAt: string; soldAt: string; seller: Person }[];
}

export const REPORT_STATUSES = ["progressing", "stalled", "hopeless", "sold"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportLine {
  status: ReportStatus;
  nextStep: string;
  nextStepOn: string | null;
  note: string | null;
}

export interface ReportLineInput {
  companyId: number;
  status: ReportStatus;
  nextStep: string;
  nextStepOn?: string;
  note?: string;
}

/** My weekly report: GET /api/weekly-reports/mine. */
export interface WeeklyReport {
  /** The Monday of the week. */
  week: string;
  submittedAt: string | null;
  clients: {
    holdingId: number;
    company: { id: number; legalName: string; stage: Stage };
    tier: number;
    /** false: held at some point of the week, not any more. */
    heldNow: boolean;
    activities: { kind: string; occurredAt: string; text: string | null }[];
    line: ReportLine | null;
    suggestedStatus: ReportStatus;
  }[];
}

/** The head's view of a week: GET /api/weekly-reports. */
export interface WeeklyOverview {
  week: string;
  /** The week's last working day has passed. */
  overdue: boolean;
  people: {
    user: Person & { role: Role };
    held: number;
    submittedAt: string | null;
    missing: { id: number; legalName: string; stage: Stage }[];
    late: boolean;
    lines: ({ holdingId: number; heldNow: boolean; company: { id: number; legalName: string; stage: Stage } } & ReportLine)[];
  }[];
}
