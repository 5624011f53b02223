import "server-only";
import type { Admin as ModernAdmin } from "@platformatic/kafka";
import { metadataOn } from "./metadata";
import { listOffsetsOn, type PartitionOffsets } from "./offsets";
import { fetchRoundOn, type PartitionFetch } from "./fetch-round";

/**
 * Reading records without a consumer group: Fetch requests (v12, topic names) sent straight to each partition's
 * leader through `@platformatic/kafka`'s public Fetch API, on message-reading clients of their own
 * (`leaseFetchClient` in registry.ts). No group join (no 3 s rebalance delay before the first record), no
 * throwaway group to delete afterwards, no offsets committed, and any position can be read: a browse page is a
 * pure function of (topic, per-partition offsets), which is what makes the cursors stateless.
 */

/** A leased message-reading client: opaque outside server/kafka (nothing else receives a client object). */
export type FetchClient = { readonly __brand: "FetchClient" };
const adminOf = (client: FetchClient) => client as unknown as ModernAdmin;
/** The parameters of a function on an admin after the admin: the same call on a leased client. */
type OnAdmin<F> = F extends (admin: ModernAdmin, ...rest: infer R) => unknown ? R : never;

export type { FetchOptions, KafkaRecord, PartitionFetch } from "./fetch-round";

/** Leader of every partition of a topic, from one Metadata request; unknown topic → null. */
export async function partitionLeaders(client: FetchClient, topic: string): Promise<Map<number, number> | null> {
  const md = await metadataOn(adminOf(client), [topic]);
  const t = md.topicMetadata.find((x) => x.topic === topic);
  if (!t || t.topicErrorCode === 3) return null;
  return new Map(t.partitionMetadata.map((p) => [p.partitionId, p.leader]));
}

/** Start and end offsets on the reading client's own connections (one ListOffsets pair per leader). */
export function partitionOffsets(
  client: FetchClient,
  ...request: OnAdmin<typeof listOffsetsOn>
): Promise<Map<string, Map<number, PartitionOffsets>>> {
  return listOffsetsOn(adminOf(client), ...request);
}

/**
 * One Fetch round on a leased client: one request per leader (in parallel) for the given partitions at the given
 * positions (see fetchRoundOn).
 */
export function fetchRound(
  client: FetchClient,
  ...round: OnAdmin<typeof fetchRoundOn>
): Promise<Map<number, PartitionFetch>> {
  return fetchRoundOn(adminOf(client), ...round);
}
