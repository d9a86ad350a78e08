import { Type, type Static } from "typebox";
import { DEAD_REASONS, EXTENSION_REASONS, REPORT_STATUSES } from "../../domain/rotation.js";
import { DateOnly, Nullable, StringEnum } from "../../server/schemaHelpers.js";

const Note = Type.Optional(Type.String({ maxLength: 2000 }));
const HoldingId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const UserId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const DecisionItem = Type.Union([
  Type.Object(
    { holdingId: HoldingId, decision: Type.Literal("extend"), category: StringEnum(EXTENSION_REASONS), note: Type.String({ maxLength: 2000 }), until: DateOnly },
    { additionalProperties: false },
  ),
  Type.Object({ holdingId: HoldingId, decision: Type.Literal("transfer_now"), toUserId: Type.Optional(UserId), note: Note }, { additionalProperties: false }),
  Type.Object(
    { holdingId: HoldingId, decision: Type.Literal("transfer_after_rest"), restDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })), nextHolderId: Type.Optional(UserId), note: Note },
    { additionalProperties: false },
  ),
  Type.Object({ holdingId: HoldingId, decision: Type.Literal("archive"), note: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
]);
export type DecisionInput = Static<typeof DecisionItem>;

export const DecisionsBody = Type.Object({ items: Type.Array(DecisionItem, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false });

const Person = Type.Object({ id: Type.Integer(), fullName: Type.String() });
const Instant = Type.String({ format: "date-time" });

export const DeadClientSchema = Type.Object(
  {
    holdingId: Type.Integer(),
    company: Type.Object({ id: Type.Integer(), legalName: Type.String(), industry: Nullable(Type.String()), size: Nullable(Type.String()), groupName: Nullable(Type.String()), stage: Type.String() }),
    holder: Type.Object({ id: Type.Integer(), fullName: Type.String(), role: Type.String() }),
    tier: Type.Integer(),
    startedAt: Instant,
    termUntil: Nullable(Instant),
    reason: StringEnum(DEAD_REASONS),
    listedAt: Instant,
    lastTouchAt: Nullable(Instant),
    daysHeld: Type.Integer(),
    /** Who would take it now by the rule (null: nobody eligible). */
    suggested: Nullable(Person),
  },
  { $id: "DeadClient", title: "DeadClient" },
);

export const RestSchema = Type.Object(
  {
    id: Type.Integer(),
    company: Type.Object({ id: Type.Integer(), legalName: Type.String() }),
    from: Person,
    tier: Type.Integer(),
    startedAt: Instant,
    untilOn: DateOnly,
    nextHolder: Nullable(Person),
  },
  { $id: "Rest", title: "Rest" },
);

export const ReportLineInput = Type.Object(
  {
    companyId: Type.Integer({ minimum: 1 }),
    status: StringEnum(REPORT_STATUSES),
    nextStep: Type.String({ minLength: 1, maxLength: 1000 }),
    nextStepOn: Type.Optional(DateOnly),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReportLineInputT = Static<typeof ReportLineInput>;

export const SaveReportBody = Type.Object(
  { lines: Type.Array(ReportLineInput, { maxItems: 1000 }), submit: Type.Boolean({ description: "Submit: every held client must have a line." }) },
  { additionalProperties: false },
);

const PeriodSchema = Type.Object({
  days: Type.Integer(),
  source: StringEnum(["computed", "fallback", "override"] as const),
  mean: Nullable(Type.Number()),
  median: Nullable(Type.Number()),
  cases: Type.Integer(),
});

export const SalesPeriodsSchema = Type.Object(
  {
    overall: PeriodSchema,
    byIndustry: Type.Record(Type.String(), PeriodSchema),
    bySize: Type.Record(Type.String(), PeriodSchema),
    computedAt: Instant,
  },
  { $id: "SalesPeriods", title: "SalesPeriods" },
);

export const QualityLineSchema = Type.Object(
  {
    holder: Person,
    lost: Type.Integer(),
    soldLater: Type.Integer(),
    cases: Type.Array(
      Type.Object({
        company: Type.Object({ id: Type.Integer(), legalName: Type.String() }),
        how: StringEnum(["rotated", "archived"] as const),
        lostAt: Instant,
        soldAt: Instant,
        seller: Person,
      }),
    ),
  },
  { $id: "QualityLine", title: "QualityLine" },
);

const ReportLine = {
  status: StringEnum(REPORT_STATUSES),
  nextStep: Type.String(),
  nextStepOn: Nullable(DateOnly),
  note: Nullable(Type.String()),
};
const ReportCompany = Type.Object({ id: Type.Integer(), legalName: Type.String(), stage: Type.String() });

export const WeeklyReportFormSchema = Type.Object(
  {
    week: DateOnly,
    submittedAt: Nullable(Instant),
    clients: Type.Array(
      Type.Object({
        holdingId: Type.Integer(),
        company: ReportCompany,
        tier: Type.Integer(),
        heldNow: Type.Boolean(),
        activities: Type.Array(Type.Object({ kind: Type.String(), occurredAt: Instant, text: Nullable(Type.String()) })),
        line: Nullable(Type.Object(ReportLine)),
        suggestedStatus: StringEnum(REPORT_STATUSES),
      }),
    ),
  },
  { $id: "WeeklyReportForm", title: "WeeklyReportForm" },
);

export const WeeklyOverviewSchema = Type.Object(
  {
    week: DateOnly,
    /** The week's working days are over: a report not submitted is late. */
    overdue: Type.Boolean(),
    people: Type.Array(
      Type.Object({
        user: Type.Object({ id: Type.Integer(), fullName: Type.String(), role: Type.String() }),
        held: Type.Integer(),
        submittedAt: Nullable(Instant),
        missing: Type.Array(Type.Object({ id: Type.Integer(), legalName: Type.String(), stage: Type.String(), holdingId: Type.Integer(), heldNow: Type.Boolean(), tier: Type.Integer() })),
        late: Type.Boolean(),
        lines: Type.Array(Type.Object({ holdingId: Type.Integer(), heldNow: Type.Boolean(), tier: Type.Integer(), company: ReportCompany, ...ReportLine })),
      }),
    ),
  },
  { $id: "WeeklyOverview", title: "WeeklyOverview" },
);

export const rotationSchemas = [DeadClientSchema, RestSchema, SalesPeriodsSchema, QualityLineSchema, WeeklyReportFormSchema, WeeklyOverviewSchema];
