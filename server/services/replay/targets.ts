import "server-only";
import { REDRIVE_PRESETS, type RedriveBody, type ReplayBody } from "@/lib/schemas/replay";
import { authorize } from "@/server/auth/authorize";
import { can, refusal, type Actor } from "@/server/auth/permissions";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import type { KafkaRecord } from "@/server/kafka/fetch-records";
import { destinationTopic, type OutRecord } from "@/server/kafka/replay-producer";

/** What a job writes where: a fixed destination (replay) or each record's original topic from a header (redrive). */
export type TargetSpec =
  | { kind: "replay"; clusterId: string; topic: string; keepTimestamps: boolean; keepPartition: boolean }
  | { kind: "redrive"; clusterId: string; header: string; errorPrefix: string | null; keepTimestamps: boolean };

export type Routed = { out: OutRecord } | { skip: string };
export type Router = { route(r: KafkaRecord): Promise<Routed>; target: TargetSpec };

export function replayTarget(b: ReplayBody): TargetSpec {
  return {
    kind: "replay",
    clusterId: b.destination.clusterId,
    topic: b.destination.topic,
    keepTimestamps: b.keepTimestamps,
    keepPartition: b.keepPartition,
  };
}

export function redriveTarget(clusterId: string, b: RedriveBody): TargetSpec {
  const preset = b.preset ? REDRIVE_PRESETS[b.preset] : null;
  const header = b.header ?? preset!.header;
  const errorPrefix = b.removeErrorHeaders ? (b.errorHeaderPrefix ?? preset?.errorPrefix ?? null) : null;
  if (b.removeErrorHeaders && !errorPrefix) {
    throw new ApiError(
      "unprocessable_entity",
      "Removing error headers needs their prefix (errorHeaderPrefix) or a preset.",
      [{ path: "errorHeaderPrefix", issue: "missing" }],
    );
  }
  return { kind: "redrive", clusterId, header, errorPrefix, keepTimestamps: b.keepTimestamps };
}

/** Why the actor may not produce to this topic (role, read-only cluster, team prefixes), or null. */
export function produceRefusal(actor: Actor, clusterId: string, topic: string): string | null {
  try {
    authorize(actor, "messages:produce", clusterId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden") return error.message;
    throw error;
  }
  return can(actor, "messages:produce", clusterId, topic) ? null : refusal(actor, "messages:produce", clusterId, topic);
}

/** The actor's rights on the destination, checked before anything is read (403 whatever the source holds). */
export function assertMayWrite(target: TargetSpec, actor: Actor): void {
  if (target.kind === "redrive") {
    authorize(actor, "messages:produce", target.clusterId);
    return;
  }
  const refused = produceRefusal(actor, target.clusterId, target.topic);
  if (refused) throw new ApiError("forbidden", refused);
}

const OVERHEAD = 128;
const size = (r: KafkaRecord) =>
  (r.key?.length ?? 0) +
  (r.value?.length ?? 0) +
  r.headers.reduce((n, h) => n + Buffer.byteLength(h.key) + (h.value?.length ?? 0), 0);

/**
 * The router of a job. A replay's destination is checked at once (403 for the actor, 404 missing, 422 too few
 * partitions for keepPartition); a redrive checks each original topic the first time it appears and skips its
 * records with the reason when it is missing or not the actor's to write. Records larger than the destination's
 * max.message.bytes are skipped with the reason, never dropped silently.
 */
export async function makeRouter(target: TargetSpec, actor: Actor, sourcePartitions: number[]): Promise<Router> {
  const cluster = getClusterConfigOrThrow(target.clusterId);
  if (target.kind === "replay") {
    const refused = produceRefusal(actor, target.clusterId, target.topic);
    if (refused) throw new ApiError("forbidden", refused);
    const dest = await destinationTopic(target.clusterId, target.topic);
    if (!dest) {
      throw new ApiError(
        "not_found",
        `Destination topic "${target.topic}" does not exist on cluster "${cluster.name}".`,
      );
    }
    const highest = Math.max(-1, ...sourcePartitions);
    if (target.keepPartition && highest >= dest.partitions) {
      throw new ApiError(
        "unprocessable_entity",
        `Destination "${target.topic}" has ${dest.partitions} partition(s); keeping partitions needs at least ${highest + 1}.`,
        [{ path: "keepPartition", issue: "too few partitions" }],
      );
    }
    return {
      target,
      async route(r) {
        const bytes = size(r);
        if (bytes + OVERHEAD > dest.maxMessageBytes) {
          return {
            skip: `${bytes} bytes, larger than max.message.bytes (${dest.maxMessageBytes}) of "${target.topic}"`,
          };
        }
        return { out: toOut(r, target.topic, target.keepTimestamps, target.keepPartition, null) };
      },
    };
  }
  // A redrive writes only where the actor may produce on this cluster at all; each topic's prefix is checked below.
  authorize(actor, "messages:produce", target.clusterId);
  const topics = new Map<string, Promise<{ max: number } | { refused: string }>>();
  const check = (topic: string) => {
    let p = topics.get(topic);
    if (!p) {
      p = (async () => {
        const refused = produceRefusal(actor, target.clusterId, topic);
        if (refused) return { refused };
        const dest = await destinationTopic(target.clusterId, topic);
        return dest
          ? { max: dest.maxMessageBytes }
          : { refused: `original topic "${topic}" does not exist on cluster "${cluster.name}"` };
      })();
      topics.set(topic, p);
    }
    return p;
  };
  return {
    target,
    async route(r) {
      const h = r.headers.find((x) => x.key === target.header);
      const topic = h?.value?.toString("utf8") ?? "";
      if (!topic) return { skip: `no "${target.header}" header naming the original topic` };
      const c = await check(topic);
      if ("refused" in c) return { skip: c.refused };
      const bytes = size(r);
      if (bytes + OVERHEAD > c.max) {
        return { skip: `${bytes} bytes, larger than max.message.bytes (${c.max}) of "${topic}"` };
      }
      return { out: toOut(r, topic, target.keepTimestamps, false, target.errorPrefix) };
    },
  };
}

function toOut(
  r: KafkaRecord,
  topic: string,
  keepTimestamp: boolean,
  keepPartition: boolean,
  dropPrefix: string | null,
): OutRecord {
  return {
    topic,
    key: r.key,
    value: r.value,
    headers: dropPrefix ? r.headers.filter((h) => !h.key.startsWith(dropPrefix)) : r.headers,
    ...(keepTimestamp ? { timestamp: r.timestamp } : {}),
    ...(keepPartition ? { partition: r.partition } : {}),
  };
}
