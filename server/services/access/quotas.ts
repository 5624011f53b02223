import "server-only";
import type { QuotaEntity, QuotaEntry, QuotaKey } from "@/lib/schemas/access";
import { getClusterConfigOrThrow } from "@/server/config";
import { alterQuota, describeQuotas } from "@/server/kafka/access";
import { withDeadline } from "@/server/kafka/deadline";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

export async function listQuotas(clusterId: string): Promise<QuotaEntry[]> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(8_000, `Cluster "${cluster.name}"`, () => describeQuotas(clusterId));
}

const label = (e: QuotaEntity) =>
  [
    e.user !== undefined ? `user=${e.user ?? "<default>"}` : "",
    e.clientId !== undefined ? `client-id=${e.clientId ?? "<default>"}` : "",
  ]
    .filter(Boolean)
    .join(",");

/** Sets or removes quota values of one entity and returns the entity's quotas as the broker now reports them. */
export async function putQuota(
  clusterId: string,
  entity: QuotaEntity,
  values: Partial<Record<QuotaKey, number | null>>,
  audit: Omit<AuditContext, "clusterId">,
): Promise<QuotaEntry> {
  const part = (v: string | null | undefined) => (v === undefined ? "-" : v === null ? "<default>" : `=${v}`);
  const key = (e: QuotaEntity) => `${part(e.user)}\u0000${part(e.clientId)}`;
  const before = (await describeQuotas(clusterId)).find((q) => key(q.entity) === key(entity));
  return audited(
    { ...audit, clusterId },
    { action: "quota.alter", targetType: "quota", target: label(entity), before: before?.values ?? {} },
    async () => {
      await alterQuota(clusterId, entity, values);
      // The controller applies the change and the brokers learn it a moment later: read until it shows (≤ 3 s).
      const expected = { ...before?.values, ...values };
      const shows = (q?: QuotaEntry) =>
        Object.entries(expected).every(([k, v]) => (q?.values[k as QuotaKey] ?? null) === v);
      let after = (await describeQuotas(clusterId)).find((q) => key(q.entity) === key(entity));
      for (let i = 0; i < 15 && !shows(after); i++) {
        await new Promise((r) => setTimeout(r, 200));
        after = (await describeQuotas(clusterId)).find((q) => key(q.entity) === key(entity));
      }
      return after ?? { entity, values: {} };
    },
  );
}
