import { Type } from "typebox";
import { DateOnly, Nullable } from "../../server/schemaHelpers.js";

export const DashboardQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: "date", description: "First day of the period (team time zone); default: 29 days before `to`." })),
    to: Type.Optional(Type.String({ format: "date", description: "Last day of the period, included; default: today." })),
    team: Type.Optional(Type.String({ maxLength: 60, description: "Only the people of this team and the work they did." })),
  },
  { additionalProperties: false },
);

const Count = Type.Integer({ minimum: 0 });
const Share = Nullable(Type.Number({ minimum: 0, description: "A share from 0 to 1; null when there is nothing to divide by." }));
const Money = Type.Object({ currency: Type.String(), amountMinor: Type.Number() });
const Period = Type.Object({ from: DateOnly, to: DateOnly, team: Nullable(Type.String()) });

export const FunnelBody = Type.Object({
  period: Period,
  steps: Type.Object(
    { dialled: Count, contacted: Count, interested: Count, lead: Count, firstSale: Count, repeat: Count },
    { description: "Distinct companies that took each step in the period." },
  ),
});

export const PeopleBody = Type.Object({
  period: Period,
  callers: Type.Array(
    Type.Object({ userId: Type.Integer(), fullName: Type.String(), calls: Count, connects: Count, interested: Count, handedOver: Count, converted: Count }),
  ),
  managers: Type.Array(
    Type.Object({
      userId: Type.Integer(),
      fullName: Type.String(),
      leadsReceived: Count,
      onTimeShare: Share,
      won: Count,
      lost: Count,
      firstSales: Type.Array(Money),
      conversion: Share,
      meanDaysToSale: Nullable(Type.Number()),
      medianDaysToSale: Nullable(Type.Number()),
    }),
  ),
  accountManagers: Type.Array(
    Type.Object({ userId: Type.Integer(), fullName: Type.String(), customers: Count, repeatOrders: Count, repeatSales: Type.Array(Money), coverage: Share }),
  ),
});

export const SourcesBody = Type.Object({
  period: Period,
  items: Type.Array(
    Type.Object({
      sourceId: Nullable(Type.Integer()),
      name: Nullable(Type.String()),
      kind: Nullable(Type.String()),
      active: Type.Boolean(),
      leads: Count,
      qualified: Count,
      firstSales: Count,
      qualifiedShare: Share,
      conversion: Share,
      costPerLeadMinor: Nullable(Type.Number()),
      currency: Nullable(Type.String()),
      costMinor: Nullable(Type.Number()),
      costPerFirstSaleMinor: Nullable(Type.Number()),
      firstSaleMinor: Type.Number(),
    }),
  ),
});

export const SalesPeriodTrendBody = Type.Object({
  period: Period,
  months: Type.Array(Type.Object({ month: Type.String({ pattern: "^\\d{4}-\\d{2}$" }), cases: Count, meanDays: Nullable(Type.Number()), medianDays: Nullable(Type.Number()) })),
});

const CoverageLine = { live: Count, touched: Count, share: Type.Number({ minimum: 0, maximum: 1 }), overdue: Count };

export const CoverageBody = Type.Object({
  period: Period,
  days: Type.Integer(),
  team: Type.Object(CoverageLine),
  byHolder: Type.Array(Type.Object({ holderId: Nullable(Type.Integer()), fullName: Nullable(Type.String()), role: Nullable(Type.String()), ...CoverageLine })),
});

export const RotationBody = Type.Object({
  period: Period,
  outcomes: Type.Object({
    listed: Count,
    extended: Count,
    transferredNow: Count,
    transferredAfterRest: Count,
    archived: Count,
    restEnded: Count,
    soldLater: Count,
  }),
});

export const PromisesBody = Type.Object({
  period: Period,
  items: Type.Array(
    Type.Object({ userId: Type.Integer(), fullName: Type.String(), made: Count, kept: Count, broken: Count, open: Count, brokenShare: Share }),
  ),
});
