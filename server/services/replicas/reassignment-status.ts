import "server-only";
import { abortableSleep } from "@/server/http/abortable-sleep";
import type { ReassignmentStatus } from "@/lib/schemas/replicas";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { sseResponse, streamError, type SseEvent } from "@/server/http/sse";
import { withDeadline } from "@/server/kafka/deadline";
import {
  clearReassignmentThrottle,
  describePlacement,
  listReassignments,
  readThrottle,
} from "@/server/kafka/reassignment";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";

const POLL_MS = Number(process.env.SLUICE_REASSIGNMENT_POLL_MS ?? 1000);

/** Where every partition of the topic is now, which are still moving, and the throttle still set. */
export async function readReassignmentStatus(clusterId: string, topic: string): Promise<ReassignmentStatus> {
  const placement = await describePlacement(clusterId, topic);
  const ongoing = await listReassignments(clusterId, [
    { topic, partitions: placement.partitions.map((p) => p.partition) },
  ]);
  const byPartition = new Map(ongoing.map((o) => [o.partition, o]));
  const throttle = await readThrottle(
    clusterId,
    topic,
    placement.brokers.map((b) => b.id),
  );
  return {
    topic,
    brokers: placement.brokers,
    partitions: placement.partitions.map((p) => {
      const o = byPartition.get(p.partition);
      return { ...p, adding: o?.adding ?? [], removing: o?.removing ?? [], inProgress: !!o };
    }),
    inProgress: ongoing.length,
    throttle,
  };
}

export async function getReassignmentStatus(clusterId: string, topic: string): Promise<ReassignmentStatus> {
  const cluster = getClusterConfigOrThrow(clusterId);
  return withDeadline(20_000, `Cluster "${cluster.name}"`, () => readReassignmentStatus(clusterId, topic));
}

/**
 * Removes a finished reassignment's throttle, as Kafka's own tool does on `--verify`: the topic's throttled
 * replica lists once none of its partitions moves (or at once after a cancel), and the brokers' throttled
 * rates once no reassignment runs anywhere in the cluster. Returns the brokers whose rate could not be removed
 * (a broker that is down keeps its dynamic config until it returns).
 */
export async function finishThrottle(
  clusterId: string,
  topic: string,
  brokerIds: number[],
  cancelled = false,
): Promise<number[]> {
  const clusterWide = await listReassignments(clusterId, null);
  if (!cancelled && clusterWide.some((o) => o.topic === topic)) return brokerIds;
  const current = await readThrottle(clusterId, topic, brokerIds);
  const throttledBrokers = Object.keys(current.brokers).map(Number);
  const topicThrottled = Object.keys(current.topic).length > 0;
  const brokers = clusterWide.length ? [] : throttledBrokers;
  if (!topicThrottled && !brokers.length) return [];
  return clearReassignmentThrottle(clusterId, topicThrottled ? topic : null, brokers);
}

const sleep = abortableSleep;

/**
 * Live progress of a topic's reassignment over SSE: a "progress" event (ReassignmentStatus) every second while
 * partitions move, then "complete" once none does, after the throttle is removed (audited). A cluster that does
 * not answer (a broker down) is reported as a non-fatal "error" event and polled again: the stream stays open.
 */
export function streamReassignment(request: Request, clusterId: string, topic: string, audit: AuditContext): Response {
  return sseResponse(request, async function* (signal): AsyncIterable<SseEvent> {
    let last = "";
    while (!signal.aborted) {
      try {
        const status = await readReassignmentStatus(clusterId, topic);
        const key = JSON.stringify(status);
        if (key !== last) yield { event: "progress", data: status };
        last = key;
        if (!status.inProgress) {
          const throttled = Object.keys(status.throttle.topic).length + Object.keys(status.throttle.brokers).length > 0;
          let throttleLeftOn: number[] = [];
          if (throttled) {
            throttleLeftOn = await audited(
              { ...audit, clusterId },
              {
                action: "topic.reassignment_throttle_removed",
                targetType: "topic",
                target: topic,
                before: status.throttle,
              },
              () =>
                finishThrottle(
                  clusterId,
                  topic,
                  status.brokers.map((b) => b.id),
                ),
            );
          }
          yield { event: "complete", data: { throttleRemoved: throttled, throttleLeftOn } };
          return;
        }
      } catch (error) {
        // A topic that is gone ends the stream (fatal error event); anything else is reported and polled again.
        if (error instanceof ApiError && error.code === "not_found") throw error;
        yield { event: "error", data: { ...streamError(error, "reassignment-stream"), fatal: false } };
      }
      await sleep(POLL_MS, signal);
    }
  });
}
