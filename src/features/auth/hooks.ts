import fp from "fastify-plugin";
import type { FastifyInstance } from "fastify";
import { appError, pickLanguage } from "../../server/index.js";
import { findSession } from "./sessions.js";

export const SESSION_COOKIE = "conveyor_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every API request: find the session, pick the language, then refuse what needs a session
 * (401) or a CSRF header (403). Routes opt out only through their config.
 */
export const authHooks = fp(async (app: FastifyInstance) => {
  app.addHook("onRequest", async (request) => {
    request.language = pickLanguage(undefined, request.headers["accept-language"]);
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSession(app.database.db, token);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
        request.sessionTokenHash = session.tokenHash;
        request.language = session.actor.language;
      }
    }
    const routeConfig = request.routeOptions.config;
    if (routeConfig?.public || !request.routeOptions.url) return;
    if (!request.actor) throw appError("not_signed_in");
    if (!SAFE_METHODS.has(request.method) && !routeConfig?.skipCsrf && request.headers[CSRF_HEADER] !== request.csrfToken) {
      throw appError("csrf_missing");
    }
  });
});
