import "server-only";
import type { RegistryModeInfo } from "@/lib/schemas/schemas";
import { ApiError } from "@/server/http/api-error";
import { registryFor, type RegistryClient } from "@/server/schema-registry/client";

/** The global mode; registries without a mode API (404/405/501) answer supported: false, so the UI hides it. */
export async function readRegistryMode(reg: RegistryClient): Promise<RegistryModeInfo> {
  try {
    const res = await reg.request<{ mode?: string }>({ path: "/mode" });
    const mode = res?.mode === "READWRITE" || res?.mode === "READONLY" || res?.mode === "IMPORT" ? res.mode : null;
    return { supported: mode !== null, mode };
  } catch (e) {
    if (
      e instanceof ApiError &&
      (e.code === "not_found" || e.code === "unprocessable_entity" || e.code === "bad_request")
    ) {
      return { supported: false, mode: null };
    }
    throw e;
  }
}

export function getRegistryMode(clusterId: string): Promise<RegistryModeInfo> {
  return readRegistryMode(registryFor(clusterId));
}
