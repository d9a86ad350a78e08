import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { alertScope } from "../../server/access/index.js";
import { actorOf, IdParams, responses } from "../../server/index.js";
import { acknowledgeAlert, dismissAlert } from "./alertHandling.js";
import { listAlerts } from "./queries.js";
import { AlertListQuery, AlertSchema, DismissBody } from "./schemas.js";

/** Source alerts (#7): a source whose leads stopped converting, or that looks like spam, made visible to the head and the source's owner. */
export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["alerts"];

  app.get(
    "/alerts",
    {
      schema: {
        tags,
        summary: "Source alerts, newest first: the head and admins see all, anyone else the alerts of the sources they own",
        querystring: AlertListQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(AlertSchema) }) }),
      },
    },
    async (request) => {
      const q = request.query;
      return { items: await listAlerts(db, { scope: alertScope(actorOf(request)), status: q.status ?? "live", sourceId: q.sourceId, limit: q.limit ?? 100 }) };
    },
  );

  app.post(
    "/alerts/:id/acknowledge",
    {
      schema: {
        tags,
        summary: "Acknowledge a live alert: seen and being handled (head, admin, the source's owner)",
        params: IdParams,
        response: responses({ 200: Type.Object({ alert: AlertSchema }) }),
      },
    },
    async (request) => ({ alert: await acknowledgeAlert(db, actorOf(request), request.params.id) }),
  );

  app.post(
    "/alerts/:id/resolve",
    {
      schema: {
        tags,
        summary: "Dismiss a live alert with a note: no action needed (head, admin). The same condition is not raised again for one window",
        params: IdParams,
        body: DismissBody,
        response: responses({ 200: Type.Object({ alert: AlertSchema }) }),
      },
    },
    async (request) => ({ alert: await dismissAlert(db, actorOf(request), request.params.id, request.body.note) }),
  );
};
