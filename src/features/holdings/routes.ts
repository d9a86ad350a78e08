import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf, IdParams, responses } from "../../server/index.js";
import { assignHolder } from "./holderAssigner.js";
import { AssignHolderBody, HandOffBody } from "./schemas.js";
import { handOver } from "./leadHandOver.js";

export const holdingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const companyBody = Type.Object({ company: Type.Ref("Company") });

  app.post(
    "/companies/:id/handoff",
    {
      schema: {
        tags: ["holdings"],
        summary: "Hand the company to the next tier (cold -> lead -> customer) with a new holder",
        params: IdParams,
        body: HandOffBody,
        response: responses({ 200: companyBody }),
      },
    },
    async (request) => ({ company: await handOver(db, actorOf(request), request.params.id, request.body, app.config.timeZone) }),
  );

  app.post(
    "/companies/:id/holder",
    {
      schema: {
        tags: ["holdings"],
        summary: "Assign the company's holder within its current tier (head, admin)",
        params: IdParams,
        body: AssignHolderBody,
        response: responses({ 200: companyBody }),
      },
    },
    async (request) => ({ company: await assignHolder(db, actorOf(request), request.params.id, request.body, app.config.timeZone) }),
  );
};
