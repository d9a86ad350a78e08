import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { dayOf } from "../../domain/workingTime.js";
import { maySeeAllConversion, maySeeQueueOf, mayReadCompany, type Actor } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { openHoldingOf } from "../clients/queries.js";
import { readSettings } from "../settings/teamSettings.js";
import { addProposal, loseDeal, moveDeal, openDeal, postponeDeal } from "./dealWorkflow.js";
import { winDeal } from "./dealWinner.js";
import { acceptCustomer } from "./handOverAcceptor.js";
import { distributeWaitingLeads } from "./leadsDistribution.js";
import { createProduct, listProducts } from "./products.js";
import { resolvePromise } from "./promiseResolver.js";
import { dealsOf, leadQueue, listPromises, managerResults, pendingHandOvers } from "./queries.js";
import { LoseDealBody, MoveDealBody, OpenDealBody, PostponeDealBody, PromisesQuery, ProposalBody, ResolvePromiseBody, WinDealBody } from "./schemas.js";

export const conversionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tz = app.config.timeZone;
  const tags = ["tier 2: lead conversion"];
  const dealBody = Type.Object({ deal: Type.Ref("Deal") });

  /** Whose queue: a manager's own; the head names a manager or sees everyone's. */
  const queueOwner = (actor: Actor, managerId?: number) => {
    if (managerId !== undefined) {
      if (!maySeeQueueOf(actor, managerId)) throw appError("forbidden");
      return managerId;
    }
    if (maySeeAllConversion(actor)) return undefined;
    if (actor.role === "manager") return actor.id;
    throw appError("forbidden");
  };

  app.get(
    "/conversion/queue",
    {
      schema: {
        tags,
        summary: "The manager's leads for today: new leads from today's queue, deals due again, overdue first contacts first",
        querystring: Type.Object({ managerId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ today: Type.String({ format: "date" }), items: Type.Array(Type.Ref("QueueItem")) }) }),
      },
    },
    async (request) => {
      const managerId = queueOwner(actorOf(request), request.query.managerId);
      const settings = await readSettings(db, tz);
      const today = dayOf(new Date(), settings.workingHours);
      return { today, items: await leadQueue(db, { managerId, today }) };
    },
  );

  app.get(
    "/conversion/overdue",
    {
      schema: {
        tags,
        summary: "New leads past their first-contact deadline (the head: all; a manager: own)",
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("QueueItem")) }) }),
      },
    },
    async (request) => {
      const managerId = queueOwner(actorOf(request));
      return { items: await leadQueue(db, { managerId, today: "9999-12-31", overdueOnly: true }) };
    },
  );

  app.post(
    "/conversion/distribute",
    {
      schema: {
        tags,
        summary: "Give every lead nobody holds to a manager by the distribution rule (head)",
        response: responses({ 200: Type.Object({ assigned: Type.Integer(), byManager: Type.Record(Type.String(), Type.Integer()) }) }),
      },
    },
    async (request) => distributeWaitingLeads(db, actorOf(request), tz),
  );

  app.get(
    "/companies/:id/deals",
    { schema: { tags, summary: "The company's deals, newest first", params: IdParams, response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("Deal")) }) }) } },
    async (request) => {
      if (!mayReadCompany(actorOf(request), await openHoldingOf(db, request.params.id))) throw appError("forbidden");
      return { items: await dealsOf(db, request.params.id) };
    },
  );
  app.post(
    "/companies/:id/deals",
    { schema: { tags, summary: "Open a deal on a lead held in tier 2", params: IdParams, body: OpenDealBody, response: responses({ 201: dealBody }) } },
    async (request, reply) => reply.code(201).send({ deal: await openDeal(db, actorOf(request), request.params.id, request.body, tz) }),
  );
  app.post(
    "/deals/:id/stage",
    { schema: { tags, summary: "Move the deal to another open stage", params: IdParams, body: MoveDealBody, response: responses({ 200: dealBody }) } },
    async (request) => ({ deal: await moveDeal(db, actorOf(request), request.params.id, request.body.stage, tz) }),
  );
  app.post(
    "/deals/:id/lose",
    { schema: { tags, summary: "Close the deal as lost, with its reason", params: IdParams, body: LoseDealBody, response: responses({ 200: dealBody }) } },
    async (request) => ({ deal: await loseDeal(db, actorOf(request), request.params.id, request.body.reason) }),
  );
  app.post(
    "/deals/:id/postpone",
    { schema: { tags, summary: "Postpone until a date for an objective reason; the deal returns to the queue then", params: IdParams, body: PostponeDealBody, response: responses({ 200: dealBody }) } },
    async (request) => ({ deal: await postponeDeal(db, actorOf(request), request.params.id, request.body, tz) }),
  );
  app.post(
    "/deals/:id/proposals",
    { schema: { tags, summary: "Record a proposal sent (amount, date, document link)", params: IdParams, body: ProposalBody, response: responses({ 201: dealBody }) } },
    async (request, reply) => reply.code(201).send({ deal: await addProposal(db, actorOf(request), request.params.id, request.body) }),
  );
  app.post(
    "/deals/:id/win",
    {
      schema: {
        tags,
        summary: "Won: record the first order and the promises made, and hand the customer to an account manager",
        params: IdParams,
        body: WinDealBody,
        response: responses({ 200: Type.Object({ deal: Type.Ref("Deal"), company: Type.Ref("Company") }) }),
      },
    },
    async (request) => winDeal(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/companies/:id/accept",
    { schema: { tags, summary: "The account manager accepts the customer handed over", params: IdParams, response: responses({ 200: Type.Object({ company: Type.Ref("Company") }) }) } },
    async (request) => ({ company: await acceptCustomer(db, actorOf(request), request.params.id) }),
  );

  app.get(
    "/handovers/pending",
    {
      schema: {
        tags,
        summary: "Customers handed over and not yet accepted: an account manager's own, or all for the head",
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                company: Type.Ref("Company"),
                handedOverAt: Type.String({ format: "date-time" }),
                fromManager: Type.Union([Type.Object({ id: Type.Integer(), fullName: Type.String() }), Type.Null()]),
                promises: Type.Array(Type.Ref("Promise")),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (maySeeAllConversion(actor)) return { items: await pendingHandOvers(db) };
      if (actor.role === "account_manager") return { items: await pendingHandOvers(db, actor.id) };
      throw appError("forbidden");
    },
  );

  app.get(
    "/promises",
    {
      schema: {
        tags,
        summary: "Promises made at conversion: the head sees all (broken ones against their makers), a manager their own, an account manager their customers'",
        querystring: PromisesQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("Promise")) }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const filter = { ...request.query };
      if (maySeeAllConversion(actor)) return { items: await listPromises(db, filter) };
      if (actor.role === "manager") return { items: await listPromises(db, { ...filter, madeBy: actor.id }) };
      if (actor.role === "account_manager") return { items: await listPromises(db, { ...filter, heldBy: actor.id }) };
      throw appError("forbidden");
    },
  );
  app.post(
    "/promises/:id/resolve",
    { schema: { tags, summary: "Mark a promise kept or broken (the account manager holding the customer)", params: IdParams, body: ResolvePromiseBody, response: responses({ 200: Type.Object({ promise: Type.Ref("Promise") }) }) } },
    async (request) => ({ promise: await resolvePromise(db, actorOf(request), request.params.id, request.body.status, request.body.note) }),
  );

  app.get(
    "/conversion/results",
    {
      schema: {
        tags,
        summary: "Conversion per manager: leads received, contacted in time, proposals, won, lost, median days to first sale, broken promises",
        querystring: Type.Object({ from: Type.String({ format: "date" }), to: Type.String({ format: "date" }), managerId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("ManagerResult")) }) }),
      },
    },
    async (request) => {
      const managerId = queueOwner(actorOf(request), request.query.managerId);
      return { items: await managerResults(db, request.query.from, request.query.to, tz, managerId) };
    },
  );

  app.get("/products", { schema: { tags, summary: "The product catalogue", response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("Product")) }) }) } }, async () => ({ items: await listProducts(db) }));
  app.post(
    "/products",
    {
      schema: {
        tags,
        summary: "Add a product (head, admin, back office)",
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 300 }), sku: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
        response: responses({ 201: Type.Object({ product: Type.Ref("Product") }) }),
      },
    },
    async (request, reply) => reply.code(201).send({ product: await createProduct(db, actorOf(request), request.body) }),
  );
};
