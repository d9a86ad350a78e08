import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { sql } from "drizzle-orm";
import { selectRows } from "../../db/connect.js";
import { canHoldInTier, type Role, type Tier } from "../../domain/conveyor.js";
import { weekStart } from "../../domain/rotation.js";
import { dayOf } from "../../domain/workingTime.js";
import { mayDecideRotation, maySeeAllWeeklyReports, maySeeRotation, mayWriteWeeklyReport, type Actor } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { activeTarget } from "../holdings/targetUser.js";
import { readSettings } from "../settings/teamSettings.js";
import { decideRotation } from "./decisions.js";
import { deadList, qualitySignal, restingClients } from "./queries.js";
import { currentSalesPeriods } from "./salesPeriods.js";
import { DecisionsBody, SaveReportBody } from "./schemas.js";
import { checkWeek, reportForm, reportsOverview, saveReport, weekBounds } from "./weeklyReports.js";
import { Nullable } from "../../server/schemaHelpers.js";

const WeekQuery = Type.Object({ week: Type.Optional(Type.String({ format: "date", description: "The Monday of the week; default: this week." })) }, { additionalProperties: false });

export const rotationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tz = app.config.timeZone;
  const tags = ["rotation"];
  const head = (actor: Actor) => {
    if (!maySeeRotation(actor)) throw appError("forbidden");
  };
  const settingsNow = () => readSettings(db, tz);

  app.get(
    "/rotation/dead",
    {
      schema: {
        tags,
        summary: "The head's list of dead clients: past their term without a sale, or untouched for N days; longest listed first",
        querystring: Type.Object(
          {
            holderId: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Ref("DeadClient")) }) }),
      },
    },
    async (request) => {
      head(actorOf(request));
      const s = await settingsNow();
      return deadList(db, s.rotation, s.workingHours, { limit: request.query.limit ?? 50, offset: request.query.offset ?? 0, holderId: request.query.holderId });
    },
  );

  app.post(
    "/rotation/decisions",
    {
      schema: {
        tags,
        summary: "The head decides, singly or in a batch (all or nothing): extend with reason and date, transfer now, transfer after rest, archive",
        body: DecisionsBody,
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                holdingId: Type.Integer(),
                companyId: Type.Integer(),
                decision: Type.String(),
                toUserId: Nullable(Type.Integer()),
                restUntil: Nullable(Type.String({ format: "date" })),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => ({ items: await decideRotation(db, actorOf(request), request.body.items, tz) }),
  );

  app.get(
    "/rotation/resting",
    { schema: { tags, summary: "Clients resting after rotation, soonest back first", response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("Rest")) }) }) } },
    async (request) => {
      head(actorOf(request));
      return { items: await restingClients(db) };
    },
  );

  app.patch(
    "/rotation/rests/:id",
    {
      schema: {
        tags,
        summary: "The head chooses who takes a resting client when its rest ends",
        params: IdParams,
        body: Type.Object({ nextHolderId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ rest: Type.Ref("Rest") }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!mayDecideRotation(actor)) throw appError("forbidden");
      return db.transaction(async (tx) => {
        const [rest] = await selectRows<{ id: number; tier: Tier; company_id: number }>(tx, sql`select id, tier, company_id from rests where id = ${request.params.id} and ended_at is null for update`);
        if (!rest) throw appError("rest_not_found");
        const target = await activeTarget(tx, request.body.nextHolderId);
        if (!canHoldInTier(rest.tier, target.role as Role)) throw appError("assignee_unsuitable", { targetRole: target.role });
        await tx.execute(sql`update rests set next_holder_id = ${target.id} where id = ${rest.id}`);
        return { rest: (await restingClients(tx)).find((r) => r.id === rest.id)! };
      });
    },
  );

  app.get(
    "/rotation/sales-period",
    {
      schema: {
        tags,
        summary: "How the sales period (the term) is computed: mean and median days from start of work to the sale, overall and per segment",
        response: responses({ 200: Type.Object({ periods: Type.Ref("SalesPeriods"), policy: Type.Ref("TeamSettings#/properties/rotation") }) }),
      },
    },
    async (request) => {
      head(actorOf(request));
      const s = await settingsNow();
      return { periods: await currentSalesPeriods(db, s.rotation), policy: s.rotation };
    },
  );

  app.get(
    "/rotation/quality",
    {
      schema: {
        tags,
        summary: "Per salesperson: clients taken away by rotation or archived, and how many somebody else then sold to (same legal entity)",
        response: responses({ 200: Type.Object({ windowDays: Type.Integer(), items: Type.Array(Type.Ref("QualityLine")) }) }),
      },
    },
    async (request) => {
      head(actorOf(request));
      const s = await settingsNow();
      return { windowDays: s.rotation.qualityWindowDays, items: await qualitySignal(db, s.rotation) };
    },
  );

  const weekOf = async (given: string | undefined) => {
    const s = await settingsNow();
    const now = new Date();
    const week = given ?? weekStart(dayOf(now, s.workingHours));
    checkWeek(week, now, s.workingHours);
    return { bounds: weekBounds(week, s.workingHours), settings: s, now };
  };

  app.get(
    "/weekly-reports/mine",
    { schema: { tags, summary: "My weekly report form: every client I held that week, pre-filled with the week's activities", querystring: WeekQuery, response: responses({ 200: Type.Object({ report: Type.Ref("WeeklyReportForm") }) }) } },
    async (request) => {
      const actor = actorOf(request);
      if (!mayWriteWeeklyReport(actor)) throw appError("forbidden");
      const { bounds } = await weekOf(request.query.week);
      return { report: await reportForm(db, actor.id, bounds) };
    },
  );

  app.put(
    "/weekly-reports/mine/:week",
    {
      schema: {
        tags,
        summary: "Save (or submit: a line for every client) my weekly report",
        params: Type.Object({ week: Type.String({ format: "date" }) }),
        body: SaveReportBody,
        response: responses({ 200: Type.Object({ report: Type.Ref("WeeklyReportForm") }) }),
      },
    },
    async (request) => {
      const { bounds } = await weekOf(request.params.week);
      return { report: await saveReport(db, actorOf(request), bounds, request.body) };
    },
  );

  app.get(
    "/weekly-reports",
    { schema: { tags, summary: "The head's view of a week's reports: who reported, what is missing, each line", querystring: WeekQuery, response: responses({ 200: Type.Ref("WeeklyOverview") }) } },
    async (request) => {
      if (!maySeeAllWeeklyReports(actorOf(request))) throw appError("forbidden");
      const { bounds, settings, now } = await weekOf(request.query.week);
      return reportsOverview(db, bounds, now, settings.workingHours);
    },
  );
};
