import { Type, type Static, type TSchema } from "typebox";

/** A string enum that keeps its literal type for TypeScript and shows as `enum` in OpenAPI. */
export const StringEnum = <T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });

/** A calendar day, YYYY-MM-DD. */
export const DateOnly = Type.String({ format: "date" });

/** Money: an ISO 4217 currency and an amount in minor units. */
export const Currency = Type.String({ pattern: "^[A-Z]{3}$", description: "ISO 4217 code, e.g. UAH" });
export const Minor = Type.Integer({ minimum: 0, maximum: 1e13, description: "Money in minor units (kopecks)." });

const SCALAR_TYPES = new Set(["string", "integer", "number", "boolean"]);

/**
 * The schema, or null. Scalars use `nullable: true` rather than a union: with the server's
 * type coercion, Ajv coerces null to 0 or "" in a union's first branch before it tries `null`.
 */
export const Nullable = <T extends TSchema>(schema: T) => {
  const raw = schema as unknown as { type?: unknown; enum?: unknown[] };
  if (typeof raw.type === "string" && SCALAR_TYPES.has(raw.type)) {
    return Type.Unsafe<Static<T> | null>({ ...schema, nullable: true, ...(raw.enum ? { enum: [...raw.enum, null] } : {}) });
  }
  return Type.Union([schema, Type.Null()]);
};
