import { Type } from "typebox";
import { isSupportedCountry } from "libphonenumber-js";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { eq, sql } from "drizzle-orm";
import { selectRows } from "../../db/connect.js";
import { absences, users } from "../../db/schema.js";
import { mayManageAbsences, mayManageSettings } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { readSettings, writeSettings, type TeamSettings } from "./teamSettings.js";
import { Nullable } from "../../server/schemaHelpers.js";

const StageCode = Type.String({ minLength: 1, maxLength: 50, pattern: "^[a-z0-9_]+$" });

export const TeamSettingsSchema = Type.Object(
  {
    workingHours: Type.Object(
      {
        timeZone: Type.String({ minLength: 1, maxLength: 64 }),
        startHour: Type.Integer({ minimum: 0, maximum: 23 }),
        endHour: Type.Integer({ minimum: 1, maximum: 24 }),
        workDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true }),
      },
      { additionalProperties: false },
    ),
    defaultDailyLeadCap: Type.Integer({ minimum: 1, maximum: 1000 }),
    firstContactMinutes: Type.Integer({ minimum: 5, maximum: 60 * 24 * 5 }),
    dealStages: Type.Array(StageCode, { minItems: 1, maxItems: 20, uniqueItems: true }),
    maxPostponeDays: Type.Integer({ minimum: 1, maximum: 730 }),
    cadenceDays: Type.Integer({ minimum: 1, maximum: 7, description: "Every live company is touched at least this often (days); at most a week." }),
    reorderReminderDays: Type.Integer({ minimum: 0, maximum: 60, description: "Remind the account manager this many days before a customer's expected purchase." }),
    rotation: Type.Object(
      {
        salesPeriodMinCases: Type.Integer({ minimum: 1, maximum: 10_000 }),
        salesPeriodFallbackDays: Type.Integer({ minimum: 1, maximum: 730 }),
        salesPeriodOverrideDays: Nullable(Type.Integer({ minimum: 1, maximum: 730 })),
        termsInTier1: Type.Boolean(),
        groupTermMultiplier: Type.Number({ minimum: 1, maximum: 5 }),
        inactiveDays: Type.Integer({ minimum: 0, maximum: 365, description: "0: inactivity never lists a holding." }),
        maxExtensionDays: Type.Integer({ minimum: 1, maximum: 365 }),
        restDays: Type.Integer({ minimum: 0, maximum: 365 }),
        holderCooldownDays: Type.Integer({ minimum: 0, maximum: 3650 }),
        preferBestConverter: Type.Boolean(),
        qualityWindowDays: Type.Integer({ minimum: 1, maximum: 3650 }),
      },
      { additionalProperties: false, description: "Rotation of dead clients." },
    ),
    sourceWatch: Type.Object(
      {
        windowDays: Type.Integer({ minimum: 1, maximum: 90, description: "The recent window of matured leads (days)." }),
        baselineDays: Type.Integer({ minimum: 7, maximum: 730, description: "The baseline before the recent window (days)." }),
        qualifyDays: Type.Integer({ minimum: 1, maximum: 60, description: "A lead is qualified when a deal is opened within this many days." }),
        saleDays: Type.Integer({ minimum: 1, maximum: 365, description: "A lead converts when its first sale comes within this many days." }),
        minSample: Type.Integer({ minimum: 5, maximum: 100_000, description: "Fewer leads than this in either window never alert." }),
        alpha: Type.Number({ minimum: 0.0001, maximum: 0.1, description: "Significance level of the drop test (one-sided Fisher exact test)." }),
        spamWindowHours: Type.Integer({ minimum: 1, maximum: 168, description: "Intake posts of the last this many hours are judged for rejects." }),
        spamMinLeads: Type.Integer({ minimum: 5, maximum: 100_000, description: "The spam rules need at least this many posts, or called leads." }),
        spamRejectShare: Type.Number({ minimum: 0.05, maximum: 1, description: "This share of rejected posts or more looks like spam." }),
        spamMaxConnectRate: Type.Number({ minimum: 0, maximum: 0.9, description: "Called leads reached this rarely or less look like spam." }),
      },
      { additionalProperties: false, description: "The lead source quality watch." },
    ),
    importDefaultCountry: Type.String({ pattern: "^[A-Z]{2}$", description: "Imports read phones without a country code as this country's (ISO 3166 alpha-2, e.g. UA)." }),
  },
  { $id: "TeamSettings", title: "TeamSettings", additionalProperties: false },
);

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["settings"];
  app.get("/settings", { schema: { tags, summary: "The team's rules (working hours, caps, deadlines, deal stages)", response: responses({ 200: Type.Object({ settings: Type.Ref("TeamSettings") }) }) } }, async () => ({
    settings: await readSettings(db, app.config.timeZone),
  }));
  app.put(
    "/settings",
    { schema: { tags, summary: "Change the team's rules (head, admin)", body: Type.Object({ settings: Type.Ref("TeamSettings") }, { additionalProperties: false }), response: responses({ 200: Type.Object({ settings: Type.Ref("TeamSettings") }) }) } },
    async (request) => {
      if (!mayManageSettings(actorOf(request))) throw appError("forbidden");
      const value = request.body.settings as TeamSettings;
      const wh = value.workingHours;
      const fields = [
        ...(validTimeZone(wh.timeZone) ? [] : [{ field: "body.settings.workingHours.timeZone", rule: "timeZone" }]),
        ...(wh.endHour > wh.startHour ? [] : [{ field: "body.settings.workingHours.endHour", rule: "afterStart" }]),
        ...(value.dealStages.some((s) => s === "won" || s === "lost") ? [{ field: "body.settings.dealStages", rule: "reserved" }] : []),
        ...(isSupportedCountry(value.importDefaultCountry) ? [] : [{ field: "body.settings.importDefaultCountry", rule: "country" }]),
      ];
      if (fields.length) throw appError("validation_failed", { fields });
      await writeSettings(db, value);
      return { settings: await readSettings(db, app.config.timeZone) };
    },
  );

  const AbsenceSchema = Type.Object({ id: Type.Integer(), userId: Type.Integer(), startsOn: Type.String({ format: "date" }), endsOn: Type.String({ format: "date" }), note: Nullable(Type.String()) });
  app.get(
    "/absences",
    { schema: { tags, summary: "Current and future absences", response: responses({ 200: Type.Object({ items: Type.Array(AbsenceSchema) }) }) } },
    async () => ({
      items: (
        await selectRows<{ id: number; user_id: number; starts_on: string; ends_on: string; note: string | null }>(
          db,
          sql`select id, user_id, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on, note
              from absences where ends_on >= current_date order by starts_on, id`,
        )
      ).map((r) => ({ id: r.id, userId: r.user_id, startsOn: r.starts_on, endsOn: r.ends_on, note: r.note })),
    }),
  );
  app.post(
    "/users/:id/absences",
    {
      schema: {
        tags,
        summary: "Record an absence: distribution skips the person on those days (head, admin)",
        params: IdParams,
        body: Type.Object({ startsOn: Type.String({ format: "date" }), endsOn: Type.String({ format: "date" }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: responses({ 201: Type.Object({ absence: AbsenceSchema }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!mayManageAbsences(actor)) throw appError("forbidden");
      const { startsOn, endsOn, note } = request.body;
      if (endsOn < startsOn) throw appError("validation_failed", { fields: [{ field: "body.endsOn", rule: "afterStart" }] });
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, request.params.id));
      if (!user) throw appError("user_not_found");
      const [row] = await db.insert(absences).values({ userId: user.id, startsOn, endsOn, note: note ?? null, createdBy: actor.id }).returning({ id: absences.id });
      return reply.code(201).send({ absence: { id: row!.id, userId: user.id, startsOn, endsOn, note: note ?? null } });
    },
  );
};
