import { z } from "zod";
import { clusterParamsSchema } from "./params";

export const COMPATIBILITY_LEVELS = [
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE",
  "NONE",
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];
export const compatibilityLevelSchema = z.enum(COMPATIBILITY_LEVELS, {
  error: `use one of ${COMPATIBILITY_LEVELS.join(", ")}`,
});

export const SCHEMA_TYPES = ["AVRO", "PROTOBUF", "JSON"] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

/**
 * Registry subject names: printable text without path syntax. `/`, `\`, `%`, `?`, `#` and `..` are refused: a proxy
 * that normalises or decodes paths would otherwise turn `teamA/../teamB-value` (which carries team A's prefix) into
 * team B's subject, so the name whose ownership Sluice checks must be the very name the registry sees.
 */
export const subjectNameSchema = z
  .string()
  .min(1, "the subject is empty")
  .max(255, "the subject is longer than 255 characters")
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "the subject contains control characters")
  .refine(
    (s) => !/[/\\%?#]/.test(s) && !s.includes(".."),
    "the subject contains '/', '\\', '%', '?', '#' or '..', which Sluice refuses in subject names",
  );

const boolParam = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const subjectParamsSchema = clusterParamsSchema.extend({ subject: subjectNameSchema });
export const schemaVersionParamsSchema = subjectParamsSchema.extend({
  version: z.coerce
    .number({ error: "version must be a number" })
    .int("version must be a whole number")
    .min(1, "version must be 1 or more"),
});

export const listSubjectsQuerySchema = z.object({
  q: z.string().max(500).optional(),
  deleted: boolParam.optional().default(false),
});
export const deletedQuerySchema = z.object({ deleted: boolParam.optional().default(false) });
export const permanentQuerySchema = z.object({ permanent: boolParam.optional().default(false) });

const nullableLevel = compatibilityLevelSchema.nullable();

export const SubjectListItemSchema = z.object({
  subject: z.string(),
  /** the topic under TopicNameStrategy (`<topic>-key` / `<topic>-value`), else null */
  topic: z.string().nullable(),
  role: z.enum(["key", "value"]).nullable(),
  latestVersion: z.number().nullable(),
  latestId: z.number().nullable(),
  schemaType: z.enum(SCHEMA_TYPES).nullable(),
  versionCount: z.number(),
  compatibility: nullableLevel,
  /** every version is soft-deleted (listed only with ?deleted=true) */
  deleted: z.boolean(),
});
export type SubjectListItem = z.infer<typeof SubjectListItemSchema>;

export const SubjectListSchema = z.object({
  items: z.array(SubjectListItemSchema),
  globalCompatibility: nullableLevel,
});
export type SubjectList = z.infer<typeof SubjectListSchema>;

export const SchemaReferenceSchema = z.object({ name: z.string(), subject: z.string(), version: z.number() });

export const SchemaVersionSchema = z.object({
  subject: z.string(),
  version: z.number(),
  id: z.number(),
  schemaType: z.enum(SCHEMA_TYPES),
  /** pretty-printed for AVRO and JSON; PROTOBUF as stored */
  schema: z.string(),
  references: z.array(SchemaReferenceSchema),
  deleted: z.boolean(),
});
export type SchemaVersion = z.infer<typeof SchemaVersionSchema>;

export const SubjectDetailSchema = z.object({
  subject: z.string(),
  topic: z.string().nullable(),
  role: z.enum(["key", "value"]).nullable(),
  compatibility: nullableLevel,
  globalCompatibility: nullableLevel,
  versions: z.array(SchemaVersionSchema),
});
export type SubjectDetail = z.infer<typeof SubjectDetailSchema>;

export const checkSchemaBodySchema = z.object({
  schemaType: z
    .enum(SCHEMA_TYPES, { error: `use one of ${SCHEMA_TYPES.join(", ")}` })
    .optional()
    .default("AVRO"),
  schema: z.string().trim().min(1, "the schema is empty").max(1_000_000, "the schema is larger than 1 MB"),
  references: z
    .array(z.object({ name: z.string().min(1), subject: subjectNameSchema, version: z.number().int().min(1) }))
    .max(100)
    .optional()
    .default([]),
});
export const registerSchemaBodySchema = checkSchemaBodySchema.extend({ force: z.boolean().optional().default(false) });
export type RegisterSchemaBody = z.input<typeof registerSchemaBodySchema>;

export const CompatibilityCheckSchema = z.object({
  /** false when the subject has no version yet, so there is nothing to compare with */
  checked: z.boolean(),
  compatible: z.boolean(),
  level: nullableLevel,
  /** true when registering would be refused (incompatible under a level other than NONE) */
  blocking: z.boolean(),
  messages: z.array(z.string()),
});
export type CompatibilityCheck = z.infer<typeof CompatibilityCheckSchema>;

export const RegisterResultSchema = z.object({
  subject: z.string(),
  id: z.number(),
  version: z.number(),
  forced: z.boolean(),
  compatibility: CompatibilityCheckSchema,
});
export type RegisterResult = z.infer<typeof RegisterResultSchema>;

export const setCompatibilityBodySchema = z.object({ compatibility: compatibilityLevelSchema });
export const CompatibilityConfigSchema = z.object({
  subject: z.string().nullable(),
  compatibility: compatibilityLevelSchema,
});
export type CompatibilityConfig = z.infer<typeof CompatibilityConfigSchema>;

export const DeleteSchemaResultSchema = z.object({
  subject: z.string(),
  versions: z.array(z.number()),
  permanent: z.boolean(),
});
export type DeleteSchemaResult = z.infer<typeof DeleteSchemaResultSchema>;

/** Registry mode: READONLY refuses registrations; IMPORT is for migrations (ids kept). Not every registry has it. */
export const REGISTRY_MODES = ["READWRITE", "READONLY", "IMPORT"] as const;
export const registryModeSchema = z.enum(REGISTRY_MODES);
export type RegistryMode = z.infer<typeof registryModeSchema>;
export const setRegistryModeBodySchema = z.object({ mode: registryModeSchema });
export const RegistryModeSchema = z.object({ supported: z.boolean(), mode: registryModeSchema.nullable() });
export type RegistryModeInfo = z.infer<typeof RegistryModeSchema>;
