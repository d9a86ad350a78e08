import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { companyScope, mayExport } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { logActivity } from "./activityLogger.js";
import { authorizeCompany } from "./companyAccess.js";
import { createCompany } from "./companyCreator.js";
import { updateCompany } from "./companyUpdater.js";
import { addContact, updateContact } from "./contactSaver.js";
import { companyFacets, findCompany, listContacts, listHoldings, parseTimelineCursor, readTimeline, searchCompanies } from "./queries.js";
import {
  ContactInputSchema,
  ContactPatchSchema,
  CreateCompanyBody,
  LogActivityBody,
  SearchQuery,
  TimelineQuery,
  UpdateCompanyBody,
} from "./schemas.js";
import { Nullable } from "../../server/schemaHelpers.js";
import { companySheet } from "../exports/companyExport.js";
import { sendExport } from "../exports/exportFile.js";
import { exportFormatOf } from "../exports/formats.js";
import { CompanyExportQuery, ExportFile } from "../exports/schemas.js";
import { teamClock } from "../exports/teamClock.js";

export const companyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const country = app.config.defaultCountry;
  const companyBody = Type.Object({ company: Type.Ref("Company") });
  const contactBody = Type.Object({ contact: Type.Ref("Contact") });

  app.get(
    "/companies",
    {
      schema: {
        tags: ["companies"],
        summary: "Search and filter companies: q matches a tax id prefix, a phone or a name prefix. Tier workers see only what they hold.",
        querystring: SearchQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("Company")), hasMore: Type.Boolean() }) }),
      },
    },
    async (request) => searchCompanies(db, companyScope(actorOf(request)), request.query, country),
  );

  app.get(
    "/companies/facets",
    {
      schema: {
        tags: ["companies"],
        summary: "Values for the list filters (industries, regions); sources come from /api/sources/options",
        response: responses({ 200: Type.Object({ industries: Type.Array(Type.String()), regions: Type.Array(Type.String()) }) }),
      },
    },
    async (request) => {
      if (companyScope(actorOf(request)).kind !== "all") throw appError("forbidden");
      return companyFacets(db);
    },
  );

  app.get(
    "/companies/export",
    {
      // No automatic HEAD route: it would run (and log) the whole export to send no file.
      exposeHeadRoute: false,
      schema: {
        tags: ["companies", "exports"],
        summary: "The company list with the same filters as GET /companies, every match (not a page), as CSV or XLSX, streamed in id order; head, admin and back office only; logged",
        querystring: CompanyExportQuery,
        response: responses({ 200: ExportFile }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!mayExport(actor, "companies")) throw appError("forbidden");
      const format = exportFormatOf(request.query.format);
      const { format: _format, ...filters } = request.query;
      const { timeZone, today } = await teamClock(db, app.config.timeZone);
      const sheet = companySheet(db, { scope: companyScope(actor), filters, country, timeZone }, actor.language);
      return sendExport(reply, { db, userId: actor.id, what: "companies", format, params: filters, language: actor.language, sheets: [sheet] }, `companies-${today}`);
    },
  );

  app.post(
    "/companies",
    {
      schema: {
        tags: ["companies"],
        summary: "Add a company with its contacts; 409 names the existing company for a duplicate tax id or phone",
        body: CreateCompanyBody,
        response: responses({ 201: companyBody }),
      },
    },
    async (request, reply) => reply.code(201).send({ company: await createCompany(db, actorOf(request), request.body, country) }),
  );

  app.get(
    "/companies/:id",
    {
      schema: {
        tags: ["companies"],
        summary: "The company card: company, contacts and holding history",
        params: IdParams,
        response: responses({ 200: Type.Ref("CompanyCard") }),
      },
    },
    async (request) => {
      const id = request.params.id;
      await authorizeCompany(db, actorOf(request), id, "read", false);
      const [company, contacts, holdings] = await Promise.all([findCompany(db, id), listContacts(db, id), listHoldings(db, id)]);
      return { company: company!, contacts, holdings };
    },
  );

  app.patch(
    "/companies/:id",
    {
      schema: { tags: ["companies"], summary: "Change the company's card", params: IdParams, body: UpdateCompanyBody, response: responses({ 200: companyBody }) },
    },
    async (request) => ({ company: await updateCompany(db, actorOf(request), request.params.id, request.body) }),
  );

  app.get(
    "/companies/:id/timeline",
    {
      schema: {
        tags: ["companies"],
        summary: "The company's append-only timeline, newest first, paged by the `before` cursor",
        params: IdParams,
        querystring: TimelineQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref("Activity")), nextBefore: Nullable(Type.String()) }) }),
      },
    },
    async (request) => {
      const cursor = parseTimelineCursor(request.query.before);
      if (cursor === "invalid") throw appError("validation_failed", { fields: [{ field: "querystring.before", rule: "cursor" }] });
      await authorizeCompany(db, actorOf(request), request.params.id, "read", false);
      return readTimeline(db, request.params.id, request.query.limit, cursor);
    },
  );

  app.post(
    "/companies/:id/activities",
    {
      schema: {
        tags: ["companies"],
        summary: "Log an interaction (call, meeting, email, note) on the timeline",
        params: IdParams,
        body: LogActivityBody,
        response: responses({ 201: Type.Object({ activity: Type.Ref("Activity") }) }),
      },
    },
    async (request, reply) => reply.code(201).send({ activity: await logActivity(db, actorOf(request), request.params.id, request.body, app.config.timeZone) }),
  );

  app.post(
    "/companies/:id/contacts",
    {
      schema: { tags: ["contacts"], summary: "Add a contact person", params: IdParams, body: ContactInputSchema, response: responses({ 201: contactBody }) },
    },
    async (request, reply) => reply.code(201).send({ contact: await addContact(db, actorOf(request), request.params.id, request.body, country) }),
  );

  app.patch(
    "/contacts/:id",
    {
      schema: { tags: ["contacts"], summary: "Change a contact; phones and emails given replace the old lists", params: IdParams, body: ContactPatchSchema, response: responses({ 200: contactBody }) },
    },
    async (request) => ({ contact: await updateContact(db, actorOf(request), request.params.id, request.body, country) }),
  );
};
