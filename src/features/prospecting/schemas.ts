import { Type, type Static } from "typebox";
import { CALLER_OUTCOMES } from "../../domain/calling.js";
import { COMPANY_SIZES } from "../../domain/conveyor.js";
import { StringEnum, Nullable } from "../../server/schemaHelpers.js";

const Id = Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9_-]+$" });
const Names = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 });

export const ScriptBodySchema = Type.Object(
  {
    start: Id,
    steps: Type.Array(
      Type.Object(
        {
          id: Id,
          say: Type.String({ minLength: 1, maxLength: 5000 }),
          answers: Type.Array(
            Type.Object(
              { id: Id, label: Type.String({ minLength: 1, maxLength: 500 }), next: Type.Optional(Id), outcome: Type.Optional(StringEnum(CALLER_OUTCOMES)) },
              { additionalProperties: false },
            ),
            { maxItems: 20 },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { $id: "ScriptBody", title: "ScriptBody", additionalProperties: false },
);

export const ScriptSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    version: Type.Integer(),
    versionId: Type.Integer(),
    body: Type.Ref("ScriptBody"),
    updatedAt: Type.String({ format: "date-time" }),
  },
  { $id: "Script", title: "Script" },
);

export const SaveScriptBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), body: Type.Ref("ScriptBody") },
  { additionalProperties: false },
);
export type SaveScriptInput = Static<typeof SaveScriptBody>;

export const InstructionSchema = Type.Object(
  { id: Type.Integer(), title: Type.String(), body: Type.String(), updatedAt: Type.String({ format: "date-time" }) },
  { $id: "Instruction", title: "Instruction" },
);
export const SaveInstructionBody = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200 }), body: Type.String({ minLength: 1, maxLength: 50_000 }) },
  { additionalProperties: false },
);
export type SaveInstructionInput = Static<typeof SaveInstructionBody>;

export const CriteriaSchema = Type.Object(
  {
    industries: Type.Optional(Names),
    sizes: Type.Optional(Type.Array(StringEnum(COMPANY_SIZES), { maxItems: 4 })),
    regions: Type.Optional(Names),
    sourceIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100, description: "Lead source ids." })),
    groups: Type.Optional(Names),
    notTouchedForDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { $id: "CallListCriteria", title: "CallListCriteria", additionalProperties: false },
);

export const CallListSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    criteria: Type.Ref("CallListCriteria"),
    scriptId: Nullable(Type.Integer()),
    callerIds: Type.Array(Type.Integer()),
    active: Type.Boolean(),
    ready: Type.Integer({ description: "Companies on the list not dropped." }),
    due: Type.Integer({ description: "Companies due for a call now." }),
    refreshedAt: Nullable(Type.String({ format: "date-time" })),
  },
  { $id: "CallList", title: "CallList" },
);

export const SaveCallListBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    criteria: Type.Ref("CallListCriteria"),
    scriptId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    callerIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SaveCallListInput = Static<typeof SaveCallListBody>;

export const CallingItemSchema = Type.Object(
  {
    company: Type.Ref("Company"),
    contacts: Type.Array(Type.Ref("Contact")),
    recent: Type.Array(Type.Ref("Activity")),
    callList: Type.Object({ id: Type.Integer(), name: Type.String() }),
    script: Type.Union([Type.Ref("Script"), Type.Null()]),
    unansweredCalls: Type.Integer(),
    claimExpiresAt: Type.String({ format: "date-time" }),
  },
  { $id: "CallingItem", title: "CallingItem" },
);

export const NextQuery = Type.Object({ callListId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export const OutcomeBody = Type.Object(
  {
    outcome: StringEnum(CALLER_OUTCOMES),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    callbackAt: Type.Optional(Type.String({ format: "date-time" })),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    qualification: Type.Optional(
      Type.Object(
        {
          need: Type.String({ maxLength: 2000 }),
          budget: Type.Optional(Type.String({ maxLength: 500 })),
          timing: Type.String({ maxLength: 500 }),
          decisionMaker: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
    ),
    appointmentAt: Type.Optional(Type.String({ format: "date-time" })),
    scriptVersionId: Type.Optional(Type.Integer({ minimum: 1 })),
    answers: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    /** Take the next company in the same request (one round trip per call). */
    takeNext: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OutcomeInput = Static<typeof OutcomeBody>;

export const StatsQuery = Type.Object(
  {
    from: Type.String({ format: "date" }),
    to: Type.String({ format: "date" }),
    period: Type.Optional(StringEnum(["day", "week"] as const)),
    callerId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const CallerResultSchema = Type.Object(
  {
    callerId: Type.Integer(),
    fullName: Type.String(),
    period: Type.String({ format: "date", description: "The day, or the Monday of the week." }),
    calls: Type.Integer(),
    connects: Type.Integer(),
    interested: Type.Integer(),
    handedOver: Type.Integer(),
    converted: Type.Integer({ description: "Handed-over leads that tier 2 later took to a first sale." }),
  },
  { $id: "CallerResult", title: "CallerResult" },
);

export const prospectingSchemas = [ScriptBodySchema, ScriptSchema, InstructionSchema, CriteriaSchema, CallListSchema, CallingItemSchema, CallerResultSchema];
