import { Type } from "typebox";
import { COMMISSION_KINDS } from "../../domain/commission.js";
import { ROLES } from "../../domain/conveyor.js";
import { DateOnly, Nullable, StringEnum } from "../../server/schemaHelpers.js";

const MonthText = Type.String({ pattern: "^\\d{4}-\\d{2}$", description: "YYYY-MM" });
const Money = Type.Object({ currency: Type.String(), amountMinor: Type.Integer() });
const Person = Type.Object({ id: Type.Integer(), fullName: Type.String(), role: StringEnum(ROLES) });

/** The month asked for; checked by the route (month_invalid) rather than the schema, so a typo gets the named error. */
export const MonthQuery = { month: Type.Optional(Type.String({ maxLength: 20, description: "YYYY-MM; default: this month (team time zone)." })) };

export const RuleSchema = Type.Object({
  id: Type.Integer(),
  tier: Type.Integer({ minimum: 1, maximum: 3 }),
  effectiveFrom: MonthText,
  amountMinor: Nullable(Type.Integer({ description: "Tier 1: paid per converted lead." })),
  currency: Nullable(Type.String()),
  rateBp: Nullable(Type.Integer({ description: "Tiers 2 and 3: share of the sale in basis points (150 = 1.5 %)." })),
  ratePercent: Nullable(Type.Number()),
  createdAt: Type.String({ format: "date-time" }),
  createdBy: Nullable(Type.Object({ id: Type.Integer(), fullName: Type.String() })),
  withdrawable: Type.Boolean({ description: "The rule's month has not started: it may still be withdrawn." }),
});

export const RuleBody = Type.Object(
  {
    tier: Type.Integer({ description: "1: callers (an amount per converted lead); 2: sales managers (share of the first sale); 3: account managers (share of repeat sales)." }),
    effectiveFrom: Type.String({ maxLength: 20, description: "The first month the rule applies in, YYYY-MM." }),
    amountMinor: Type.Optional(Type.Integer({ description: "Tier 1 only, with currency." })),
    currency: Type.Optional(Type.String({ maxLength: 10 })),
    ratePercent: Type.Optional(Type.Number({ description: "Tiers 2 and 3 only: 0–100, at most two decimals." })),
  },
  { additionalProperties: false },
);

export const SummarySchema = Type.Object({
  month: MonthText,
  items: Type.Array(
    Type.Object({
      user: Person,
      tiers: Type.Array(Type.Integer(), { description: "The tiers the lines were earned in (usually the person's one)." }),
      lines: Type.Integer(),
      totals: Type.Array(Money, { description: "Per currency: currencies are never added together." }),
    }),
  ),
});

export const LineSchema = Type.Object({
  kind: StringEnum(COMMISSION_KINDS),
  tier: Type.Integer(),
  company: Type.Object({ id: Type.Integer(), legalName: Type.String() }),
  day: DateOnly,
  orderId: Type.Integer(),
  orderTotalMinor: Type.Integer(),
  orderCurrency: Type.String(),
  rule: Type.Object({
    effectiveFrom: MonthText,
    amountMinor: Nullable(Type.Integer()),
    currency: Nullable(Type.String()),
    rateBp: Nullable(Type.Integer()),
    ratePercent: Nullable(Type.Number()),
  }),
  amountMinor: Type.Integer(),
  currency: Type.String(),
});

export const StatementSchema = Type.Object({ month: MonthText, user: Person, lines: Type.Array(LineSchema), totals: Type.Array(Money) });
