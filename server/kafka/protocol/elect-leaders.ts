import "server-only";
import { createAPI, Writer, type Reader } from "@platformatic/kafka";

/**
 * ElectLeaders (API key 43) v2, defined field by field from Kafka's ElectLeadersRequest.json /
 * ElectLeadersResponse.json with `@platformatic/kafka`'s public protocol framework (the client has no ElectLeaders).
 * v1 added ElectionType (KIP-460) and the top-level ErrorCode; v2 is the first flexible version: compact strings
 * and arrays, a tag buffer after every struct and at the end of the message.
 */

/** 0 elects the preferred replica (the first of the replica list); 1 elects the first live replica (unclean). */
export const ELECTION_PREFERRED = 0;

export type ElectLeadersTopic = { topic: string; partitions: number[] };
export type ElectLeadersPartitionResult = { partitionId: number; errorCode: number; errorMessage: string | null };
export type ElectLeadersResponse = {
  throttleTimeMs: number;
  errorCode: number;
  results: { topic: string; partitions: ElectLeadersPartitionResult[] }[];
};

/**
 * ElectionType int8 · TopicPartitions []{Topic string, Partitions []int32} nullable (null = every partition of the
 * cluster) · TimeoutMs int32
 */
function createRequest(electionType: number, topicPartitions: ElectLeadersTopic[] | null, timeoutMs: number): Writer {
  return Writer.create()
    .appendInt8(electionType)
    .appendArray(topicPartitions, (w, t) => {
      w.appendString(t.topic).appendArray(t.partitions, (p, n) => p.appendInt32(n), true, false);
    })
    .appendInt32(timeoutMs)
    .appendTaggedFields();
}

/**
 * ThrottleTimeMs int32 · ErrorCode int16 · ReplicaElectionResults []{Topic string, PartitionResult []{PartitionId
 * int32, ErrorCode int16, ErrorMessage nullable string}}. Per-partition errors (ELECTION_NOT_NEEDED when the
 * preferred replica already leads) are returned in the answer, not thrown: the caller sorts them.
 */
function parseResponse(
  _correlationId: number,
  _apiKey: number,
  _apiVersion: number,
  reader: Reader,
): ElectLeadersResponse {
  return {
    throttleTimeMs: reader.readInt32(),
    errorCode: reader.readInt16(),
    results: reader.readArray((r) => ({
      topic: r.readString(),
      partitions: r.readArray((p) => ({
        partitionId: p.readInt32(),
        errorCode: p.readInt16(),
        errorMessage: p.readNullableString(),
      })),
    })),
  };
}

export const electLeadersV2 = createAPI<
  [electionType: number, topicPartitions: ElectLeadersTopic[] | null, timeoutMs: number],
  ElectLeadersResponse
>(43, 2, createRequest, parseResponse);
