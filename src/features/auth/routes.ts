import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf, appError, responses } from "../../server/index.js";
import { findUser, findUserByUsername, toUserDto } from "../users/queries.js";
import { LanguageSchema } from "../users/schemas.js";
import { updateUser } from "../users/userSaver.js";
import { SESSION_COOKIE } from "./hooks.js";
import { verifyPassword } from "./passwords.js";
import { isThrottled, recordFailure } from "./loginThrottle.js";
import { endSession, startSession } from "./sessions.js";

const SessionBody = Type.Object({ user: Type.Ref("User"), csrfToken: Type.String() });

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: app.config.secureCookies };

  app.post(
    "/login",
    {
      config: { public: true, skipCsrf: true },
      schema: {
        tags: ["auth"],
        summary: "Sign in; sets the session cookie and returns the CSRF token for mutations",
        security: [],
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: SessionBody }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const db = app.database.db;
      if (await isThrottled(db, request.ip, username, app.config.loginAttemptsPerMinute)) throw appError("too_many_attempts");
      const user = await findUserByUsername(db, username);
      const valid = user && user.active && (await verifyPassword(password, user.passwordHash));
      if (!user || !valid) {
        await recordFailure(db, request.ip, username);
        throw appError("invalid_credentials");
      }
      const { token, csrfToken } = await startSession(app.database.db, user.id, app.config.sessionDays);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: app.config.sessionDays * 86_400 });
      const { passwordHash: _, ...dto } = user;
      return { user: toUserDto(dto), csrfToken };
    },
  );

  app.post(
    "/logout",
    { schema: { tags: ["auth"], summary: "Sign out: ends this session", response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      if (request.sessionTokenHash) await endSession(app.database.db, request.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/me",
    { schema: { tags: ["auth"], summary: "The signed-in user and the CSRF token", response: responses({ 200: SessionBody }) } },
    async (request) => {
      const actor = actorOf(request);
      const user = await findUser(app.database.db, actor.id);
      return { user: user!, csrfToken: request.csrfToken! };
    },
  );

  app.patch(
    "/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Change my language or name",
        body: Type.Object(
          { language: Type.Optional(LanguageSchema), fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: Type.Object({ user: Type.Ref("User") }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { user: await updateUser(app.database.db, actor, actor.id, request.body) };
    },
  );
};
