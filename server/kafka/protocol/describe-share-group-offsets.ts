import "server-only";
import { createAPI, Writer, type Reader } from "@platformatic/kafka";

/**
 * DescribeShareGroupOffsets (API key 90) v0 and v1, defined field by field from Kafka's
 * DescribeShareGroupOffsetsRequest.json / DescribeShareGroupOffsetsResponse.json (KIP-932; v1 adds Lag, KIP-1226,
 * Kafka 4.2) with `@platformatic/kafka`'s public protocol framework. Answers each share-partition's start offset
 * (SPSO: the earliest in-flight record; records after it may already be fully delivered) and, from v1, its lag
 * (records not yet delivered and acknowledged). Flexible versions; the request is the same in both.
 */

/** lag: −1 when the broker cannot tell; null in v0 (no such field) */
export type DsgoPartition = {
  partitionIndex: number;
  startOffset: bigint;
  leaderEpoch: number;
  lag: bigint | null;
  errorCode: number;
  errorMessage: string | null;
};
export type DsgoTopic = { topicName: string; topicId: string; partitions: DsgoPartition[] };
export type DsgoGroup = { groupId: string; topics: DsgoTopic[]; errorCode: number; errorMessage: string | null };
export type DescribeShareGroupOffsetsResponse = { throttleTimeMs: number; groups: DsgoGroup[] };
/** topics null: every topic-partition the group has state for */
export type DsgoRequestGroup = { groupId: string; topics: { topicName: string; partitions: number[] }[] | null };

/** Groups => GroupId [Topics] TAG_BUFFER (Topics nullable); Topics => TopicName [Partitions] TAG_BUFFER */
function createRequest(groups: DsgoRequestGroup[]): Writer {
  const w = Writer.create().appendArray(
    groups,
    (g, group) => {
      g.appendString(group.groupId);
      // compact nullable array: null is written as length 0
      g.appendArray(
        group.topics,
        (t, topic) =>
          t.appendString(topic.topicName).appendArray(topic.partitions, (p, n) => p.appendInt32(n), true, false),
        true,
        true,
      );
    },
    true,
    true,
  );
  return w.appendTaggedFields();
}

function parseResponse(
  _correlationId: number,
  _apiKey: number,
  apiVersion: number,
  reader: Reader,
): DescribeShareGroupOffsetsResponse {
  return {
    throttleTimeMs: reader.readInt32(),
    groups: reader.readArray((g) => ({
      groupId: g.readString(),
      topics: g.readArray((t) => ({
        topicName: t.readString(),
        topicId: t.readUUID(),
        partitions: t.readArray((p) => ({
          partitionIndex: p.readInt32(),
          startOffset: p.readInt64(),
          leaderEpoch: p.readInt32(),
          lag: apiVersion >= 1 ? p.readInt64() : null,
          errorCode: p.readInt16(),
          errorMessage: p.readNullableString(),
        })),
      })),
      errorCode: g.readInt16(),
      errorMessage: g.readNullableString(),
    })),
  };
}

export const describeShareGroupOffsetsV0 = createAPI<[groups: DsgoRequestGroup[]], DescribeShareGroupOffsetsResponse>(
  90,
  0,
  createRequest,
  parseResponse,
);
export const describeShareGroupOffsetsV1 = createAPI<[groups: DsgoRequestGroup[]], DescribeShareGroupOffsetsResponse>(
  90,
  1,
  createRequest,
  parseResponse,
);
