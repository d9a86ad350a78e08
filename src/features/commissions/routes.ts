import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

/** Routes for commissions (#7). */
export const commissionRoutes: FastifyPluginAsyncTypebox = async () => {};
