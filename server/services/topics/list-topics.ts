import "server-only";
import type { listTopicsQuerySchema, TopicList, TopicListItem } from "@/lib/schemas/topics";
import type { z } from "zod";
import { getClusterConfigOrThrow } from "@/server/config";
import { safeRegex, type SafeRegex } from "@/lib/safe-regex";
import { ApiError } from "@/server/http/api-error";
import { withDeadline } from "@/server/kafka/deadline";
import { countRecords, fetchOffsetsByLeader } from "@/server/kafka/offsets";
import { topicSizeMap } from "@/server/kafka/log-dirs";
import { getTopicSnapshot, type TopicInfo } from "@/server/kafka/topic-snapshot";
import { compareTopics, decodeCursor, encodeCursor, sortValue } from "./topic-cursor";

type Query = z.output<typeof listTopicsQuerySchema>;

const PAGE_OFFSETS_FRESH_MS = 2_000;

function matcher(q: Query): (name: string) => boolean {
  if (!q.q) return () => true;
  if (q.regex) {
    let re: SafeRegex;
    try {
      // RE2: a user's pattern runs in time linear in the name, whatever its shape.
      re = safeRegex(q.q, { ignoreCase: true });
    } catch (e) {
      throw new ApiError(
        "unprocessable_entity",
        `The search is not a valid regular expression: ${(e as Error).message}`,
        [{ path: "q", issue: "invalid_regex" }],
      );
    }
    return (name) => re.test(name);
  }
  const needle = q.q.toLowerCase();
  return (name) => name.toLowerCase().includes(needle);
}

const toItem = (t: TopicInfo): TopicListItem => ({
  name: t.name,
  internal: t.internal,
  partitions: t.partitions.length,
  replicationFactor: t.replicationFactor,
  underReplicated: t.underReplicated,
  offline: t.offline,
  records: t.records,
  cleanupPolicy: t.cleanupPolicy,
  retentionMs: t.retentionMs,
  size: null,
});

/**
 * One page of topics cut from the cached metadata (never fetched per topic), with fresh record counts for the
 * visible page only: two ListOffsets requests per broker, whatever the page size.
 */
export async function listTopics(clusterId: string, query: Query): Promise<TopicList> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const snapshot = await withDeadline(15_000, `Cluster "${cluster.name}"`, () => getTopicSnapshot(clusterId));
  const match = matcher(query);
  const sizes = await topicSizeMap(clusterId, snapshot); // one cached DescribeLogDirs per broker for all topics
  const items = snapshot.topics
    .filter((t) => (query.internal || !t.internal) && match(t.name))
    .map((t) => ({ ...toItem(t), size: sizes.sizes?.get(t.name) ?? null }));
  const key = (t: TopicListItem) => ({ v: sortValue(t, query.sort), n: t.name });
  items.sort((a, b) => compareTopics(key(a), key(b), query.dir));

  let start = 0;
  if (query.cursor) {
    const c = decodeCursor(query.cursor, query.sort, query.dir);
    const after = { v: c.v, n: c.n };
    start = items.findIndex((t) => compareTopics(key(t), after, query.dir) > 0);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + query.limit);
  const last = page.at(-1);
  const more = start + page.length < items.length;

  const infos = page.map((t) => snapshot.byName.get(t.name)!);
  // A snapshot this young already has current counts; otherwise refresh the visible page only.
  const fresh =
    Date.now() - snapshot.at < PAGE_OFFSETS_FRESH_MS
      ? null
      : await fetchOffsetsByLeader(
          clusterId,
          infos.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition, leader: p.leader }))),
        ).catch(() => null);
  if (fresh) {
    for (const [i, t] of page.entries()) {
      t.records = countRecords(fresh.get(t.name), infos[i].partitions.length) ?? t.records;
    }
  }

  return {
    items: page,
    nextCursor:
      more && last ? encodeCursor({ s: query.sort, d: query.dir, v: sortValue(last, query.sort), n: last.name }) : null,
    total: items.length,
    totalPartitions: items.reduce((n, t) => n + t.partitions, 0),
    metadataAgeMs: Date.now() - snapshot.at,
    sizeUnavailable: sizes.reason,
  };
}
