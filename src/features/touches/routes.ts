import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { touchScope, type Actor } from "../../server/access/index.js";
import { actorOf, appError, responses } from "../../server/index.js";
import { StringEnum, Nullable } from "../../server/schemaHelpers.js";
import { readSettings } from "../settings/teamSettings.js";
import { coverageReport, listTouches } from "./queries.js";

const Iso = Nullable(Type.String({ format: "date-time" }));

const TouchRowSchema = Type.Object(
  {
    companyId: Type.Integer(),
    legalName: Type.String(),
    stage: Type.String(),
    holder: Type.Union([Type.Object({ userId: Type.Integer(), fullName: Type.String(), tier: Type.Integer() }), Type.Null()]),
    lastTouchAt: Iso,
    nextTouchAt: Iso,
    status: StringEnum(["scheduled", "due", "overdue"] as const),
    daysOverdue: Type.Integer({ minimum: 0 }),
  },
  { $id: "TouchRow", title: "TouchRow" },
);

const CoverageLine = {
  live: Type.Integer({ description: "Live companies (held, or a lead or customer)." }),
  touched: Type.Integer({ description: "Of them, called, met or written to in the window." }),
  share: Type.Number({ minimum: 0, maximum: 1 }),
  overdue: Type.Integer({ description: "Of them, with the next touch past due." }),
};

export const touchSchemas = [TouchRowSchema];

export const touchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["weekly contact"];

  const scopeOf = (actor: Actor) => {
    const scope = touchScope(actor);
    if (!scope) throw appError("forbidden");
    return scope;
  };

  app.get(
    "/touches",
    {
      schema: {
        tags,
        summary: "Live companies by their next touch: overdue, due today, or all (a salesperson: own; the head: anyone's)",
        querystring: Type.Object(
          {
            status: Type.Optional(StringEnum(["overdue", "due", "all"] as const)),
            holderId: Type.Optional(Type.Integer({ minimum: 1, description: "The head: one person's companies." })),
            unheld: Type.Optional(Type.Boolean({ description: "The head: live companies nobody holds." })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Ref("TouchRow")) }) }),
      },
    },
    async (request) => {
      const scope = scopeOf(actorOf(request));
      const q = request.query;
      if (scope.kind === "held_by" && (q.holderId !== undefined || q.unheld)) throw appError("forbidden");
      const settings = await readSettings(db, app.config.timeZone);
      return listTouches(
        db,
        { scope, holderId: q.unheld ? null : q.holderId, status: q.status ?? "due", limit: q.limit ?? 50, offset: q.offset ?? 0 },
        new Date(),
        settings.workingHours,
      );
    },
  );

  app.get(
    "/touches/coverage",
    {
      schema: {
        tags,
        summary: "Coverage: the share of live companies touched in the last 7 days, and overdue touches, for the team and per person",
        response: responses({
          200: Type.Object({
            days: Type.Integer(),
            team: Type.Object(CoverageLine),
            byHolder: Type.Array(
              Type.Object({ holderId: Nullable(Type.Integer()), fullName: Nullable(Type.String()), role: Nullable(Type.String()), ...CoverageLine }),
            ),
          }),
        }),
      },
    },
    async (request) => {
      const scope = scopeOf(actorOf(request));
      const settings = await readSettings(db, app.config.timeZone);
      return coverageReport(db, scope, new Date(), settings.workingHours);
    },
  );
};
