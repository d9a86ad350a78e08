import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/** Routes for lead sources and intake (#7). */
export const sourceRoutes: FastifyPluginAsyncTypebox = async () => {};
