import "server-only";
import type { CompatibilityConfig } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import { registryFor, seg } from "@/server/schema-registry/client";
import { getCompatibilityLevel } from "./get-compatibility-level";

/** The effective level of a subject (404 for an unknown subject) or, with subject = null, the global level. */
export async function getCompatibilityConfig(clusterId: string, subject: string | null): Promise<CompatibilityConfig> {
  const reg = registryFor(clusterId);
  // Apicurio answers the global level for any name, so the subject's existence is checked first.
  if (subject !== null) await reg.request({ path: `/subjects/${seg(subject)}/versions` });
  const level = await getCompatibilityLevel(reg, subject);
  if (!level) throw new ApiError("internal", "The registry answered no compatibility level.");
  return { subject, compatibility: level };
}
