import { access } from "node:fs/promises";
import type { Readable } from "node:stream";
import { Type } from "typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { IMPORT_FIELDS } from "../../domain/imports/fields.js";
import { mayImport } from "../../server/access/index.js";
import { actorOf, appError, IdParams, responses } from "../../server/index.js";
import { detect, registerImport, type Detection } from "./importCreator.js";
import { dryRunImport } from "./dryRun.js";
import { errorReportCsv } from "./errorReport.js";
import { importDir, removeFile, storeUpload } from "./importFiles.js";
import { assertStartable, continueImport, startImport, startResume, type Claim } from "./importRunner.js";
import { findImport, listImports, rejectReasons, toImportDto, type ImportRow } from "./queries.js";
import { DetectionSchema, DryRunSchema, ImportSchema, ReadChoiceQuery, RunBody } from "./schemas.js";

/** Content types a browser or a script sends a spreadsheet with (Windows labels .csv as vnd.ms-excel). */
const FILE_TYPES = ["application/octet-stream", "text/csv", "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

const detectionBody = (d: Detection) => ({
  format: d.inspection.format,
  encoding: d.inspection.encoding
    ? { guessed: d.inspection.encoding.encoding, chosen: d.inspection.encoding.chosen, reason: d.inspection.encoding.reason, confidence: d.inspection.encoding.confidence }
    : null,
  delimiter: d.inspection.delimiter ? { guessed: d.inspection.delimiter.delimiter, chosen: d.inspection.delimiter.chosen, confidence: d.inspection.delimiter.confidence } : null,
  headerLine: d.inspection.headerLine,
  headers: d.inspection.headers,
  preview: d.inspection.preview,
  mapping: [...d.mapping],
  mappingFrom: d.mappingFrom,
  fields: [...IMPORT_FIELDS],
});

/**
 * Imports (#8): the head uploads a CSV or XLSX as the raw request body (streamed to disk, never
 * held in memory), sees the detected encoding, delimiter, headers, first rows and a mapping,
 * dry-runs it for counts and reasons, runs it (in the background: progress by polling), resumes
 * it after a crash, and downloads the error report.
 */
export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const tags = ["imports"];
  const timeZone = app.config.timeZone;
  const running = new Set<{ done: Promise<unknown>; stop: AbortController }>();

  // A server stopping halts its imports between batches; they are marked failed and resume at once.
  app.addHook("onClose", async () => {
    for (const job of running) job.stop.abort();
    await Promise.allSettled([...running].map((job) => job.done));
  });

  app.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));

  const allowed = (request: FastifyRequest) => {
    const actor = actorOf(request);
    if (!mayImport(actor)) throw appError("forbidden");
    return actor;
  };
  const importOf = async (id: number): Promise<ImportRow> => {
    const row = await findImport(db, id);
    if (!row) throw appError("import_not_found");
    return row;
  };
  /** The uploaded file, still on this server's disk (a finished import's is gone: say so first). */
  const storedFile = async (row: ImportRow, startable?: "run" | "resume"): Promise<string> => {
    if (startable) assertStartable(row, startable);
    if (!row.storedPath || !(await access(row.storedPath).then(() => true, () => false))) throw appError("import_file_changed");
    return row.storedPath;
  };
  const runInBackground = (claim: Claim) => {
    const stop = new AbortController();
    const job = { stop, done: Promise.resolve() as Promise<unknown> };
    job.done = continueImport(db, claim, timeZone, { signal: stop.signal })
      .catch((error: unknown) => app.log.error({ err: error, importId: claim.importId }, "import failed"))
      .finally(() => running.delete(job));
    running.add(job);
  };

  app.post(
    "/imports",
    {
      schema: {
        tags,
        summary: "Upload a CSV or XLSX as the raw body (Content-Type application/octet-stream, text/csv or the XLSX type); answers what was detected (head, admin)",
        querystring: Type.Object(
          { fileName: Type.String({ minLength: 1, maxLength: 255, description: "The file's name, shown on every imported company's timeline." }), ...ReadChoiceQuery },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ import: ImportSchema, detection: DetectionSchema }) }),
      },
    },
    async (request, reply) => {
      const actor = allowed(request);
      const body = request.body as unknown;
      if (!body || typeof (body as Readable).pipe !== "function") throw appError("import_file_invalid", { reason: "content_type", accepted: FILE_TYPES });
      const stored = await storeUpload(body as Readable, importDir());
      try {
        const { fileName, encoding, delimiter } = request.query;
        const registered = await registerImport(db, actor.id, { fileName, path: stored.path, storedPath: stored.path, sha256: stored.sha256, size: stored.size }, { encoding, delimiter });
        return reply.code(201).send({ import: registered.import, detection: detectionBody(registered.detection) });
      } catch (error) {
        await removeFile(stored.path);
        throw error;
      }
    },
  );

  app.get(
    "/imports",
    { schema: { tags, summary: "Recent imports, newest first (head, admin)", response: responses({ 200: Type.Object({ items: Type.Array(ImportSchema) }) }) } },
    async (request) => {
      allowed(request);
      return { items: await listImports(db, 50) };
    },
  );

  app.get(
    "/imports/:id",
    {
      schema: {
        tags,
        summary: "An import's status, counts and progress, with its rejected rows per reason (head, admin)",
        params: IdParams,
        response: responses({ 200: Type.Object({ import: ImportSchema, rejectReasons: Type.Array(Type.Object({ code: Type.String(), count: Type.Integer() })) }) }),
      },
    },
    async (request) => {
      allowed(request);
      const row = await importOf(request.params.id);
      return { import: toImportDto(row), rejectReasons: await rejectReasons(db, row.id) };
    },
  );

  app.get(
    "/imports/:id/preview",
    {
      schema: {
        tags,
        summary: "The uploaded file read again with another encoding or delimiter: headers, first rows, mapping (head, admin)",
        params: IdParams,
        querystring: Type.Object(ReadChoiceQuery, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ detection: DetectionSchema }) }),
      },
    },
    async (request) => {
      allowed(request);
      const row = await importOf(request.params.id);
      return { detection: detectionBody(await detect(db, await storedFile(row), request.query)) };
    },
  );

  app.post(
    "/imports/:id/dry-run",
    {
      schema: {
        tags,
        summary: "Everything the run would do, rolled back: rows to create, merge, skip and reject, with reasons and the first rejected lines (head, admin)",
        params: IdParams,
        body: RunBody,
        response: responses({ 200: Type.Object({ import: ImportSchema, dryRun: DryRunSchema }) }),
      },
    },
    async (request) => {
      allowed(request);
      const row = await importOf(request.params.id);
      return dryRunImport(db, row.id, await storedFile(row, "run"), request.body, timeZone);
    },
  );

  app.post(
    "/imports/:id/run",
    {
      schema: {
        tags,
        summary: "Import the file in committed batches; answers at once, progress by GET /imports/{id} (head, admin)",
        params: IdParams,
        body: RunBody,
        response: responses({ 202: Type.Object({ import: ImportSchema }) }),
      },
    },
    async (request, reply) => {
      const actor = allowed(request);
      const row = await importOf(request.params.id);
      const claim = await startImport(db, row.id, await storedFile(row, "run"), request.body, actor.id, timeZone);
      runInBackground(claim);
      return reply.code(202).send({ import: toImportDto((await findImport(db, row.id))!) });
    },
  );

  app.post(
    "/imports/:id/resume",
    {
      schema: {
        tags,
        summary: "Carry on a failed import, or one whose run stopped committing (a crash), after its last committed line (head, admin)",
        params: IdParams,
        response: responses({ 202: Type.Object({ import: ImportSchema }) }),
      },
    },
    async (request, reply) => {
      allowed(request);
      const row = await importOf(request.params.id);
      const claim = await startResume(db, row.id, await storedFile(row, "resume"));
      runInBackground(claim);
      return reply.code(202).send({ import: toImportDto((await findImport(db, row.id))!) });
    },
  );

  app.get(
    "/imports/:id/errors.csv",
    {
      schema: {
        tags,
        summary: "The error report: every rejected row with its line, reason and cells, as CSV (head, admin)",
        params: IdParams,
        response: responses({ 200: Type.String({ description: "text/csv" }) }),
      },
    },
    async (request, reply) => {
      allowed(request);
      const row = await importOf(request.params.id);
      const base = row.fileName.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80) || "import";
      const name = `${base}-errors.csv`;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="import-${row.id}-errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(errorReportCsv(db, row.id, row.headers, request.language));
    },
  );
};
