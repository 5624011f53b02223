import "server-only";
import type { CreateSpec, RequestSpec } from "@/lib/schemas/requests";
import type { Actor } from "@/server/auth/permissions";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { toApiError } from "@/server/kafka/errors";
import { withAdmin } from "@/server/kafka/registry";
import { invalidateTopicSnapshot } from "@/server/kafka/topic-snapshot";
import { addPartitions } from "@/server/services/topics/add-partitions";
import { alterTopicConfig, readTopicOverrides } from "@/server/services/topics/alter-topic-config";
import { createTopic } from "@/server/services/topics/create-topic";
import { deleteTopic } from "@/server/services/topics/delete-topic";
import { getTopicInfoOrThrow } from "@/server/services/topics/get-topic-or-throw";
import { emitEvent } from "@/server/services/alerts/events";
import { applyConnector } from "./connector-requests";
import { applyAccess, applyRevoke, ensureBindings } from "./provision-access";
import type { RequestRow } from "./to-dto";
import { transition } from "./transitions";

/** Transient failures worth another try; each apply step first looks at what exists, so a retry never doubles work. */
const RETRYABLE = new Set(["kafka_unavailable", "upstream_timeout", "connect_unavailable"]);
const ATTEMPTS = Number(process.env.SLUICE_PROVISION_ATTEMPTS ?? 3);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function topicState(
  clusterId: string,
  topic: string,
): Promise<{ partitions: number; overrides: Record<string, string> } | null> {
  const cluster = getClusterConfigOrThrow(clusterId);
  try {
    const info = await getTopicInfoOrThrow(clusterId, cluster.name, topic);
    const overrides = await withAdmin(clusterId, (admin) => readTopicOverrides(admin, topic));
    return { partitions: info.partitions.length, overrides };
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}

/** Creates the topic as requested, or accepts it as done when it already exists exactly so. */
async function createAsRequested(
  r: RequestRow,
  s: CreateSpec,
  audit: { actor: Actor; requestId: string },
): Promise<void> {
  const topic = r.topicName;
  const assertMatches = (state: { partitions: number; overrides: Record<string, string> }) => {
    const differs =
      state.partitions !== s.partitions || Object.entries(s.configs).some(([k, v]) => state.overrides[k] !== v);
    if (differs) {
      throw new ApiError(
        "conflict",
        `Topic "${topic}" already exists with other settings (${state.partitions} partitions); it was created outside this request.`,
      );
    }
  };
  const state = await topicState(r.clusterId, topic);
  if (state) return assertMatches(state);
  try {
    await createTopic(
      r.clusterId,
      { name: topic, partitions: s.partitions, replicationFactor: s.replicationFactor, configs: s.configs },
      { dryRun: false, audit },
    );
  } catch (error) {
    // An earlier attempt that timed out may have created it after all (the broker finished the request):
    // the topic as requested counts as done.
    if (!(error instanceof ApiError) || error.code !== "conflict") throw error;
    // Right after a broker restart the controller may know the topic before the broker's metadata shows it (with
    // a thousand partitions to load, for several seconds): give the metadata up to 15 s to catch up.
    for (let i = 0; i < 30; i++) {
      invalidateTopicSnapshot(r.clusterId);
      const now = await topicState(r.clusterId, topic);
      if (now) return assertMatches(now);
      await sleep(500);
    }
    throw error;
  }
}

/**
 * Does what the request asks, idempotently: an earlier attempt that got as far as the broker counts as done
 * (the topic exists with the requested partitions and configs, the partitions are already there, the topic is
 * already gone), so a retry never fails on its own half-finished work.
 */
async function apply(r: RequestRow, audit: { actor: Actor; requestId: string }): Promise<void> {
  if (r.kind === "access" || r.kind === "credential" || r.kind === "quota") return applyAccess(r, audit);
  if (r.kind === "revoke") return applyRevoke(r, audit);
  if (r.kind === "connector") return applyConnector(r, audit);
  const spec = JSON.parse(r.spec) as RequestSpec;
  const topic = r.topicName;
  if (r.kind === "create") {
    const s = spec as CreateSpec;
    await createAsRequested(r, s, audit);
    // the access the request carries, once the topic exists
    if (s.bindings?.length) await ensureBindings(r.clusterId, s.bindings, audit);
  } else if (r.kind === "alter-configs") {
    const s = spec as { set: Record<string, string>; reset: string[] };
    const state = await topicState(r.clusterId, topic);
    if (!state) throw new ApiError("not_found", `Topic "${topic}" no longer exists.`);
    const reset = s.reset.filter((k) => k in state.overrides);
    const set = Object.fromEntries(Object.entries(s.set).filter(([k, v]) => state.overrides[k] !== v));
    if (reset.length + Object.keys(set).length > 0) {
      await alterTopicConfig(r.clusterId, topic, { set, reset }, { dryRun: false, audit });
    }
  } else if (r.kind === "add-partitions") {
    const s = spec as { partitions: number };
    const state = await topicState(r.clusterId, topic);
    if (!state) throw new ApiError("not_found", `Topic "${topic}" no longer exists.`);
    if (state.partitions > s.partitions) {
      throw new ApiError(
        "conflict",
        `Topic "${topic}" already has ${state.partitions} partitions, more than the ${s.partitions} requested.`,
      );
    }
    if (state.partitions < s.partitions) await addPartitions(r.clusterId, topic, s.partitions, audit);
  } else if (r.kind === "delete") {
    const state = await topicState(r.clusterId, topic);
    if (state) await deleteTopic(r.clusterId, topic, audit);
  }
  invalidateTopicSnapshot(r.clusterId);
}

/**
 * Provisions an APPROVED request: up to SLUICE_PROVISION_ATTEMPTS tries (1 s, 2 s apart) while the cluster is
 * unreachable, then PROVISIONED, or FAILED with the broker's reason (retry moves it back to APPROVED).
 */
export async function provisionRequest(r: RequestRow, audit: { actor: Actor; requestId: string }): Promise<RequestRow> {
  let lastError: ApiError | null = null;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await apply(r, audit);
      lastError = null;
      break;
    } catch (error) {
      lastError = error instanceof ApiError ? error : toApiError(error, r.clusterId);
      if (!RETRYABLE.has(lastError.code) || attempt === ATTEMPTS) break;
      await sleep(1000 * attempt);
    }
  }
  const about = {
    requester: r.requesterName,
    kind: r.kind,
    topic: r.topicName || undefined,
    principal: r.principal ?? undefined,
  };
  if (!lastError) {
    void emitEvent({ kind: "request.provisioned", clusterId: r.clusterId, subject: r.id, data: about });
    return transition(
      r.id,
      ["APPROVED"],
      {
        status: "PROVISIONED",
        provisionedAt: new Date(),
        failureReason: null,
        openKey: null,
        attempts: { increment: 1 },
      },
      { ...audit, action: "request.provisioned" },
    );
  }
  void emitEvent({
    kind: "request.failed",
    clusterId: r.clusterId,
    subject: r.id,
    data: { ...about, reason: lastError.message },
  });
  return transition(
    r.id,
    ["APPROVED"],
    { status: "FAILED", failureReason: lastError.message, openKey: null, attempts: { increment: 1 } },
    { ...audit, action: "request.provisioning_failed", result: "failure", error: lastError.message },
  );
}
