import "server-only";
import type { SchemaVersion } from "@/lib/schemas/schemas";
import { registryFor } from "@/server/schema-registry/client";
import { readSchemaVersion } from "./read-schema-version";

/** One version of a subject; 404 naming the subject or version when either is unknown. */
export async function getSchemaVersion(clusterId: string, subject: string, version: number): Promise<SchemaVersion> {
  return readSchemaVersion(registryFor(clusterId), subject, version);
}
