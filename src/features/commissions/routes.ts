import { Type, type Static } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { bpToPercent, isMonth, TIER_OF_KIND, type Month } from "../../domain/commission.js";
import { commissionScope, mayReadCommissionOf, mayReadCommissionRules, type Actor } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { readSettings } from "../settings/teamSettings.js";
import { sendExport } from "../exports/exportFile.js";
import { exportFormatOf, FormatParam } from "../exports/formats.js";
import { commissionSheets } from "./exportSheets.js";
import { addCommissionRule } from "./ruleAdder.js";
import { listRules } from "./rules.js";
import { withdrawCommissionRule } from "./ruleWithdrawer.js";
import { LineSchema, MonthQuery, RuleBody, RuleSchema, StatementSchema, SummarySchema } from "./schemas.js";
import { currentMonth, monthStatements, peopleByIds, tiersOf, type PersonStatement } from "./statements.js";

const UserId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/** Commissions (#7): the head's rules per tier, everyone's month (or one's own), the lines behind it, exports. */
export const commissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["commissions"];
  const workingHours = async () => (await readSettings(db, app.config.timeZone)).workingHours;

  const scopeOf = (actor: Actor) => {
    const scope = commissionScope(actor);
    if (!scope) throw appError("forbidden");
    return scope;
  };
  /** The month asked for, or this one; a malformed month is the caller's mistake, named. */
  const monthOf = (asked: string | undefined, current: Month): Month => {
    if (asked === undefined) return current;
    if (!isMonth(asked)) throw appError("month_invalid");
    return asked;
  };

  app.get(
    "/commission-rules",
    { schema: { tags, summary: "The commission rules per tier with the months they apply from (everyone paid by them may read)", response: responses({ 200: Type.Object({ currentMonth: Type.String(), items: Type.Array(RuleSchema) }) }) } },
    async (request) => {
      if (!mayReadCommissionRules(actorOf(request))) throw appError("forbidden");
      const month = currentMonth(await workingHours());
      return { currentMonth: month, items: await listRules(db, month) };
    },
  );

  app.post(
    "/commission-rules",
    { schema: { tags, summary: "The head sets a tier's rule from a month on: tier 1 an amount per converted lead, tiers 2 and 3 a percentage", body: RuleBody, response: responses({ 201: Type.Object({ rule: RuleSchema }) }) } },
    async (request, reply) => reply.code(201).send({ rule: await addCommissionRule(db, actorOf(request), request.body, currentMonth(await workingHours())) }),
  );

  app.delete(
    "/commission-rules/:id",
    { schema: { tags, summary: "The head withdraws a rule whose month has not started yet", params: IdParams, response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      await withdrawCommissionRule(db, actorOf(request), request.params.id, currentMonth(await workingHours()));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/commissions",
    {
      schema: {
        tags,
        summary: "A month's commissions per person with totals per currency (head, admin, back office: everyone; a salesperson: own)",
        querystring: Type.Object({ ...MonthQuery, userId: Type.Optional(UserId) }, { additionalProperties: false }),
        response: responses({ 200: SummarySchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const scope = scopeOf(actor);
      const { userId } = request.query;
      if (userId !== undefined && !mayReadCommissionOf(actor, userId)) throw appError("forbidden");
      const wh = await workingHours();
      const month = monthOf(request.query.month, currentMonth(wh));
      const statements = await monthStatements(db, month, wh, scope, userId);
      return { month, items: statements.map((s) => ({ user: s.person, tiers: tiersOf(s.lines), lines: s.lines.length, totals: s.totals })) };
    },
  );

  app.get(
    "/commissions/export",
    {
      // No automatic HEAD route: it would run (and log) the whole export to send no file.
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: "A month's commission lines as CSV (UTF-8 with BOM; `;` and a decimal comma for ru/uk, `,` for en) or XLSX (lines and totals sheets); logged",
        querystring: Type.Object({ ...MonthQuery, format: FormatParam, userId: Type.Optional(UserId) }, { additionalProperties: false }),
        response: responses({ 200: Type.String({ description: "The file." }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const scope = scopeOf(actor);
      const { userId } = request.query;
      const format = exportFormatOf(request.query.format);
      if (userId !== undefined && !mayReadCommissionOf(actor, userId)) throw appError("forbidden");
      const wh = await workingHours();
      const month = monthOf(request.query.month, currentMonth(wh));
      const statements = await monthStatements(db, month, wh, scope, userId);
      const params = { month, ...(userId !== undefined ? { userId } : {}) };
      return sendExport(reply, { db, userId: actor.id, what: "commissions", format, params, language: actor.language, sheets: commissionSheets(statements, actor.language) }, `commissions-${month}`);
    },
  );

  app.get(
    "/commissions/:userId",
    {
      schema: {
        tags,
        summary: "The lines behind a person's month: company, kind, sale date, order, the rule applied, the commission",
        params: Type.Object({ userId: UserId }),
        querystring: Type.Object(MonthQuery, { additionalProperties: false }),
        response: responses({ 200: StatementSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const scope = scopeOf(actor);
      const { userId } = request.params;
      // Asking for someone else's is refused before saying whether they exist.
      if (!mayReadCommissionOf(actor, userId)) throw appError("forbidden");
      const wh = await workingHours();
      const month = monthOf(request.query.month, currentMonth(wh));
      const [statement] = await monthStatements(db, month, wh, scope, userId);
      // Someone with no lines this month is looked up only to tell them from nobody.
      const person = statement?.person ?? (await peopleByIds(db, [userId])).get(userId);
      if (!person) throw appError("user_not_found");
      return { month, user: person, lines: (statement?.lines ?? []).map(lineDto), totals: statement?.totals ?? [] };
    },
  );
};

function lineDto(line: PersonStatement["lines"][number]): Static<typeof LineSchema> {
  const rule = line.rule;
  return {
    kind: line.kind,
    tier: TIER_OF_KIND[line.kind],
    company: { id: line.companyId, legalName: line.legalName },
    day: line.day,
    orderId: line.orderId,
    orderTotalMinor: line.orderTotalMinor,
    orderCurrency: line.orderCurrency,
    rule: {
      effectiveFrom: line.ruleFrom,
      amountMinor: rule.kind === "per_lead" ? rule.amountMinor : null,
      currency: rule.kind === "per_lead" ? rule.currency : null,
      rateBp: rule.kind === "rate" ? rule.rateBp : null,
      ratePercent: rule.kind === "rate" ? bpToPercent(rule.rateBp) : null,
    },
    amountMinor: line.amountMinor,
    currency: line.currency,
  };
}
