import { timingSafeEqual } from "node:crypto";
import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf, appError, responses } from "../../server/index.js";
import { routeCall, type RoutedCall } from "./inboundCallRouter.js";
import { Nullable } from "../../server/schemaHelpers.js";

const InboundBody = Type.Object(
  { from: Type.String({ minLength: 1, maxLength: 40, description: "The caller's number as the PBX gives it." }), callId: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

const RoutedSchema = Type.Object({
  route: Type.Object({
    userId: Type.Integer(),
    fullName: Type.String(),
    role: Type.String(),
    reason: Type.String({ description: "Why the call went there (account_manager, holder, new_number, …)." }),
    companyId: Nullable(Type.Integer()),
    callerE164: Nullable(Type.String()),
  }),
});

const toBody = (routed: RoutedCall) => ({
  route: {
    userId: routed.user!.id,
    fullName: routed.user!.fullName,
    role: routed.user!.role,
    reason: routed.decision.reason,
    companyId: routed.decision.companyId,
    callerE164: routed.decision.callerE164,
  },
});

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const telephonyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["telephony"];

  app.post(
    "/telephony/inbound",
    {
      config: { public: true, skipCsrf: true },
      schema: {
        tags,
        summary: "For the PBX: where a ringing call goes (Authorization: Bearer TELEPHONY_TOKEN); a known client's card pops for the person",
        security: [],
        body: InboundBody,
        response: responses({ 200: RoutedSchema }),
      },
    },
    async (request) => {
      const expected = app.config.telephonyToken;
      if (!expected) throw appError("telephony_not_configured");
      const given = (request.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
      if (!sameToken(given, expected)) throw appError("telephony_token_invalid");
      return toBody(await routeCall(db, app.events, request.body.from, app.config.defaultCountry, app.config.timeZone));
    },
  );

  app.post(
    "/telephony/simulate",
    { schema: { tags, summary: "Simulate an inbound call without a PBX (head, admin)", body: InboundBody, response: responses({ 200: RoutedSchema }) } },
    async (request) => {
      const actor = actorOf(request);
      if (actor.role !== "head" && actor.role !== "admin") throw appError("forbidden");
      return toBody(await routeCall(db, app.events, request.body.from, app.config.defaultCountry, app.config.timeZone, actor.id));
    },
  );

  app.get("/events", { schema: { tags, summary: "Server-sent events for the signed-in user (an inbound call pops its card)" } }, async (request, reply) => {
    const actor = actorOf(request);
    reply.hijack();
    reply.raw.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no" });
    reply.raw.write(": connected\n\n");
    const unsubscribe = app.events.subscribe(actor.id, (event) => reply.raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`));
    // A comment every 25 s keeps proxies from closing an idle stream.
    const keepAlive = setInterval(() => reply.raw.write(": ping\n\n"), 25_000);
    request.raw.on("close", () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });
};
