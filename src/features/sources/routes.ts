import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { mayManageSources, mayReadSourceIntakes, maySeeSourceOptions, sourceScope } from "../../server/access/index.js";
import { actorOf, AppError, appError, IdParams, responses } from "../../server/index.js";
import { disableIntake, rotateIntakeToken, sourceOfToken } from "./intakeTokens.js";
import { intakeLead, type PostRejection } from "./leadIntaker.js";
import { payloadForLog, prepareLead, type PreparedLead } from "./leadPreparation.js";
import { findSourceFacts, listIntakes, listSources, sourceOptions } from "./queries.js";
import {
  CreateSourceBody,
  IntakeLeadBody,
  IntakeLogQuery,
  IntakeRowSchema,
  LeadSourceSchema,
  SourceOptionSchema,
  UpdateSourceBody,
  type IntakeLeadInput,
} from "./schemas.js";
import { createSource, updateSource } from "./sourceSaver.js";

/** Lead sources (the head's setup, an owner's view) and the intake web forms and partners post leads to. */
export const sourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["lead sources"];
  const sourceBody = Type.Object({ source: LeadSourceSchema });

  app.get(
    "/sources",
    {
      schema: {
        tags,
        summary: "Lead sources with cost, owner, intake state and the last 24 h / 7 days of posts by outcome (the head: all; anyone else: the ones they own)",
        response: responses({ 200: Type.Object({ items: Type.Array(LeadSourceSchema) }) }),
      },
    },
    async (request) => ({ items: await listSources(db, sourceScope(actorOf(request))) }),
  );

  app.get(
    "/sources/options",
    {
      schema: {
        tags,
        summary: "Active sources to pick when adding a company or filtering the base",
        response: responses({ 200: Type.Object({ items: Type.Array(SourceOptionSchema) }) }),
      },
    },
    async (request) => {
      if (!maySeeSourceOptions(actorOf(request))) throw appError("forbidden");
      return { items: await sourceOptions(db) };
    },
  );

  app.post(
    "/sources",
    { schema: { tags, summary: "Add a lead source (head)", body: CreateSourceBody, response: responses({ 201: sourceBody }) } },
    async (request, reply) => reply.code(201).send({ source: await createSource(db, actorOf(request), request.body) }),
  );

  app.patch(
    "/sources/:id",
    { schema: { tags, summary: "Change a lead source: name, kind, cost per lead, owner, on/off, hourly intake limit (head)", params: IdParams, body: UpdateSourceBody, response: responses({ 200: sourceBody }) } },
    async (request) => ({ source: await updateSource(db, actorOf(request), request.params.id, request.body) }),
  );

  app.post(
    "/sources/:id/intake-token",
    {
      schema: {
        tags,
        summary: "Switch the source's intake on with a new token, or rotate it; the token is shown only in this answer (head)",
        params: IdParams,
        response: responses({ 201: Type.Object({ token: Type.String({ description: "Send as `Authorization: Bearer <token>` to POST /api/intake/leads." }) }) }),
      },
    },
    async (request, reply) => reply.code(201).send(await rotateIntakeToken(db, actorOf(request), request.params.id)),
  );

  app.delete(
    "/sources/:id/intake-token",
    { schema: { tags, summary: "Switch the source's intake off: its token stops working (head)", params: IdParams, response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      await disableIntake(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/sources/:id/intakes",
    {
      schema: {
        tags,
        summary: "What was posted to the source, newest first, by outcome (the head, or the source's owner)",
        params: IdParams,
        querystring: IntakeLogQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(IntakeRowSchema), hasMore: Type.Boolean() }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const source = await findSourceFacts(db, request.params.id);
      // Not the owner: the same answer whether the source exists or not.
      if (!source) throw appError(mayManageSources(actor) ? "source_not_found" : "forbidden");
      if (!mayReadSourceIntakes(actor, source)) throw appError("forbidden");
      return listIntakes(db, actor, source.id, request.query);
    },
  );

  app.post(
    "/intake/leads",
    {
      // No session: a web form or a partner posts with its source's token. The body is checked
      // in the handler, after the token, so a bad post is answered and counted against its source.
      config: { public: true, skipCsrf: true },
      attachValidation: true,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary: "For web forms and partners (Authorization: Bearer <source intake token>): post a lead; it is deduplicated against the base and put in a sales manager's queue",
        security: [],
        body: IntakeLeadBody,
        response: responses({ 201: Type.Object({ leadId: Type.Integer() }) }),
      },
    },
    async (request, reply) => {
      const token = (request.headers.authorization ?? "").replace(/^Bearer\s+/i, "").trim();
      const sourceId = await sourceOfToken(db, token);
      if (sourceId === null) throw appError("intake_token_invalid");
      const lead = readLead(request.body, request.validationError, app.config.defaultCountry);
      const outcome = await intakeLead(db, { sourceId, lead, payload: payloadForLog(request.body) }, app.config.timeZone);
      if (!outcome.accepted) throw outcome.error;
      return reply.code(201).send({ leadId: outcome.leadId });
    },
  );
};

/** The posted lead, or why it is not one: the schema's complaint first, then the checks of tax id, phone and email. */
function readLead(body: unknown, validationError: Error | undefined, country: Parameters<typeof prepareLead>[1]): PreparedLead | PostRejection {
  if (validationError) return { code: "validation_failed", error: validationError };
  try {
    return prepareLead(body as IntakeLeadInput, country);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, error };
    throw error;
  }
}
