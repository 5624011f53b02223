import "server-only";
import type { RegisterResult } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import {
  registryFor,
  seg,
  toRegistrySchema,
  type RegistryClient,
  type SchemaInput,
} from "@/server/schema-registry/client";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { checkCompatibility } from "./check-compatibility";
import { readRegistryMode } from "./get-registry-mode";

async function post(
  reg: RegistryClient,
  subject: string,
  input: SchemaInput,
): Promise<{ id: number; version: number }> {
  const { id } = await reg.request<{ id: number }>({
    method: "POST",
    path: `/subjects/${seg(subject)}/versions`,
    body: toRegistrySchema(input),
  });
  // The register answer has only the id; the lookup gives the version (both dialects).
  const found = await reg.request<{ version: number; id: number }>({
    method: "POST",
    path: `/subjects/${seg(subject)}`,
    body: toRegistrySchema(input),
  });
  return { id: id ?? found.id, version: found.version };
}

/**
 * Registers a schema version after the registry's compatibility check. An incompatible schema is refused with 409
 * and the registry's messages, unless force is set: then the subject's level is set to NONE for the registration and
 * restored right after (the registry itself enforces the level on registration).
 */
export async function registerSchema(
  clusterId: string,
  subject: string,
  input: SchemaInput & { force: boolean },
  audit: AuditContext,
): Promise<RegisterResult> {
  const reg = registryFor(clusterId);
  // Apicurio stores the mode but does not enforce it; Sluice does, so READONLY means the same on every registry.
  const { mode } = await readRegistryMode(reg);
  if (mode === "READONLY") {
    throw new ApiError(
      "conflict",
      "The schema registry is in READONLY mode: no schema can be registered. Switch it to READWRITE on the Schemas page first.",
    );
  }
  const check = await checkCompatibility(reg, subject, input);
  if (check.blocking && !input.force) {
    const why = check.messages.length ? check.messages.join("; ") : "the registry gave no details";
    throw new ApiError(
      "conflict",
      `The schema is not ${check.level} compatible with the latest version of "${subject}": ${why}.`,
      check.messages.map((m) => ({ path: "schema", issue: m })),
    );
  }
  const forced = check.blocking && input.force;
  return audited(
    { ...audit, clusterId },
    {
      action: "schema.registered",
      targetType: "schema_subject",
      target: subject,
      before: { compatibility: check.level, compatible: check.compatible, forced },
    },
    async () => {
      if (!forced) return { subject, ...(await post(reg, subject, input)), forced, compatibility: check };
      await reg.request({ method: "PUT", path: `/config/${seg(subject)}`, body: { compatibility: "NONE" } });
      try {
        return { subject, ...(await post(reg, subject, input)), forced, compatibility: check };
      } finally {
        await reg.request({ method: "PUT", path: `/config/${seg(subject)}`, body: { compatibility: check.level } });
      }
    },
    (r) => ({ id: r.id, version: r.version, forced: r.forced }),
  );
}
