/**
 * The B3 baseline: what a minimal kafkajs script does for one topic page. fetchTopicMetadata() for all topics,
 * filter + sort by name, then fetchTopicOffsets(topic) for each of the page's topics in parallel (kafkajs's
 * per-topic way: two ListOffsets rounds per topic, one request per leader each), computing the same fields as
 * Sluice's TopicListItem (partitions, replication factor, under-replicated, offline, records). No configs
 * (cleanup.policy, retention.ms): Sluice reads those in its background snapshot, not per page.
 */
import type { Admin } from "kafkajs";

export let baselineRetries = 0;

export type BaselineItem = {
  name: string;
  partitions: number;
  replicationFactor: number;
  underReplicated: number;
  offline: number;
  records: number;
};

export async function baselinePage(
  admin: Admin,
  q: string,
  limit = 50,
): Promise<{ items: BaselineItem[]; total: number }> {
  const { topics } = await admin.fetchTopicMetadata();
  const needle = q.toLowerCase();
  const matching = topics
    .filter((t) => !t.name.startsWith("__") && t.name.toLowerCase().includes(needle))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const page = matching.slice(0, limit);
  const items = await Promise.all(
    page.map(async (t) => {
      // kafkajs race: parallel fetchTopicOffsets calls on topics not yet in its metadata cache can share a metadata
      // refresh that predates their addTargetTopic and fail with "Cannot destructure property 'partitions' of
      // 'high.pop(...)'". A script author would retry; the retry is counted (retries) and timed.
      let offsets: Awaited<ReturnType<Admin["fetchTopicOffsets"]>>;
      try {
        offsets = await admin.fetchTopicOffsets(t.name);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        baselineRetries++;
        offsets = await admin.fetchTopicOffsets(t.name);
      }
      let records = 0n;
      for (const o of offsets) records += BigInt(o.high) - BigInt(o.low);
      return {
        name: t.name,
        partitions: t.partitions.length,
        replicationFactor: t.partitions[0]?.replicas.length ?? 0,
        underReplicated: t.partitions.filter((p) => p.isr.length < p.replicas.length).length,
        offline: t.partitions.filter((p) => p.leader < 0).length,
        records: Number(records),
      };
    }),
  );
  return { items, total: matching.length };
}
