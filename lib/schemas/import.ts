import { z } from "zod";
import { COMPRESSIONS, DECODED_ENCODINGS } from "./messages";

/** Largest JSON Lines text one import takes (the request body is a little larger: JSON escaping). */
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;

export const importBodySchema = z.object({
  /** The file's text: one record per line in the format Sluice's export writes. */
  jsonl: z.string().min(1, "the file is empty").max(IMPORT_MAX_BYTES, "at most 16 MiB"),
  keepTimestamps: z.boolean().default(false),
  keepPartition: z.boolean().default(false),
  /** Write the valid lines and list the bad ones (default: nothing is written unless every line is valid). */
  skipInvalid: z.boolean().default(false),
});
export type ImportBody = z.output<typeof importBodySchema>;

const field = z.object({
  encoding: z.enum(DECODED_ENCODINGS),
  text: z.string().nullable(),
  truncated: z.boolean().optional(),
  masked: z.boolean().optional(),
  error: z.string().optional(),
});

/** One exported record (the fields an import needs; the rest of the export's fields are ignored). */
export const importLineSchema = z.object({
  partition: z.number().int().min(0).optional(),
  timestamp: z.number().int().min(0).optional(),
  key: field,
  value: field,
  headers: z
    .array(z.object({ key: z.string().max(10_000), value: z.string().nullable(), binary: z.boolean().optional() }))
    .max(1000)
    .default([]),
  compression: z.enum(COMPRESSIONS).optional(),
});

export const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  lines: z.number(),
  valid: z.number(),
  written: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
  skipped: z.array(z.object({ line: z.number(), reason: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
