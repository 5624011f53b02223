import "server-only";
import type { CompatibilityCheck } from "@/lib/schemas/schemas";
import { registryFor, type SchemaInput } from "@/server/schema-registry/client";
import { checkCompatibility } from "./check-compatibility";

/** The route-facing dry run: what registering this schema would meet, without registering it. */
export async function checkSchemaCompatibility(
  clusterId: string,
  subject: string,
  input: SchemaInput,
): Promise<CompatibilityCheck> {
  return checkCompatibility(registryFor(clusterId), subject, input);
}
