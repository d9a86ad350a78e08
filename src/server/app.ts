import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../db/connect.js";
import { authHooks } from "../features/auth/hooks.js";
import { authRoutes } from "../features/auth/routes.js";
import { userRoutes } from "../features/users/routes.js";
import { companyRoutes } from "../features/clients/routes.js";
import { holdingRoutes } from "../features/holdings/routes.js";
import { prospectingRoutes } from "../features/prospecting/routes.js";
import { prospectingSchemas } from "../features/prospecting/schemas.js";
import { conversionRoutes } from "../features/conversion/routes.js";
import { conversionSchemas } from "../features/conversion/schemas.js";
import { settingsRoutes, TeamSettingsSchema } from "../features/settings/routes.js";
import { EventHub } from "../features/telephony/eventHub.js";
import { telephonyRoutes } from "../features/telephony/routes.js";
import { accountRoutes } from "../features/accounts/routes.js";
import { accountSchemas } from "../features/accounts/schemas.js";
import { touchRoutes, touchSchemas } from "../features/touches/routes.js";
import { rotationRoutes } from "../features/rotation/routes.js";
import { sourceRoutes } from "../features/sources/routes.js";
import { alertRoutes } from "../features/alerts/routes.js";
import { commissionRoutes } from "../features/commissions/routes.js";
import { dashboardRoutes } from "../features/dashboard/routes.js";
import { importRoutes } from "../features/imports/routes.js";
import { exportRoutes } from "../features/exports/routes.js";
import { rotationSchemas } from "../features/rotation/schemas.js";
import type { Config } from "./config.js";
import { UserSchema } from "../features/users/schemas.js";
import { clientSchemas } from "../features/clients/schemas.js";
import { handleError } from "./errorHandler.js";
import { ErrorBody, errorBody } from "./index.js";

const sharedSchemas = [ErrorBody, UserSchema, ...clientSchemas, ...prospectingSchemas, ...conversionSchemas, ...accountSchemas, ...touchSchemas, ...rotationSchemas, TeamSettingsSchema];

export interface AppOptions {
  database: Database;
  config: Config;
  /** Folder of the built web app; served with a single-page fallback when present. */
  webRoot?: string;
  logger?: boolean;
}

export async function buildApp({ database, config, webRoot, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: process.env.LOG_LEVEL ?? "info" } : false,
    trustProxy: process.env.TRUST_PROXY === "true",
    // Open event streams must not hold up a shutdown.
    forceCloseConnections: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate("database", database);
  app.decorate("config", config);
  app.decorate("events", new EventHub());
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("sessionTokenHash", null);
  app.decorateRequest("language", "en");
  for (const schema of sharedSchemas) app.addSchema(schema);

  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(swagger, {
    // Name shared schemas by their $id in the document ("Company", not "def-3").
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === "string" ? json.$id : `def-${i}`) },
    openapi: {
      openapi: "3.0.3",
      info: { title: "Conveyor API", version: "0.1.0", description: "The sales conveyor's JSON API. Mutations need the x-csrf-token header from /api/auth/me." },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "conveyor_session" } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { public: true } }, () => app.swagger());
  app.get("/api/health", { schema: { hide: true }, config: { public: true } }, async () => {
    await database.rows(sql`select 1`);
    return { ok: true, database: database.kind };
  });

  await app.register(authHooks);
  await app.register(authRoutes, { prefix: "/api/auth" });
  await app.register(userRoutes, { prefix: "/api" });
  await app.register(companyRoutes, { prefix: "/api" });
  await app.register(holdingRoutes, { prefix: "/api" });
  await app.register(prospectingRoutes, { prefix: "/api" });
  await app.register(conversionRoutes, { prefix: "/api" });
  await app.register(settingsRoutes, { prefix: "/api" });
  await app.register(telephonyRoutes, { prefix: "/api" });
  await app.register(accountRoutes, { prefix: "/api" });
  await app.register(touchRoutes, { prefix: "/api" });
  await app.register(rotationRoutes, { prefix: "/api" });
  await app.register(sourceRoutes, { prefix: "/api" });
  await app.register(alertRoutes, { prefix: "/api" });
  await app.register(commissionRoutes, { prefix: "/api" });
  await app.register(dashboardRoutes, { prefix: "/api" });
  await app.register(importRoutes, { prefix: "/api" });
  await app.register(exportRoutes, { prefix: "/api" });

  const staticRoot = webRoot && existsSync(path.join(webRoot, "index.html")) ? webRoot : undefined;
  if (staticRoot) await app.register(fastifyStatic, { root: path.resolve(staticRoot), wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith("/api/") && request.method === "GET" && staticRoot) return reply.sendFile("index.html");
    return reply.code(404).send(errorBody("not_found", request.language));
  });
  return app;
}
