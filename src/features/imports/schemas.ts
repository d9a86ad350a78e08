import { Type } from "typebox";
import { DELIMITERS } from "../../domain/imports/delimiter.js";
import { TEXT_ENCODINGS } from "../../domain/imports/encoding.js";
import { IMPORT_FIELDS } from "../../domain/imports/fields.js";
import { Nullable, StringEnum } from "../../server/schemaHelpers.js";
import { MAX_BATCH_SIZE } from "./importOptions.js";

const Field = StringEnum(IMPORT_FIELDS);
const Encoding = StringEnum(TEXT_ENCODINGS, { description: "utf8 (with or without a byte-order mark) or cp1251 (Windows-1251)." });
const Delimiter = StringEnum(DELIMITERS);
const Iso = Nullable(Type.String({ format: "date-time" }));

export const MappingSchema = Type.Array(Nullable(Field), { maxItems: 500, description: "A field per column in column order; null: the column is not imported." });

const Counts = Type.Object({
  read: Type.Integer({ description: "Data rows read." }),
  created: Type.Integer({ description: "Rows that created a company in the cold base." }),
  merged: Type.Integer({ description: "Rows that added to an existing company (empty fields, contacts, phones, emails)." }),
  skipped: Type.Integer({ description: "Blank rows and rows that add nothing new." }),
  rejected: Type.Integer({ description: "Rows refused, each with a line and a reason." }),
});

const RejectSample = Type.Object({ line: Type.Integer(), code: Type.String(), field: Nullable(Type.String()), value: Nullable(Type.String()) });

export const DryRunSchema = Type.Object({
  counts: Counts,
  rejectReasons: Type.Record(Type.String(), Type.Integer()),
  skipReasons: Type.Record(Type.String(), Type.Integer()),
  firstRejects: Type.Array(RejectSample),
  at: Type.String({ format: "date-time" }),
});

export const ImportSchema = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  fileSize: Type.Integer(),
  format: StringEnum(["csv", "xlsx"] as const),
  status: StringEnum(["uploaded", "dry_run", "running", "done", "failed"] as const),
  headers: Type.Array(Type.String()),
  mapping: Nullable(MappingSchema),
  options: Type.Object({
    encoding: Type.Optional(Encoding),
    delimiter: Type.Optional(Delimiter),
    sourceId: Type.Optional(Nullable(Type.Integer())),
    batchSize: Type.Optional(Type.Integer()),
    country: Type.Optional(Type.String()),
    headerLine: Type.Optional(Type.Integer()),
  }),
  counts: Counts,
  lastLine: Type.Integer({ description: "The file line of the last committed row; a resume continues after it." }),
  progress: Type.Number({ minimum: 0, maximum: 1, description: "Share of the file read by committed batches." }),
  dryRun: Nullable(DryRunSchema),
  error: Nullable(Type.String()),
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String({ format: "date-time" }),
  startedAt: Iso,
  finishedAt: Iso,
});

const Guess = { confidence: Type.Number({ minimum: 0, maximum: 1 }) };

export const DetectionSchema = Type.Object({
  format: StringEnum(["csv", "xlsx"] as const),
  encoding: Nullable(Type.Object({ guessed: Encoding, chosen: Encoding, reason: Type.String(), ...Guess })),
  delimiter: Nullable(Type.Object({ guessed: Delimiter, chosen: Delimiter, ...Guess })),
  headerLine: Type.Integer(),
  headers: Type.Array(Type.String()),
  preview: Type.Array(Type.Object({ line: Type.Integer(), values: Type.Array(Type.String()) }), { description: "The first rows under the header." }),
  mapping: MappingSchema,
  mappingFrom: StringEnum(["preset", "guess"] as const, { description: "preset: the mapping last used for files of this shape." }),
  fields: Type.Array(Field, { description: "Every field a column can feed." }),
});

export const ReadChoiceQuery = {
  encoding: Type.Optional(Encoding),
  delimiter: Type.Optional(Delimiter),
};

export const RunBody = Type.Object(
  {
    mapping: Type.Optional(MappingSchema),
    sourceId: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: "The lead source every row carries unless its source column names another." }))),
    encoding: Type.Optional(Encoding),
    delimiter: Type.Optional(Delimiter),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_BATCH_SIZE, description: "Rows per committed batch (default 2000)." })),
  },
  { additionalProperties: false },
);
