import { Type, type TSchema } from "typebox";
import type { FastifyRequest } from "fastify";
import type { Database } from "../db/connect.js";
import type { Actor } from "./access/index.js";
import { appError, type Language } from "./errors.js";
import type { Config } from "./config.js";
import type { EventHub } from "../features/telephony/eventHub.js";

declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    config: Config;
    events: EventHub;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionTokenHash: string | null;
    language: Language;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session (sign-in, health). */
    public?: boolean;
    /** Mutations exempt from the CSRF header (sign-in has no session yet). */
    skipCsrf?: boolean;
  }
}

/** The signed-in actor, or a 401 for the rare route that reads it before the auth hook ran. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw appError("not_signed_in");
  return request.actor;
}

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: "Machine-readable code, stable across releases." }),
      message: Type.String({ description: "Human message in the user's language." }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: "ErrorBody", title: "Error" },
);

const errorRef = Type.Ref("ErrorBody");

/** Response schemas for a route: its success bodies plus the documented error shape. */
export function responses<T extends Record<number, TSchema>>(ok: T) {
  return { ...ok, 400: errorRef, 401: errorRef, 403: errorRef, 404: errorRef, 409: errorRef, 429: errorRef };
}

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
