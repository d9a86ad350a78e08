import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/** Routes for the head's dashboard (#7). */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async () => {};
