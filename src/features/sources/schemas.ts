import { Type, type Static } from "typebox";
import { LEGAL_ID_KINDS } from "../../domain/legalIds.js";
import { Currency, Nullable, StringEnum } from "../../server/schemaHelpers.js";

export const SOURCE_KINDS = ["partner", "ads", "web_form", "exhibition", "inbound_call", "cold_base", "referral", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const INTAKE_OUTCOMES = ["accepted", "duplicate", "invalid", "rate_limited"] as const;
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];

const KindSchema = StringEnum(SOURCE_KINDS);
const OutcomeCounts = Type.Object(Object.fromEntries(INTAKE_OUTCOMES.map((o) => [o, Type.Integer({ minimum: 0 })])) as Record<IntakeOutcome, ReturnType<typeof Type.Integer>>);
export type OutcomeCountsDto = Record<IntakeOutcome, number>;

export const LeadSourceSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    kind: KindSchema,
    costPerLeadMinor: Nullable(Type.Integer()),
    currency: Nullable(Type.String()),
    owner: Nullable(Type.Object({ id: Type.Integer(), fullName: Type.String() })),
    active: Type.Boolean(),
    intake: Type.Object({
      enabled: Type.Boolean({ description: "An intake token is set: a web form or partner can post leads." }),
      hourlyLimit: Type.Integer(),
      last24h: OutcomeCounts,
      last7d: OutcomeCounts,
    }),
    waitingLeads: Type.Integer({ description: "Leads of this source nobody holds yet (no manager could take them): the head distributes them." }),
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({ format: "date-time" }),
  },
  { title: "LeadSource" },
);
export type LeadSourceDto = Static<typeof LeadSourceSchema>;

export const SourceOptionSchema = Type.Object({ id: Type.Integer(), name: Type.String(), kind: KindSchema });
export type SourceOptionDto = Static<typeof SourceOptionSchema>;

const sourceFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kind: KindSchema,
  costPerLeadMinor: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1e13, description: "Cost of one lead in minor units; with its currency, or both null." }))),
  currency: Type.Optional(Nullable(Currency)),
  ownerId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: "An active user who answers for the source's quality." }))),
  active: Type.Optional(Type.Boolean()),
  intakeHourlyLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
};
export const CreateSourceBody = Type.Object(sourceFields, { additionalProperties: false });
export type CreateSourceInput = Static<typeof CreateSourceBody>;
export const UpdateSourceBody = Type.Partial(Type.Object(sourceFields), { additionalProperties: false, minProperties: 1 });
export type UpdateSourceInput = Static<typeof UpdateSourceBody>;

export const IntakeRowSchema = Type.Object(
  {
    id: Type.Integer(),
    receivedAt: Type.String({ format: "date-time" }),
    outcome: StringEnum(INTAKE_OUTCOMES),
    errorCode: Nullable(Type.String()),
    company: Nullable(
      Type.Object({
        id: Type.Integer(),
        legalName: Nullable(Type.String({ description: "Only when the viewer may read the company." })),
        waiting: Type.Boolean({ description: "A lead nobody holds yet." }),
      }),
    ),
    payload: Type.Record(Type.String(), Type.Unknown(), { description: "What was posted (capped)." }),
  },
  { title: "LeadIntake" },
);
export type IntakeRowDto = Static<typeof IntakeRowSchema>;

export const IntakeLogQuery = Type.Object(
  {
    outcome: Type.Optional(StringEnum(INTAKE_OUTCOMES)),
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  },
  { additionalProperties: false },
);

/** What a web form or partner posts; `extra` is kept in the intake log only. */
export const IntakeLeadBody = Type.Object(
  {
    legalName: Type.String({ minLength: 1, maxLength: 300 }),
    legalId: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    legalIdKind: Type.Optional(Nullable(StringEnum(LEGAL_ID_KINDS))),
    contactName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 5_000 }))),
    industry: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    extra: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "Anything else the form sends (UTM tags, page); kept in the log, capped at 4 KB." })),
  },
  { title: "IntakeLead", additionalProperties: false },
);
export type IntakeLeadInput = Static<typeof IntakeLeadBody>;
