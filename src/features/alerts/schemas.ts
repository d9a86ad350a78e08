import { Type } from "typebox";
import { Nullable, StringEnum } from "../../server/schemaHelpers.js";

const Person = Type.Object({ id: Type.Integer(), fullName: Type.String() });

export const AlertSchema = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(["source_conversion_drop", "source_spam"] as const),
  metric: StringEnum(["qualified", "first_sale", "intake_rejects", "no_connects"] as const),
  source: Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), owner: Nullable(Person) })),
  raisedAt: Type.String({ format: "date-time" }),
  figures: Type.Record(Type.String(), Type.Unknown(), {
    description:
      "The figures behind the alert, refreshed by each sweep. Conversion drop: windowDays, baselineDays, withinDays, recent and baseline {trials, successes, rate}, relativeDrop, pValue. Spam, intake_rejects: windowHours, posts, invalid, duplicate, rateLimited, rejected, rejectShare; no_connects: windowDays, attempted, connected, connectRate.",
  }),
  acknowledged: Nullable(Type.Object({ by: Nullable(Person), at: Type.String({ format: "date-time" }) })),
  resolved: Nullable(
    Type.Object({
      at: Type.String({ format: "date-time" }),
      resolution: StringEnum(["recovered", "dismissed", "source_inactive"] as const),
      note: Nullable(Type.String({ description: "The head's reason for a dismissal." })),
    }),
  ),
});

export const AlertListQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(["live", "resolved", "all"] as const, { description: "Live: not resolved (the default)." })),
    sourceId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const DismissBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 1000, description: "Why the alert needs no action." }) }, { additionalProperties: false });
