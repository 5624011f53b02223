/** Direct calls to the local registry (not through Sluice), to arrange state, check what it holds and clean up. */
import { TEST_STACK } from "./stack";

export const REGISTRY_URL = TEST_STACK.registryUrl;

export const uniqueSubject = (prefix: string, role: "key" | "value" = "value") =>
  `it.${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}-${role}`;

export async function registry<T = unknown>(
  path: string,
  init?: { method?: string; body?: unknown },
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${REGISTRY_URL}${path}`, {
    method: init?.method ?? "GET",
    headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Removes subjects for good (soft delete first, as the registry requires) and their subject-level config. */
export async function purgeSubjects(subjects: string[]): Promise<void> {
  for (const s of subjects) {
    const e = encodeURIComponent(s);
    await registry(`/subjects/${e}`, { method: "DELETE" });
    await registry(`/subjects/${e}?permanent=true`, { method: "DELETE" });
    await registry(`/config/${e}`, { method: "DELETE" });
  }
}
