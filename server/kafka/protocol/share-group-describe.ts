import "server-only";
import { createAPI, Writer, type Reader } from "@platformatic/kafka";

/**
 * ShareGroupDescribe (API key 77) v1, defined field by field from Kafka's ShareGroupDescribeRequest.json /
 * ShareGroupDescribeResponse.json (KIP-932; v0 was the 4.0 early-access version, removed in 4.1) with
 * `@platformatic/kafka`'s public protocol framework, which has no share-group APIs.
 * Flexible version: compact strings and arrays, a tag buffer after every struct.
 */

export type SgdTopicPartitions = { topicId: string; topicName: string; partitions: number[] };
export type SgdMember = {
  memberId: string;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  assignment: SgdTopicPartitions[];
};
export type SgdGroup = {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: SgdMember[];
  authorizedOperations: number;
};
export type ShareGroupDescribeResponse = { throttleTimeMs: number; groups: SgdGroup[] };

/** GroupIds => [STRING]; IncludeAuthorizedOperations => BOOL; TAG_BUFFER */
function createRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (w, id) => w.appendString(id), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

/** Assignment => [TopicPartitions] TAG_BUFFER; TopicPartitions => TopicId TopicName [Partitions] TAG_BUFFER */
function readAssignment(r: Reader): SgdTopicPartitions[] {
  const topics = r.readArray((t) => ({ topicId: t.readUUID(), topicName: t.readString(), partitions: t.readArray((p) => p.readInt32(), true, false) }));
  r.readTaggedFields();
  return topics;
}

/** Per-group errors are returned in the answer (errorCode), not thrown. */
function parseResponse(_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader): ShareGroupDescribeResponse {
  return {
    throttleTimeMs: reader.readInt32(),
    groups: reader.readArray((r) => ({
      errorCode: r.readInt16(),
      errorMessage: r.readNullableString(),
      groupId: r.readString(),
      groupState: r.readString(),
      groupEpoch: r.readInt32(),
      assignmentEpoch: r.readInt32(),
      assignorName: r.readString(),
      members: r.readArray((m) => ({
        memberId: m.readString(),
        rackId: m.readNullableString(),
        memberEpoch: m.readInt32(),
        clientId: m.readString(),
        clientHost: m.readString(),
        subscribedTopicNames: m.readArray((s) => s.readString(), true, false),
        assignment: readAssignment(m),
      })),
      authorizedOperations: r.readInt32(),
    })),
  };
}

export const shareGroupDescribeV1 = createAPI<[groupIds: string[], includeAuthorizedOperations: boolean], ShareGroupDescribeResponse>(77, 1, createRequest, parseResponse);
