import "server-only";
import { bindingKey } from "@/lib/requests/access-grants";
import type { AclBinding } from "@/lib/schemas/access";
import type { AccessSpec, CreateSpec, DriftItem, QuotaSpec } from "@/lib/schemas/requests";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { describeAcls, describeQuotas } from "@/server/kafka/access";

const describeBinding = (b: AclBinding) =>
  `${b.permission} ${b.principal} ${b.operation} ${b.resourceType.toLowerCase()} ${b.patternType === "PREFIXED" ? `prefix ${b.resourceName}` : b.resourceName}`;

/** Which live bindings belong to a grant's resources: same principal, same topic/prefix or group pattern. */
const sameResource = (b: AclBinding, grant: AclBinding[]) =>
  grant.some(
    (g) =>
      g.principal === b.principal &&
      g.resourceType === b.resourceType &&
      g.patternType === b.patternType &&
      g.resourceName === b.resourceName,
  );

/**
 * Drift of what access requests provisioned: a grant's binding missing on the broker, a binding on the same
 * principal and resource that no live grant accounts for (added or changed outside Sluice, e.g. a DENY), and a
 * quota whose value differs from the last provisioned quota request for the principal. Stored on each request.
 */
export async function checkAccessDrift(
  clusterId: string,
  now: Date,
): Promise<{ checked: number; drifted: { topic: string; requestId: string; drift: DriftItem[] }[] }> {
  const rows = await prisma.topicRequest.findMany({
    where: { clusterId, kind: { in: ["access", "quota", "create"] }, status: "PROVISIONED", revokedAt: null },
    orderBy: { provisionedAt: "asc" },
    select: { id: true, kind: true, topicName: true, principal: true, spec: true },
  });
  const grants = rows.filter(
    (r) => r.kind === "access" || (r.kind === "create" && (JSON.parse(r.spec) as CreateSpec).bindings?.length),
  );
  const quotas = rows.filter((r) => r.kind === "quota");
  if (!grants.length && !quotas.length) return { checked: 0, drifted: [] };
  let live: AclBinding[] = [];
  try {
    if (grants.length) {
      live = await describeAcls(clusterId, {
        resourceType: "ANY",
        patternType: "ANY",
        operation: "ANY",
        permission: "ANY",
      });
    }
  } catch (error) {
    // no authorizer: there is nothing to compare (the pages say so)
    if (error instanceof ApiError && error.code === "unprocessable_entity") return { checked: 0, drifted: [] };
    throw error;
  }
  const liveKeys = new Set(live.map(bindingKey));
  const held = new Set(
    grants.flatMap((g) => ((JSON.parse(g.spec) as AccessSpec | CreateSpec).bindings ?? []).map(bindingKey)),
  );
  const drifted: { topic: string; requestId: string; drift: DriftItem[] }[] = [];
  const save = async (id: string, topic: string, found: DriftItem[], kind: string) => {
    let drift = found;
    if (drift.length) drifted.push({ topic, requestId: id, drift });
    if (kind === "create") {
      // a create request also carries its topic's drift (written just before by the topic check): keep it
      const row = await prisma.topicRequest.findUnique({ where: { id }, select: { drift: true } });
      const topicDrift = ((row?.drift ? JSON.parse(row.drift) : []) as DriftItem[]).filter(
        (d) => !d.kind.startsWith("acl-"),
      );
      drift = [...topicDrift, ...drift];
    }
    await prisma.topicRequest.update({
      where: { id },
      data: { drift: drift.length ? JSON.stringify(drift) : null, driftCheckedAt: now },
    });
  };
  for (const g of grants) {
    const bindings = (JSON.parse(g.spec) as AccessSpec | CreateSpec).bindings ?? [];
    const drift: DriftItem[] = bindings
      .filter((b) => !liveKeys.has(bindingKey(b)))
      .map((b) => ({ kind: "acl-missing", name: describeBinding(b), expected: "present", actual: "missing" }));
    for (const b of live) {
      if (sameResource(b, bindings) && !held.has(bindingKey(b))) {
        drift.push({ kind: "acl-extra", name: describeBinding(b), expected: "absent", actual: "present" });
      }
    }
    await save(g.id, g.topicName, drift, g.kind);
  }
  if (quotas.length) {
    const entries = await describeQuotas(clusterId);
    const latest = new Map<string, (typeof quotas)[number]>();
    for (const q of quotas) latest.set(q.principal ?? "", q);
    for (const q of quotas) {
      if (latest.get(q.principal ?? "") !== q) {
        await save(q.id, "", [], q.kind);
        continue;
      }
      const spec = JSON.parse(q.spec) as QuotaSpec;
      const user = spec.principal.slice("User:".length);
      const values = entries.find((e) => e.entity.user === user && e.entity.clientId === undefined)?.values ?? {};
      const drift: DriftItem[] = Object.entries(spec.values)
        .filter(([k, v]) => values[k as keyof typeof values] !== v)
        .map(([k, v]) => ({
          kind: "quota",
          name: k,
          expected: String(v),
          actual: values[k as keyof typeof values] === undefined ? null : String(values[k as keyof typeof values]),
        }));
      await save(q.id, "", drift, q.kind);
    }
  }
  return { checked: grants.length + quotas.length, drifted };
}
