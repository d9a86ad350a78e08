import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/** Routes for source alerts (#7). */
export const alertRoutes: FastifyPluginAsyncTypebox = async () => {};
