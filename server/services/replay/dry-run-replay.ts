import "server-only";
import type { DryRunResult } from "@/lib/schemas/replay";
import type { Actor } from "@/server/auth/permissions";
import { recordAudit } from "@/server/services/audit/record-audit";
import { ApiError } from "@/server/http/api-error";
import type { KafkaRecord } from "@/server/kafka/fetch-records";
import { assertMayWrite, makeRouter, type TargetSpec } from "./targets";
import { openSelection, type Selection } from "./scan-selection";

/** A dry run reads at most this many records or this long, then answers with what it has (`capped`). */
const MAX_SCANNED = 1_000_000;
const MAX_MS = 20_000;
const SAMPLE = 10;
const MAX_SKIPPED_LISTED = 100;

const text = (b: Buffer | null, max = 2000) => (b === null ? null : b.toString("utf8", 0, Math.min(b.length, max)));

/**
 * Answers what a job would write, writing nothing: the count of matching records, up to 10 of them as a sample
 * (with the topic each would go to), the records that would be skipped and why, and the count per destination.
 * The same checks as the job itself refuse an impossible job here (destination missing, not writable, masked source).
 */
export async function dryRunReplay(
  clusterId: string,
  topic: string,
  sel: Selection & { maxRecords?: number },
  target: TargetSpec,
  access: { actor: Actor; requestId: string },
): Promise<DryRunResult> {
  try {
    return await dryRun(clusterId, topic, sel, target, access);
  } catch (error) {
    // Dry runs change nothing and are not audited, but a refusal is.
    if (error instanceof ApiError && error.code === "forbidden") {
      await recordAudit(
        { ...access, clusterId },
        { action: `messages.${target.kind}`, targetType: "topic", target: topic, before: { dryRun: true, target } },
        { result: "denied", error: error.message },
      );
    }
    throw error;
  }
}

async function dryRun(
  ...[clusterId, topic, sel, target, access]: Parameters<typeof dryRunReplay>
): Promise<DryRunResult> {
  assertMayWrite(target, access.actor);
  const selection = await openSelection(clusterId, topic, sel, access);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), MAX_MS);
  try {
    const router = await makeRouter(target, access.actor, [...selection.ends.keys()]);
    const result: DryRunResult = { count: 0, scanned: 0, capped: false, sample: [], skipped: [], destinations: [] };
    const perTopic = new Map<string, number>();
    const sample = (r: KafkaRecord, destination: string) =>
      result.sample.push({
        partition: r.partition,
        offset: r.offset.toString(),
        timestamp: r.timestamp,
        key: text(r.key),
        value: text(r.value),
        headers: r.headers.map((h) => ({ key: h.key, value: text(h.value, 500) })),
        destination,
      });
    outer: for await (const chunk of selection.chunks(abort.signal)) {
      result.scanned += chunk.scanned;
      for (const r of chunk.records) {
        const routed = await router.route(r);
        if ("skip" in routed) {
          if (result.skipped.length < MAX_SKIPPED_LISTED) {
            result.skipped.push({ partition: r.partition, offset: r.offset.toString(), reason: routed.skip });
          }
          continue;
        }
        result.count++;
        perTopic.set(routed.out.topic, (perTopic.get(routed.out.topic) ?? 0) + 1);
        if (result.sample.length < SAMPLE) sample(r, routed.out.topic);
        if (sel.maxRecords !== undefined && result.count >= sel.maxRecords) break outer;
      }
      if (result.scanned >= MAX_SCANNED) break;
    }
    result.capped = abort.signal.aborted || result.scanned >= MAX_SCANNED;
    result.destinations = [...perTopic].map(([t, count]) => ({ clusterId: target.clusterId, topic: t, count }));
    return result;
  } finally {
    clearTimeout(timer);
    selection.close();
  }
}
