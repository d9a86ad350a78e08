import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { maySeeDashboard, type Actor } from "../../server/access/index.js";
import { actorOf, appError, responses } from "../../server/index.js";
import { readSettings } from "../settings/teamSettings.js";
import { funnel } from "./funnel.js";
import { peopleFigures } from "./people.js";
import { promiseRecord } from "./promiseRecord.js";
import { rotationOutcomes } from "./rotationOutcomes.js";
import { salesPeriodTrend } from "./salesPeriodTrend.js";
import { CoverageBody, DashboardQuery, FunnelBody, PeopleBody, PromisesBody, RotationBody, SalesPeriodTrendBody, SourcesBody } from "./schemas.js";
import { dashboardScope } from "./scope.js";
import { sourceFigures } from "./sourceFigures.js";
import { teamCoverage } from "./teamCoverage.js";

/**
 * The head's dashboard, one endpoint per panel so each loads on its own. Every panel takes the
 * same period (`from`, `to`: whole days in the team's time zone) and optional `team`.
 */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["dashboard"];
  const querystring = DashboardQuery;

  /** The head's (or admin's) request, cut to its period and team. */
  const scoped = async (actor: Actor, query: { from?: string; to?: string; team?: string }) => {
    if (!maySeeDashboard(actor)) throw appError("forbidden");
    const settings = await readSettings(db, app.config.timeZone);
    const scope = await dashboardScope(db, query, settings.workingHours);
    return { scope, settings, period: { from: scope.from, to: scope.to, team: scope.team } };
  };

  app.get(
    "/dashboard/funnel",
    {
      schema: {
        tags,
        summary: "The conveyor funnel: companies dialled, contacted, interested, become leads, first sales, repeat sales in the period",
        querystring,
        response: responses({ 200: FunnelBody }),
      },
    },
    async (request) => {
      const { scope, period } = await scoped(actorOf(request), request.query);
      return { period, steps: await funnel(db, scope) };
    },
  );

  app.get(
    "/dashboard/people",
    {
      schema: {
        tags,
        summary: "Each tier's figures per person: callers' calls and hand-overs, managers' conversion and first sales, account managers' repeat sales and coverage",
        querystring,
        response: responses({ 200: PeopleBody }),
      },
    },
    async (request) => {
      const { scope, period } = await scoped(actorOf(request), request.query);
      return { period, ...(await peopleFigures(db, actorOf(request), scope)) };
    },
  );

  app.get(
    "/dashboard/sources",
    {
      schema: {
        tags,
        summary: "Per lead source, the leads of the period: qualified, first sales, conversion, cost, cost per first sale, first-sale revenue",
        querystring,
        response: responses({ 200: SourcesBody }),
      },
    },
    async (request) => {
      const { scope, period } = await scoped(actorOf(request), request.query);
      return { period, items: await sourceFigures(db, scope) };
    },
  );

  app.get(
    "/dashboard/sales-period-trend",
    {
      schema: {
        tags,
        summary: "The sales period month by month (at least six months): mean and median days from the start of tier-2 work to the sale, and the cases",
        querystring,
        response: responses({ 200: SalesPeriodTrendBody }),
      },
    },
    async (request) => {
      const { scope, period } = await scoped(actorOf(request), request.query);
      return { period, months: await salesPeriodTrend(db, scope) };
    },
  );

  app.get(
    "/dashboard/coverage",
    {
      schema: {
        tags,
        summary: "Weekly-touch coverage now (live companies touched in the last 7 days), for the team and per person",
        querystring,
        response: responses({ 200: CoverageBody }),
      },
    },
    async (request) => {
      const { scope, period } = await scoped(actorOf(request), request.query);
      return { period, ...(await teamCoverage(db, scope)) };
    },
  );

  app.get(
    "/dashboard/rotation",
    {
      schema: {
        tags,
        summary: "Rotation in the period: listed, extended, transferred (now, after a rest), archived, rests ended, and rotated clients sold later by someone else",
        querystring,
        response: responses({ 200: RotationBody }),
      },
    },
    async (request) => {
      const { scope, settings, period } = await scoped(actorOf(request), request.query);
      return { period, outcomes: await rotationOutcomes(db, scope, settings.rotation) };
    },
  );

  app.get(
    "/dashboard/promises",
    {
      schema: {
        tags,
        summary: "Per manager, the promises made at conversion in the period: kept, broken, open, and the broken share of those judged",
        querystring,
        response: responses({ 200: PromisesBody }),
      },
    },
    async (request) => {
      const { scope, period } = await scoped(actorOf(request), request.query);
      return { period, items: await promiseRecord(db, scope) };
    },
  );
};
