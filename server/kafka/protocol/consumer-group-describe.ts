import "server-only";
import { createAPI, Writer, type Reader } from "@platformatic/kafka";

/**
 * ConsumerGroupDescribe (API key 69) v0, defined field by field from Kafka's
 * ConsumerGroupDescribeRequest.json / ConsumerGroupDescribeResponse.json with `@platformatic/kafka`'s public
 * protocol framework. The client ships its own v0 module, but it reads SubscribedTopicNames as one string (it is
 * an array) and the Assignment struct without its tagged fields, so it fails on any group with members.
 * Flexible version: compact strings and arrays, a tag buffer after every struct.
 */

export type CgdTopicPartitions = { topicId: string; topicName: string; partitions: number[] };
export type CgdMember = {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  assignment: CgdTopicPartitions[];
  targetAssignment: CgdTopicPartitions[];
};
export type CgdGroup = {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: CgdMember[];
  authorizedOperations: number;
};
export type ConsumerGroupDescribeResponse = { throttleTimeMs: number; groups: CgdGroup[] };

function createRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (w, id) => w.appendString(id), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

/** Assignment => [TopicPartitions] TAG_BUFFER; TopicPartitions => TopicId TopicName [Partitions] TAG_BUFFER */
function readAssignment(r: Reader): CgdTopicPartitions[] {
  const topics = r.readArray((t) => ({ topicId: t.readUUID(), topicName: t.readString(), partitions: t.readArray((p) => p.readInt32(), true, false) }));
  r.readTaggedFields();
  return topics;
}

/** Per-group errors are returned in the answer (errorCode), not thrown: a batch mixes found and unknown groups. */
function parseResponse(_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader): ConsumerGroupDescribeResponse {
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
        instanceId: m.readNullableString(),
        rackId: m.readNullableString(),
        memberEpoch: m.readInt32(),
        clientId: m.readString(),
        clientHost: m.readString(),
        subscribedTopicNames: m.readArray((s) => s.readString(), true, false),
        subscribedTopicRegex: m.readNullableString(),
        assignment: readAssignment(m),
        targetAssignment: readAssignment(m),
      })),
      authorizedOperations: r.readInt32(),
    })),
  };
}

export const consumerGroupDescribeV0 = createAPI<[groupIds: string[], includeAuthorizedOperations: boolean], ConsumerGroupDescribeResponse>(69, 0, createRequest, parseResponse);
