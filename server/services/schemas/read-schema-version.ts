import "server-only";
import { prettySchema } from "@/lib/schema-format";
import type { SchemaType, SchemaVersion } from "@/lib/schemas/schemas";
import { seg, type RegistryClient } from "@/server/schema-registry/client";

type RawVersion = {
  subject: string;
  version: number;
  id: number;
  schema: string;
  schemaType?: SchemaType;
  references?: { name: string; subject: string; version: number }[];
};

/** One version as the registry stores it (AVRO when schemaType is absent, as Confluent defines), projected to the DTO. */
export async function readSchemaVersion(
  reg: RegistryClient,
  subject: string,
  version: number | "latest",
  opts: { deleted?: boolean; isDeleted?: boolean } = {},
): Promise<SchemaVersion> {
  const raw = await reg.request<RawVersion>({
    path: `/subjects/${seg(subject)}/versions/${seg(version)}`,
    query: { deleted: opts.deleted || undefined },
  });
  const schemaType = raw.schemaType ?? "AVRO";
  return {
    subject: raw.subject ?? subject,
    version: raw.version,
    id: raw.id,
    schemaType,
    schema: prettySchema(schemaType, raw.schema),
    references: (raw.references ?? []).map((r) => ({ name: r.name, subject: r.subject, version: r.version })),
    deleted: opts.isDeleted ?? false,
  };
}
