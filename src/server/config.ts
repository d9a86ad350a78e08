import type { CountryCode } from "libphonenumber-js";
import type { DatabaseTarget } from "../db/connect.js";

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Country assumed for phones typed without an international prefix. */
  defaultCountry: CountryCode;
  /** Set behind HTTPS so the session cookie is never sent in clear. */
  secureCookies: boolean;
  sessionDays: number;
  /** Shared secret the PBX sends with inbound calls; unset disables the endpoint. */
  telephonyToken?: string;
  /** The team's time zone: days and weeks in reports are counted in it. */
  timeZone: string;
  /** Failed sign-ins allowed per minute, per IP and per username. */
  loginAttemptsPerMinute: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    database: env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR ?? "./data" },
    defaultCountry: (env.DEFAULT_COUNTRY ?? "UA") as CountryCode,
    secureCookies: env.COOKIE_SECURE === "true",
    sessionDays: Number(env.SESSION_DAYS ?? 14),
    timeZone: env.TEAM_TIME_ZONE ?? "Europe/Kyiv",
    telephonyToken: env.TELEPHONY_TOKEN || undefined,
    loginAttemptsPerMinute: Number(env.LOGIN_ATTEMPTS_PER_MINUTE ?? 10),
  };
}
