import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { mayManageUsers } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { listTeams, listUsers } from "./queries.js";
import { CreateUserBody, ListUsersQuery, UpdateUserBody } from "./schemas.js";
import { createUser, updateUser } from "./userSaver.js";

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "The team directory; inactive users only for admin and head",
        querystring: ListUsersQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("User")) }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.query.includeInactive && !mayManageUsers(actor)) throw appError("forbidden");
      return { items: await listUsers(db, request.query) };
    },
  );

  app.get(
    "/users/teams",
    {
      schema: {
        tags: ["users"],
        summary: "The team names in use by active people, for pickers and the dashboard's filter",
        response: responses({ 200: Type.Object({ items: Type.Array(Type.String()) }) }),
      },
    },
    // The directory already shows everyone's team, so the names are no secret.
    async () => ({ items: await listTeams(db) }),
  );

  app.post(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "Add a team member (admin, head)",
        body: CreateUserBody,
        response: responses({ 201: Type.Object({ user: Type.Ref("User") }) }),
      },
    },
    async (request, reply) => reply.code(201).send({ user: await createUser(db, actorOf(request), request.body) }),
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a team member: name, role, language, password, active, lead cap, team (admin, head)",
        params: IdParams,
        body: UpdateUserBody,
        response: responses({ 200: Type.Object({ user: Type.Ref("User") }) }),
      },
    },
    async (request) => ({ user: await updateUser(db, actorOf(request), request.params.id, request.body) }),
  );
};
