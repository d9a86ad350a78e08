import { Type, type Static } from "typebox";
import { CALL_OUTCOMES } from "../../domain/callOutcomes.js";
import { COMPANY_SIZES, STAGES } from "../../domain/conveyor.js";
import { LEGAL_ID_KINDS } from "../../domain/legalIds.js";
import { Nullable, StringEnum } from "../../server/schemaHelpers.js";


export const StageSchema = StringEnum(STAGES);
export const SizeSchema = StringEnum(COMPANY_SIZES);
export const LegalIdKindSchema = StringEnum(LEGAL_ID_KINDS);
const ShortText = (max = 200) => Type.String({ minLength: 1, maxLength: max });

export const HolderSchema = Type.Object(
  {
    userId: Type.Integer(),
    fullName: Type.String(),
    role: Type.String(),
    tier: Type.Integer({ minimum: 1, maximum: 3 }),
    since: Type.String({ format: "date-time" }),
    termUntil: Nullable(Type.String({ format: "date-time" })),
    acceptedAt: Nullable(Type.String({ format: "date-time" , description: "Tier 3: when the account manager accepted the hand-over." })),
  },
  { $id: "Holder", title: "Holder" },
);

export const CompanySchema = Type.Object(
  {
    id: Type.Integer(),
    legalName: Type.String(),
    legalId: Nullable(Type.String()),
    legalIdKind: Nullable(LegalIdKindSchema),
    groupName: Nullable(Type.String()),
    industry: Nullable(Type.String()),
    size: Nullable(SizeSchema),
    region: Nullable(Type.String()),
    sourceId: Nullable(Type.Integer({ description: "The lead source (see /api/sources/options)." })),
    source: Nullable(Type.String({ description: "The lead source's name, for display." })),
    stage: StageSchema,
    nextTouchAt: Nullable(Type.String({ format: "date-time" })),
    doNotCall: Type.Boolean(),
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({ format: "date-time" }),
    holder: Type.Union([Type.Ref("Holder"), Type.Null()]),
  },
  { $id: "Company", title: "Company" },
);
export type CompanyDto = Static<typeof CompanySchema>;

export const ContactSchema = Type.Object(
  {
    id: Type.Integer(),
    companyId: Type.Integer(),
    fullName: Type.String(),
    position: Nullable(Type.String()),
    phones: Type.Array(Type.String()),
    emails: Type.Array(Type.String()),
    decisionMaker: Type.Boolean(),
  },
  { $id: "Contact", title: "Contact" },
);
export type ContactDto = Static<typeof ContactSchema>;

export const HoldingSchema = Type.Object(
  {
    id: Type.Integer(),
    userId: Type.Integer(),
    fullName: Type.String(),
    tier: Type.Integer(),
    startedAt: Type.String({ format: "date-time" }),
    termUntil: Nullable(Type.String({ format: "date-time" })),
    endedAt: Nullable(Type.String({ format: "date-time" })),
    endReason: Nullable(Type.String()),
  },
  { $id: "Holding", title: "Holding" },
);
export type HoldingDto = Static<typeof HoldingSchema>;

export const CompanyCardSchema = Type.Object(
  {
    company: Type.Ref("Company"),
    contacts: Type.Array(Type.Ref("Contact")),
    holdings: Type.Array(Type.Ref("Holding")),
  },
  { $id: "CompanyCard", title: "CompanyCard" },
);

export const ActivitySchema = Type.Object(
  {
    id: Type.Integer(),
    companyId: Type.Integer(),
    kind: Type.String(),
    occurredAt: Type.String({ format: "date-time" }),
    actor: Type.Union([Type.Object({ id: Type.Integer(), fullName: Type.String() }), Type.Null()]),
    text: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: "Activity", title: "Activity" },
);
export type ActivityDto = Static<typeof ActivitySchema>;

export const ContactInputSchema = Type.Object(
  {
    fullName: ShortText(),
    position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    phones: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 40 }), { maxItems: 10 })),
    emails: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 254 }), { maxItems: 10 })),
    decisionMaker: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ContactInput = Static<typeof ContactInputSchema>;
export const ContactPatchSchema = Type.Partial(ContactInputSchema, { additionalProperties: false, minProperties: 1 });
export type ContactPatch = Static<typeof ContactPatchSchema>;

const companyFields = {
  legalName: ShortText(300),
  legalId: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  legalIdKind: Type.Optional(Nullable(LegalIdKindSchema)),
  groupName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  industry: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  size: Type.Optional(Nullable(SizeSchema)),
  region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  sourceId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: "A lead source id (see /api/sources/options); a new company needs an active one." }))),
};

export const CreateCompanyBody = Type.Object(
  { ...companyFields, contacts: Type.Optional(Type.Array(ContactInputSchema, { maxItems: 20 })) },
  { additionalProperties: false },
);
export type CreateCompanyInput = Static<typeof CreateCompanyBody>;

export const UpdateCompanyBody = Type.Partial(
  Type.Object({ ...companyFields, doNotCall: Type.Boolean({ description: "Never call: the company leaves every call list." }) }),
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCompanyInput = Static<typeof UpdateCompanyBody>;

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    stage: Type.Optional(StageSchema),
    industry: Type.Optional(Type.String({ maxLength: 100 })),
    region: Type.Optional(Type.String({ maxLength: 100 })),
    sourceId: Type.Optional(Type.Integer({ minimum: 1 })),
    size: Type.Optional(SizeSchema),
    groupName: Type.Optional(Type.String({ maxLength: 200 })),
    holderId: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type SearchInput = Static<typeof SearchQuery>;

export const TimelineQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    /** Keyset cursor from the previous page: `<occurredAt ISO>|<id>`. */
    before: Type.Optional(Type.String({ maxLength: 80 })),
  },
  { additionalProperties: false },
);

export const ACTIVITY_LOG_KINDS = ["note", "call", "meeting", "email"] as const;
export const LogActivityBody = Type.Object(
  {
    kind: StringEnum(ACTIVITY_LOG_KINDS),
    text: Type.String({ minLength: 1, maxLength: 10_000 }),
    outcome: Type.Optional(StringEnum(CALL_OUTCOMES, { description: "How a call ended (calls only)." })),
    occurredAt: Type.Optional(Type.String({ format: "date-time" })),
  },
  { additionalProperties: false },
);
export type LogActivityInput = Static<typeof LogActivityBody>;

export const clientSchemas = [HolderSchema, CompanySchema, ContactSchema, HoldingSchema, CompanyCardSchema, ActivitySchema];
