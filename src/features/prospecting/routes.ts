import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { CallListCriteria } from "../../domain/callLists.js";
import { mayManageCallLists, mayReadScripts, mayWorkCallLists } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { callerResults } from "./callerResults.js";
import { refreshOneCallList, saveCallList } from "./callListSaver.js";
import { currentCall, releaseCall, takeNextCall } from "./callingQueue.js";
import { logCallOutcome } from "./callOutcomeLogger.js";
import { listInstructions, saveInstruction } from "./instructionSaver.js";
import { countMatching, findScript, listCallLists, listScripts, listScriptVersions } from "./queries.js";
import { OutcomeBody, NextQuery, SaveCallListBody, SaveInstructionBody, SaveScriptBody, StatsQuery } from "./schemas.js";
import { createScript, updateScript } from "./scriptSaver.js";
import { tidyCriteria } from "../../domain/callLists.js";

export const prospectingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const scriptBody = Type.Object({ script: Type.Ref("Script") });
  const callListBody = Type.Object({ callList: Type.Ref("CallList") });
  const instructionBody = Type.Object({ instruction: Type.Ref("Instruction") });
  const itemBody = Type.Object({ item: Type.Union([Type.Ref("CallingItem"), Type.Null()]) });
  const tags = ["tier 1: lead generation"];

  app.get("/scripts", { schema: { tags, summary: "Call scripts at their current version", response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("Script")) }) }) } }, async (request) => {
    if (!mayReadScripts(actorOf(request))) throw appError("forbidden");
    return { items: await listScripts(db) };
  });
  app.post("/scripts", { schema: { tags, summary: "Write a new call script (head)", body: SaveScriptBody, response: responses({ 201: scriptBody }) } }, async (request, reply) =>
    reply.code(201).send({ script: await createScript(db, actorOf(request), request.body) }),
  );
  app.get("/scripts/:id", { schema: { tags, summary: "A script at its current version", params: IdParams, response: responses({ 200: scriptBody }) } }, async (request) => {
    if (!mayReadScripts(actorOf(request))) throw appError("forbidden");
    const script = await findScript(db, request.params.id);
    if (!script) throw appError("script_not_found");
    return { script };
  });
  app.put("/scripts/:id", { schema: { tags, summary: "Save a script as a new version (head)", params: IdParams, body: SaveScriptBody, response: responses({ 200: scriptBody }) } }, async (request) => ({
    script: await updateScript(db, actorOf(request), request.params.id, request.body),
  }));
  app.get(
    "/scripts/:id/versions",
    {
      schema: {
        tags,
        summary: "Every saved version of a script",
        params: IdParams,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Object({ version: Type.Integer(), versionId: Type.Integer(), createdAt: Type.String({ format: "date-time" }) })) }) }),
      },
    },
    async (request) => {
      if (!mayReadScripts(actorOf(request))) throw appError("forbidden");
      return { items: await listScriptVersions(db, request.params.id) };
    },
  );

  app.get("/instructions", { schema: { tags, summary: "\"What to do when…\" pages", response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("Instruction")) }) }) } }, async (request) => {
    if (!mayReadScripts(actorOf(request))) throw appError("forbidden");
    return { items: await listInstructions(db) };
  });
  app.post("/instructions", { schema: { tags, summary: "Write an instruction page (head)", body: SaveInstructionBody, response: responses({ 201: instructionBody }) } }, async (request, reply) =>
    reply.code(201).send({ instruction: await saveInstruction(db, actorOf(request), request.body) }),
  );
  app.put("/instructions/:id", { schema: { tags, summary: "Change an instruction page (head)", params: IdParams, body: SaveInstructionBody, response: responses({ 200: instructionBody }) } }, async (request) => ({
    instruction: await saveInstruction(db, actorOf(request), request.body, request.params.id),
  }));

  app.get("/call-lists", { schema: { tags, summary: "Call lists: all for the head, the caller's own active lists for a caller", response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("CallList")) }) }) } }, async (request) => {
    const actor = actorOf(request);
    if (mayManageCallLists(actor)) return { items: await listCallLists(db) };
    // A caller sees their lists' names and counts, not the head's criteria or who else calls them.
    if (mayWorkCallLists(actor)) {
      const own = await listCallLists(db, { callerId: actor.id });
      return { items: own.map((list) => ({ ...list, criteria: {}, callerIds: [actor.id] })) };
    }
    throw appError("forbidden");
  });
  app.post(
    "/call-lists/preview",
    { schema: { tags, summary: "How many companies the criteria select, before saving (head)", body: Type.Object({ criteria: Type.Ref("CallListCriteria") }, { additionalProperties: false }), response: responses({ 200: Type.Object({ count: Type.Integer() }) }) } },
    async (request) => {
      if (!mayManageCallLists(actorOf(request))) throw appError("forbidden");
      return { count: await countMatching(db, tidyCriteria(request.body.criteria as CallListCriteria)) };
    },
  );
  app.post("/call-lists", { schema: { tags, summary: "Build a call list from selection criteria and assign callers (head)", body: SaveCallListBody, response: responses({ 201: callListBody }) } }, async (request, reply) =>
    reply.code(201).send({ callList: await saveCallList(db, actorOf(request), request.body) }),
  );
  app.put("/call-lists/:id", { schema: { tags, summary: "Change a call list (head)", params: IdParams, body: SaveCallListBody, response: responses({ 200: callListBody }) } }, async (request) => ({
    callList: await saveCallList(db, actorOf(request), request.body, request.params.id),
  }));
  app.post("/call-lists/:id/refresh", { schema: { tags, summary: "Bring a call list up to date with the base now (head)", params: IdParams, response: responses({ 200: callListBody }) } }, async (request) => ({
    callList: await refreshOneCallList(db, actorOf(request), request.params.id),
  }));

  app.get("/calling/current", { schema: { tags, summary: "The company in front of the caller", response: responses({ 200: itemBody }) } }, async (request) => ({
    item: await currentCall(db, actorOf(request)),
  }));
  app.post("/calling/next", { schema: { tags, summary: "Take the next company due on the caller's lists", body: NextQuery, response: responses({ 200: itemBody }) } }, async (request) => ({
    item: await takeNextCall(db, actorOf(request), request.body.callListId),
  }));
  app.post(
    "/calling/:id/outcome",
    {
      schema: {
        tags,
        summary: "Log the call's outcome; optionally take the next company in the same request",
        params: IdParams,
        body: OutcomeBody,
        response: responses({
          200: Type.Object({
            consequence: Type.Object({
              kind: Type.String(),
              at: Type.Optional(Type.String({ format: "date-time" })),
              reason: Type.Optional(Type.String()),
              unansweredCalls: Type.Optional(Type.Integer()),
              escalated: Type.Optional(Type.Boolean()),
              toUserId: Type.Optional(Type.Integer()),
              toName: Type.Optional(Type.String()),
            }),
            next: Type.Union([Type.Ref("CallingItem"), Type.Null()]),
          }),
        }),
      },
    },
    async (request) => logCallOutcome(db, actorOf(request), request.params.id, request.body, app.config.timeZone),
  );
  app.post("/calling/:id/release", { schema: { tags, summary: "Put the company back on its list untouched", params: IdParams, response: responses({ 204: Type.Null() }) } }, async (request, reply) => {
    await releaseCall(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
  app.get(
    "/calling/results",
    { schema: { tags, summary: "Results per caller per day or week (head: all callers; caller: own)", querystring: StatsQuery, response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("CallerResult")) }) }) } },
    async (request) => ({ items: await callerResults(db, actorOf(request), request.query, app.config.timeZone) }),
  );
};
