import { Type } from "typebox";

/** A string enum that keeps its literal type for TypeScript and shows as `enum` in OpenAPI. */
export const StringEnum = <T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });
