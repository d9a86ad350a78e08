import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError, errorBody, pickLanguage } from "./errors.js";

/**
 * Every failure leaves in the documented shape `{error: {code, message, details?}}`, with the
 * message in the user's language; schema violations name their fields; nothing unexpected
 * leaks a stack trace (it is logged instead).
 */
export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const language = request.language ?? pickLanguage(undefined, request.headers["accept-language"]);
  if (error instanceof AppError) return reply.code(error.status).send(errorBody(error.code, language, error.details));
  if ("validation" in error && error.validation) {
    const fields = error.validation.map((v) => ({
      field: [error.validationContext, v.instancePath.replace(/^\//, "").replace(/\//g, ".")].filter(Boolean).join(".") +
        (v.keyword === "required" ? `.${String((v.params as { missingProperty?: string }).missingProperty)}` : ""),
      rule: v.keyword,
      message: v.message,
    }));
    return reply.code(400).send(errorBody("validation_failed", language, { fields }));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply.code(status).send(errorBody(status === 404 ? "not_found" : "validation_failed", language, { reason: error.message }));
  }
  request.log.error({ err: error }, "unhandled error");
  return reply.code(500).send(errorBody("internal", language));
}
