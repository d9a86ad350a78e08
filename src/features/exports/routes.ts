import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { mayExport, mayReadExportLog } from "../../server/access/index.js";
import { actorOf, appError, responses } from "../../server/index.js";
import { callerResults } from "../prospecting/callerResults.js";
import { callerResultsSheet } from "./callerResultsExport.js";
import { sendExport } from "./exportFile.js";
import { readExportLog } from "./exportLogger.js";
import { exportFormatOf } from "./formats.js";
import { CallerResultsExportQuery, ExportFile, ExportLogItemSchema, ExportLogQuery } from "./schemas.js";

/**
 * The exports log (who took which list out, when, how many rows) and the exports of the head's
 * own lists. The exports of the base's lists sit beside the lists they export:
 * /companies/export (clients), /accounts/export and /invoices/export (accounts),
 * /commissions/export (commissions).
 */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["exports"];

  app.get(
    "/exports/log",
    {
      schema: {
        tags,
        summary: "Every export, newest first: who, which list with which filters, format, rows (head and admin)",
        querystring: ExportLogQuery,
        response: responses({ 200: Type.Object({ total: Type.Integer(), items: Type.Array(ExportLogItemSchema) }) }),
      },
    },
    async (request) => {
      if (!mayReadExportLog(actorOf(request))) throw appError("forbidden");
      return readExportLog(db, request.query);
    },
  );

  app.get(
    "/calling/results/export",
    {
      // No automatic HEAD route: it would run (and log) the whole export to send no file.
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: "Callers' results per day or week (the same query as GET /calling/results) as CSV or XLSX (head and admin); logged",
        querystring: CallerResultsExportQuery,
        response: responses({ 200: ExportFile }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!mayExport(actor, "caller_results")) throw appError("forbidden");
      const format = exportFormatOf(request.query.format);
      const { format: _format, ...query } = request.query;
      const results = await callerResults(db, actor, query, app.config.timeZone);
      const sheet = callerResultsSheet(results, query.period ?? "day", actor.language);
      return sendExport(reply, { db, userId: actor.id, what: "caller_results", format, params: query, language: actor.language, sheets: [sheet] }, `caller-results-${query.from}-${query.to}`);
    },
  );
};
