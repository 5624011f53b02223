import "server-only";
import type { DriftItem, RequestSpec } from "@/lib/schemas/requests";
import { getClusterConfigOrThrow } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { withAdmin } from "@/server/kafka/registry";
import { getTopicSnapshot, invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { readTopicOverrides } from "@/server/services/topics/alter-topic-config";
import { emitEvent } from "@/server/services/alerts/events";
import { checkAccessDrift } from "./check-access-drift";
import { checkConnectorDrift } from "./connector-requests";

type Expected = { anchorId: string; partitions: number; configs: Record<string, string> } | null;

/**
 * What Sluice provisioned for each topic, replaying the PROVISIONED requests in order: a create sets partitions
 * and configs, later changes adjust them, a delete forgets the topic. Keyed by topic name.
 */
export function expectedTopics(
  rows: { id: string; kind: string; topicName: string; spec: string }[],
): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const r of rows) {
    const spec = JSON.parse(r.spec) as RequestSpec;
    const cur = out.get(r.topicName) ?? null;
    if (r.kind === "create") {
      const s = spec as { partitions: number; configs: Record<string, string> };
      out.set(r.topicName, { anchorId: r.id, partitions: s.partitions, configs: { ...s.configs } });
    } else if (r.kind === "delete") {
      out.set(r.topicName, null);
    } else if (cur && r.kind === "add-partitions") {
      cur.partitions = (spec as { partitions: number }).partitions;
    } else if (cur && r.kind === "alter-configs") {
      const s = spec as { set: Record<string, string>; reset: string[] };
      Object.assign(cur.configs, s.set);
      for (const k of s.reset) delete cur.configs[k];
    }
  }
  return out;
}

export function diffTopic(
  expected: NonNullable<Expected>,
  live: { partitions: number; overrides: Record<string, string> } | null,
): DriftItem[] {
  if (!live) return [{ kind: "missing", expected: "exists", actual: "missing" }];
  const out: DriftItem[] = [];
  if (live.partitions !== expected.partitions) {
    out.push({ kind: "partitions", expected: String(expected.partitions), actual: String(live.partitions) });
  }
  for (const [k, v] of Object.entries(expected.configs)) {
    if (live.overrides[k] !== v) out.push({ kind: "config", name: k, expected: v, actual: live.overrides[k] ?? null });
  }
  return out;
}

type DriftResult = { checked: number; drifted: { topic: string; requestId: string; drift: DriftItem[] }[] };

/**
 * Compares everything provisioned through requests on the cluster with the live cluster: topics (on the topic's
 * create request) and access grants and quotas (on their requests). Drift = null when it matches.
 */
export async function checkDrift(clusterId: string): Promise<DriftResult> {
  getClusterConfigOrThrow(clusterId);
  const now = new Date();
  const before = new Set(
    (await prisma.topicRequest.findMany({ where: { clusterId, drift: { not: null } }, select: { id: true } })).map(
      (r) => r.id,
    ),
  );
  const results = [
    await checkTopicDrift(clusterId, now),
    await checkAccessDrift(clusterId, now),
    await checkConnectorDrift(clusterId, now),
  ];
  const drifted = results.flatMap((r) => r.drifted);
  // one event when a request's drift appears, not on every check while it lasts
  for (const d of drifted.filter((x) => !before.has(x.requestId))) {
    void emitEvent({
      kind: "drift.found",
      clusterId,
      subject: d.requestId,
      data: { topic: d.topic, drift: d.drift.slice(0, 10) },
    });
  }
  return { checked: results.reduce((n, r) => n + r.checked, 0), drifted };
}

async function checkTopicDrift(clusterId: string, now: Date): Promise<DriftResult> {
  const rows = await prisma.topicRequest.findMany({
    where: { clusterId, status: "PROVISIONED", kind: { in: ["create", "alter-configs", "add-partitions", "delete"] } },
    orderBy: { provisionedAt: "asc" },
    select: { id: true, kind: true, topicName: true, spec: true },
  });
  const expected = [...expectedTopics(rows).entries()].filter(
    (e): e is [string, NonNullable<Expected>] => e[1] !== null,
  );
  if (expected.length === 0) return { checked: 0, drifted: [] };
  invalidateTopicSnapshot(clusterId);
  const snapshot = await getTopicSnapshot(clusterId);
  const drifted: { topic: string; requestId: string; drift: DriftItem[] }[] = [];
  await withAdmin(clusterId, async (admin) => {
    for (const [topic, exp] of expected) {
      const info = snapshot.byName.get(topic);
      const live = info
        ? { partitions: info.partitions.length, overrides: await readTopicOverrides(admin, topic) }
        : null;
      const drift = diffTopic(exp, live);
      if (drift.length) drifted.push({ topic, requestId: exp.anchorId, drift });
      await prisma.topicRequest.update({
        where: { id: exp.anchorId },
        data: { drift: drift.length ? JSON.stringify(drift) : null, driftCheckedAt: now },
      });
    }
  });
  return { checked: expected.length, drifted };
}
