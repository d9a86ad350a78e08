import { Type, type Static } from "typebox";
import { POSTPONE_REASONS, PROMISE_KINDS } from "../../domain/deals.js";
import { Currency, DateOnly, Minor, StringEnum, Nullable } from "../../server/schemaHelpers.js";


export const DealSchema = Type.Object(
  {
    id: Type.Integer(),
    companyId: Type.Integer(),
    managerId: Type.Integer(),
    stage: Type.String({ description: "One of the team's open stages, or won / lost." }),
    amountMinor: Nullable(Type.Integer()),
    currency: Nullable(Type.String()),
    lostReason: Nullable(Type.String()),
    postponedUntil: Nullable(DateOnly),
    postponeCategory: Nullable(Type.String()),
    postponeNote: Nullable(Type.String()),
    openedAt: Type.String({ format: "date-time" }),
    closedAt: Nullable(Type.String({ format: "date-time" })),
    proposals: Type.Array(
      Type.Object({ id: Type.Integer(), amountMinor: Type.Integer(), currency: Type.String(), sentOn: DateOnly, documentUrl: Nullable(Type.String()), note: Nullable(Type.String()) }),
    ),
  },
  { $id: "Deal", title: "Deal" },
);

export const QueueItemSchema = Type.Object(
  {
    company: Type.Ref("Company"),
    queueDay: Nullable(DateOnly),
    firstContactDueAt: Nullable(Type.String({ format: "date-time" })),
    firstContactAt: Nullable(Type.String({ format: "date-time" })),
    firstContactOverdue: Type.Boolean(),
    deal: Type.Union([Type.Ref("Deal"), Type.Null()]),
  },
  { $id: "QueueItem", title: "QueueItem" },
);

export const PromiseSchema = Type.Object(
  {
    id: Type.Integer(),
    companyId: Type.Integer(),
    legalName: Type.String(),
    madeBy: Type.Object({ id: Type.Integer(), fullName: Type.String() }),
    kind: Type.String(),
    text: Type.String(),
    dueOn: Nullable(DateOnly),
    status: StringEnum(["open", "kept", "broken"] as const),
    resolvedAt: Nullable(Type.String({ format: "date-time" })),
    resolutionNote: Nullable(Type.String()),
  },
  { $id: "Promise", title: "Promise" },
);

export const OpenDealBody = Type.Object(
  { stage: Type.Optional(Type.String({ maxLength: 50 })), amountMinor: Type.Optional(Minor), currency: Type.Optional(Currency) },
  { additionalProperties: false },
);
export const MoveDealBody = Type.Object({ stage: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false });
export const LoseDealBody = Type.Object({ reason: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });
export const PostponeDealBody = Type.Object(
  { category: StringEnum(POSTPONE_REASONS), note: Type.String({ maxLength: 2000 }), until: DateOnly },
  { additionalProperties: false },
);
export type PostponeDealInput = Static<typeof PostponeDealBody>;
export const ProposalBody = Type.Object(
  {
    amountMinor: Minor,
    currency: Currency,
    sentOn: DateOnly,
    documentUrl: Type.Optional(Type.String({ maxLength: 2000, pattern: "^https?://" })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ProposalInput = Static<typeof ProposalBody>;
export const WinDealBody = Type.Object(
  {
    accountManagerId: Type.Integer({ minimum: 1 }),
    currency: Currency,
    lines: Type.Array(Type.Object({ productId: Type.Integer({ minimum: 1 }), quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }), amountMinor: Minor }, { additionalProperties: false }), { minItems: 1, maxItems: 200 }),
    promises: Type.Array(
      Type.Object({ kind: StringEnum(PROMISE_KINDS), text: Type.String({ minLength: 1, maxLength: 2000 }), dueOn: Type.Optional(DateOnly) }, { additionalProperties: false }),
      { maxItems: 50 },
    ),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type WinDealInput = Static<typeof WinDealBody>;
export const ResolvePromiseBody = Type.Object(
  { status: StringEnum(["kept", "broken"] as const), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const PromisesQuery = Type.Object(
  { status: Type.Optional(StringEnum(["open", "kept", "broken"] as const)), madeBy: Type.Optional(Type.Integer({ minimum: 1 })), companyId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export const ManagerResultSchema = Type.Object(
  {
    managerId: Type.Integer(),
    fullName: Type.String(),
    leadsReceived: Type.Integer(),
    contactedInTime: Type.Integer(),
    proposals: Type.Integer(),
    won: Type.Integer(),
    lost: Type.Integer(),
    medianDaysToFirstSale: Nullable(Type.Number()),
    promisesBroken: Type.Integer(),
  },
  { $id: "ManagerResult", title: "ManagerResult" },
);
export const ProductSchema = Type.Object({ id: Type.Integer(), name: Type.String(), sku: Nullable(Type.String()), active: Type.Boolean() }, { $id: "Product", title: "Product" });

export const conversionSchemas = [DealSchema, QueueItemSchema, PromiseSchema, ManagerResultSchema, ProductSchema];
