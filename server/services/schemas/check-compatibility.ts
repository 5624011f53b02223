import "server-only";
import type { CompatibilityCheck } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import { seg, toRegistrySchema, type RegistryClient, type SchemaInput } from "@/server/schema-registry/client";
import { validateSchemaSyntax } from "@/server/schema-registry/validate-schema";
import { getCompatibilityLevel } from "./get-compatibility-level";

/**
 * Asks the registry whether the schema is compatible with the subject's latest version. Skipped (checked: false) for
 * a subject without versions. Apicurio's check endpoint assumes BACKWARD even when the level is NONE, so an
 * "incompatible" answer only blocks registration under a level other than NONE.
 */
export async function checkCompatibility(
  reg: RegistryClient,
  subject: string,
  input: SchemaInput,
): Promise<CompatibilityCheck> {
  validateSchemaSyntax(input);
  const level = await getCompatibilityLevel(reg, subject);
  const versions = await reg.request<number[]>({ path: `/subjects/${seg(subject)}/versions` }).catch((e) => {
    if (e instanceof ApiError && e.code === "not_found") return [] as number[];
    throw e;
  });
  if (versions.length === 0) return { checked: false, compatible: true, level, blocking: false, messages: [] };
  const res = await reg.request<{ is_compatible: boolean; messages?: string[] }>({
    method: "POST",
    path: `/compatibility/subjects/${seg(subject)}/versions/latest`,
    query: { verbose: true },
    body: toRegistrySchema(input),
  });
  const compatible = res.is_compatible === true;
  const messages = Array.isArray(res.messages) ? res.messages.map(String) : [];
  return { checked: true, compatible, level, blocking: !compatible && level !== null && level !== "NONE", messages };
}
