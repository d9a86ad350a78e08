import { Type, type Static } from "typebox";
import { RFM_SEGMENTS } from "../../domain/rfm.js";
import { Currency, DateOnly, Minor, Nullable, StringEnum } from "../../server/schemaHelpers.js";


export const REORDER_STATUSES = ["none", "scheduled", "due", "overdue"] as const;
export const INVOICE_STATUSES = ["issued", "paid", "cancelled"] as const;

export const InvoiceSchema = Type.Object(
  {
    id: Type.Integer(),
    orderId: Type.Integer(),
    companyId: Type.Integer(),
    legalName: Type.String(),
    number: Type.String(),
    issuedOn: DateOnly,
    dueOn: DateOnly,
    amountMinor: Type.Integer(),
    currency: Type.String(),
    status: StringEnum(INVOICE_STATUSES),
    /** Issued and past its due date. */
    overdue: Type.Boolean(),
    paidOn: Nullable(DateOnly),
    cancelReason: Nullable(Type.String()),
    issuedBy: Type.Integer(),
  },
  { $id: "Invoice", title: "Invoice" },
);

export const OrderSchema = Type.Object(
  {
    id: Type.Integer(),
    companyId: Type.Integer(),
    legalName: Type.String(),
    dealId: Nullable(Type.Integer()),
    orderedAt: Type.String({ format: "date-time" }),
    currency: Type.String(),
    totalMinor: Type.Integer(),
    createdBy: Nullable(Type.Integer()),
    lines: Type.Array(Type.Object({ productId: Type.Integer(), productName: Type.String(), quantity: Type.Integer(), amountMinor: Type.Integer() })),
    /** The live (issued or paid) invoice, if the back office has billed the order. */
    invoice: Nullable(Type.Ref("Invoice")),
  },
  { $id: "Order", title: "Order" },
);

export const AccountRowSchema = Type.Object(
  {
    companyId: Type.Integer(),
    legalName: Type.String(),
    industry: Nullable(Type.String()),
    size: Nullable(Type.String()),
    region: Nullable(Type.String()),
    holder: Nullable(Type.Object({ userId: Type.Integer(), fullName: Type.String() })),
    segment: StringEnum(RFM_SEGMENTS),
    scores: Nullable(Type.Object({ recency: Type.Integer(), frequency: Type.Integer(), monetary: Type.Integer() })),
    lastPurchaseOn: Nullable(DateOnly),
    daysSinceLastPurchase: Nullable(Type.Integer()),
    purchases: Type.Integer({ description: "Purchase days in the last 365 days." }),
    monetaryMinor: Type.Integer({ description: "Bought in the last 365 days, minor units." }),
    expectedOn: Nullable(DateOnly),
    intervalDays: Nullable(Type.Number()),
    confidence: Nullable(Type.Number()),
    reorderStatus: StringEnum(REORDER_STATUSES),
    nextTouchAt: Nullable(Type.String({ format: "date-time" })),
    touchOverdue: Type.Boolean(),
    overdueInvoices: Type.Integer(),
  },
  { $id: "AccountRow", title: "AccountRow" },
);

const predictionFields = {
  purchases: Type.Integer(),
  lastDay: DateOnly,
  intervalDays: Type.Number(),
  expectedDay: DateOnly,
  confidence: Type.Number(),
  status: StringEnum(REORDER_STATUSES),
};
const Prediction = Type.Object(predictionFields);

export const AccountBriefSchema = Type.Object(
  {
    companyId: Type.Integer(),
    today: DateOnly,
    firstPurchaseOn: Nullable(DateOnly),
    lastPurchaseOn: Nullable(DateOnly),
    daysSinceLastPurchase: Nullable(Type.Integer()),
    purchaseDays: Type.Integer({ description: "Distinct days with an order, all time." }),
    totals: Type.Array(Type.Object({ currency: Type.String(), amountMinor: Type.Integer() })),
    overall: Nullable(Prediction),
    products: Type.Array(
      Type.Object({
        productId: Type.Integer(),
        name: Type.String(),
        purchaseDays: Type.Integer(),
        quantity: Type.Integer(),
        amountMinor: Type.Integer(),
        lastOn: DateOnly,
        prediction: Nullable(Type.Object({ ...predictionFields, typicalQuantity: Type.Number() })),
      }),
    ),
    rfm: Nullable(
      Type.Object({
        segment: StringEnum(RFM_SEGMENTS),
        scores: Nullable(Type.Object({ recency: Type.Integer(), frequency: Type.Integer(), monetary: Type.Integer() })),
        computedOn: DateOnly,
      }),
    ),
    crossSell: Type.Array(Type.Object({ productId: Type.Integer(), name: Type.String(), peers: Type.Integer(), share: Type.Number() })),
    peers: Type.Integer({ description: "Customers with similar purchases the cross-sell counts come from." }),
  },
  { $id: "AccountBrief", title: "AccountBrief" },
);

export const accountSchemas = [InvoiceSchema, OrderSchema, AccountRowSchema, AccountBriefSchema];

export const PlaceOrderBody = Type.Object(
  {
    orderedOn: Type.Optional(Type.String({ format: "date", description: "Defaults to today; an order taken earlier may be entered late, never in the future." })),
    currency: Currency,
    lines: Type.Array(
      Type.Object({ productId: Type.Integer({ minimum: 1 }), quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }), amountMinor: Minor }, { additionalProperties: false }),
      { minItems: 1, maxItems: 200 },
    ),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type PlaceOrderInput = Static<typeof PlaceOrderBody>;

export const IssueInvoiceBody = Type.Object(
  {
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: "^\\S(.*\\S)?$", description: "Defaults to the next number of the year, e.g. 2026-000042." })),
    issuedOn: Type.Optional(DateOnly),
    dueOn: DateOnly,
  },
  { additionalProperties: false },
);
export type IssueInvoiceInput = Static<typeof IssueInvoiceBody>;

export const PayInvoiceBody = Type.Object({ paidOn: Type.Optional(DateOnly) }, { additionalProperties: false });
export const CancelInvoiceBody = Type.Object({ reason: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });

export const AccountsQuery = Type.Object(
  {
    segment: Type.Optional(Type.Array(StringEnum(RFM_SEGMENTS), { maxItems: RFM_SEGMENTS.length })),
    industry: Type.Optional(Type.String({ maxLength: 200 })),
    size: Type.Optional(StringEnum(["micro", "small", "medium", "large"] as const)),
    reorder: Type.Optional(StringEnum(REORDER_STATUSES)),
    touchOverdue: Type.Optional(Type.Boolean()),
    holderId: Type.Optional(Type.Integer({ minimum: 1 })),
    sort: Type.Optional(StringEnum(["expected", "monetary", "recency", "name"] as const)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AccountsFilter = Static<typeof AccountsQuery>;

export const InvoicesQuery = Type.Object(
  {
    status: Type.Optional(StringEnum([...INVOICE_STATUSES, "overdue"] as const)),
    companyId: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const OrdersQuery = Type.Object(
  {
    invoiced: Type.Optional(Type.Boolean({ description: "false: orders the back office has not billed yet." })),
    companyId: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
