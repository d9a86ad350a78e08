import { Type } from "typebox";

/** A string enum that keeps its literal type for TypeScript and shows as `enum` in OpenAPI. */
export const StringEnum = <T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });

/** A calendar day, YYYY-MM-DD. */
export const DateOnly = Type.String({ format: "date" });

/** Money: an ISO 4217 currency and an amount in minor units. */
export const Currency = Type.String({ pattern: "^[A-Z]{3}$", description: "ISO 4217 code, e.g. UAH" });
export const Minor = Type.Integer({ minimum: 0, maximum: 1e13, description: "Money in minor units (kopecks)." });

/** The schema, or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
