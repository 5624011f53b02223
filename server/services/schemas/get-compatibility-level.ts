import "server-only";
import type { CompatibilityLevel } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import { readCompatibility, seg, type RegistryClient } from "@/server/schema-registry/client";

/**
 * The effective compatibility level: the subject's own, else the global one (subject = null: the global one).
 * Confluent answers 40408 for a subject without its own level unless defaultToGlobal is set; Apicurio returns the
 * global level either way and ignores the flag.
 */
export async function getCompatibilityLevel(
  reg: RegistryClient,
  subject: string | null,
): Promise<CompatibilityLevel | null> {
  if (subject === null) return readCompatibility(await reg.request({ path: "/config" }));
  try {
    return readCompatibility(await reg.request({ path: `/config/${seg(subject)}`, query: { defaultToGlobal: true } }));
  } catch (e) {
    if (e instanceof ApiError && e.code === "not_found") {
      return readCompatibility(await reg.request({ path: "/config" }));
    }
    throw e;
  }
}
