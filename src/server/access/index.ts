export type { Actor } from "./actor.js";
export * from "./companies.js";
export * from "./users.js";
export * from "./prospecting.js";
export * from "./conversion.js";
export * from "./accounts.js";
export * from "./rotation.js";
