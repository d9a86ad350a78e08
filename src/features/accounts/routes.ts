import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { dayOf, startOfDay } from "../../domain/workingTime.js";
import { accountScope, mayExport, mayReadAccount, type Actor } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { openHoldingOf } from "../clients/queries.js";
import { readSettings } from "../settings/teamSettings.js";
import { accountSheet } from "../exports/accountExport.js";
import { sendExport } from "../exports/exportFile.js";
import { exportFormatOf } from "../exports/formats.js";
import { invoiceSheet } from "../exports/invoiceExport.js";
import { AccountExportQuery, ExportFile, InvoiceExportQuery } from "../exports/schemas.js";
import { cancelInvoice, issueInvoice, payInvoice } from "./invoicing.js";
import { placeOrder } from "./orderPlacer.js";
import { accountBrief, countInvoices, countOrders, findInvoices, findOrders, listAccounts } from "./queries.js";
import { AccountsQuery, CancelInvoiceBody, InvoicesQuery, IssueInvoiceBody, OrdersQuery, PayInvoiceBody, PlaceOrderBody } from "./schemas.js";

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tz = app.config.timeZone;
  const tags = ["tier 3: account management"];
  const invoiceBody = Type.Object({ invoice: Type.Ref("Invoice") });

  const scopeOf = (actor: Actor) => {
    const scope = accountScope(actor);
    if (!scope) throw appError("forbidden");
    return scope;
  };
  const today = async () => {
    const settings = await readSettings(db, tz);
    return { settings, today: dayOf(new Date(), settings.workingHours) };
  };
  /**
   * The filter of an order or invoice list: the actor's scope, today, paging; a list narrowed to
   * one company is refused unless the actor may read that customer's account.
   */
  const listFilter = async <Q extends { companyId?: number; limit?: number; offset?: number }>(actor: Actor, query: Q) => {
    const scope = scopeOf(actor);
    if (query.companyId !== undefined && !mayReadAccount(actor, await openHoldingOf(db, query.companyId))) throw appError("forbidden");
    const { today: day } = await today();
    return { scope, today: day, ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 };
  };

  app.get(
    "/accounts",
    {
      schema: {
        tags,
        summary: "Customers with segment, reorder date and status, next touch and overdue invoices (an account manager: own; head and back office: all)",
        querystring: AccountsQuery,
        response: responses({ 200: Type.Object({ today: Type.String({ format: "date" }), total: Type.Integer(), segments: Type.Record(Type.String(), Type.Integer()), items: Type.Array(Type.Ref("AccountRow")) }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const scope = scopeOf(actor);
      const { settings, today: day } = await today();
      const list = await listAccounts(db, { scope, today: day, todayStart: startOfDay(day, settings.workingHours), reminderDays: settings.reorderReminderDays }, request.query);
      return { today: day, ...list };
    },
  );

  app.get(
    "/accounts/export",
    {
      // No automatic HEAD route: it would run (and log) the whole export to send no file.
      exposeHeadRoute: false,
      schema: {
        tags: [...tags, "exports"],
        summary: "The customer list with the same filters as GET /accounts, every customer (not a page), as CSV or XLSX, streamed in id order; head, admin and back office only; logged",
        querystring: AccountExportQuery,
        response: responses({ 200: ExportFile }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!mayExport(actor, "accounts")) throw appError("forbidden");
      const scope = scopeOf(actor);
      const format = exportFormatOf(request.query.format);
      const { format: _format, ...filters } = request.query;
      const { settings, today: day } = await today();
      const ctx = { scope, today: day, todayStart: startOfDay(day, settings.workingHours), reminderDays: settings.reorderReminderDays };
      const sheet = accountSheet(db, ctx, filters, settings.workingHours.timeZone, actor.language);
      return sendExport(reply, { db, userId: actor.id, what: "accounts", format, params: filters, language: actor.language, sheets: [sheet] }, `customers-${day}`);
    },
  );

  app.get(
    "/companies/:id/account",
    {
      schema: {
        tags,
        summary: "The account manager's instruction for a customer: what and how often it buys, when next, its segment, and what to offer",
        params: IdParams,
        response: responses({ 200: Type.Object({ account: Type.Ref("AccountBrief") }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      scopeOf(actor);
      const holding = await openHoldingOf(db, request.params.id);
      if (!mayReadAccount(actor, holding)) throw appError("forbidden");
      const { settings, today: day } = await today();
      return { account: await accountBrief(db, request.params.id, day, settings.workingHours.timeZone, settings.reorderReminderDays) };
    },
  );

  app.get(
    "/orders",
    {
      schema: {
        tags,
        summary: "Orders with lines and invoice; invoiced=false is the back office's queue of orders to bill",
        querystring: OrdersQuery,
        response: responses({ 200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Ref("Order")) }) }),
      },
    },
    async (request) => {
      const filter = await listFilter(actorOf(request), request.query);
      return { total: await countOrders(db, filter), items: await findOrders(db, filter) };
    },
  );

  app.post(
    "/companies/:id/orders",
    {
      schema: {
        tags,
        summary: "Record a customer's order (its account manager, the back office, the head); the reorder prediction moves at once",
        params: IdParams,
        body: PlaceOrderBody,
        response: responses({ 201: Type.Object({ order: Type.Ref("Order") }) }),
      },
    },
    async (request, reply) => reply.code(201).send({ order: await placeOrder(db, actorOf(request), request.params.id, request.body, tz) }),
  );

  app.get(
    "/invoices",
    {
      schema: {
        tags,
        summary: "Invoices by status (overdue: issued and past due), soonest due first",
        querystring: InvoicesQuery,
        response: responses({ 200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Ref("Invoice")) }) }),
      },
    },
    async (request) => {
      const filter = await listFilter(actorOf(request), request.query);
      return { total: await countInvoices(db, filter), items: await findInvoices(db, filter) };
    },
  );

  app.get(
    "/invoices/export",
    {
      // No automatic HEAD route: it would run (and log) the whole export to send no file.
      exposeHeadRoute: false,
      schema: {
        tags: [...tags, "exports"],
        summary: "Invoices with the same filters as GET /invoices, every one (not a page), as CSV or XLSX, streamed in id order; head, admin and back office only; logged",
        querystring: InvoiceExportQuery,
        response: responses({ 200: ExportFile }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!mayExport(actor, "invoices")) throw appError("forbidden");
      const format = exportFormatOf(request.query.format);
      const { format: _format, ...filters } = request.query;
      const { scope, today: day } = await listFilter(actor, filters);
      const sheet = invoiceSheet(db, { scope, today: day, ...filters }, actor.language);
      return sendExport(reply, { db, userId: actor.id, what: "invoices", format, params: filters, language: actor.language, sheets: [sheet] }, `invoices-${day}`);
    },
  );

  app.post(
    "/orders/:id/invoice",
    { schema: { tags, summary: "Issue the invoice for an order, for its total (back office)", params: IdParams, body: IssueInvoiceBody, response: responses({ 201: invoiceBody }) } },
    async (request, reply) => reply.code(201).send({ invoice: await issueInvoice(db, actorOf(request), request.params.id, request.body, tz) }),
  );
  app.post(
    "/invoices/:id/pay",
    { schema: { tags, summary: "Mark the invoice paid (back office)", params: IdParams, body: PayInvoiceBody, response: responses({ 200: invoiceBody }) } },
    async (request) => ({ invoice: await payInvoice(db, actorOf(request), request.params.id, request.body.paidOn, tz) }),
  );
  app.post(
    "/invoices/:id/cancel",
    { schema: { tags, summary: "Cancel the invoice, with the reason; the order can be billed again (back office)", params: IdParams, body: CancelInvoiceBody, response: responses({ 200: invoiceBody }) } },
    async (request) => ({ invoice: await cancelInvoice(db, actorOf(request), request.params.id, request.body.reason, tz) }),
  );
};
