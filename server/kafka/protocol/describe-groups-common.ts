import "server-only";
import { createAPI, Writer, type Reader } from "@platformatic/kafka";

/**
 * What ConsumerGroupDescribe (KIP-848) and ShareGroupDescribe (KIP-932) share, field by field from Kafka's message
 * definitions: the same request, the same group struct around a member struct of their own, and the same
 * Assignment struct. Flexible versions: compact strings and arrays, a tag buffer after every struct (the framework
 * reads the tag buffer after each array element).
 */

export type DescribedTopicPartitions = { topicId: string; topicName: string; partitions: number[] };
export type DescribedGroup<M> = {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: M[];
  authorizedOperations: number;
};
export type DescribeGroupsResponse<M> = { throttleTimeMs: number; groups: DescribedGroup<M>[] };

/** GroupIds => [STRING]; IncludeAuthorizedOperations => BOOL; TAG_BUFFER */
export function describeGroupsRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (w, id) => w.appendString(id), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

/** Assignment => [TopicPartitions] TAG_BUFFER; TopicPartitions => TopicId TopicName [Partitions] TAG_BUFFER */
export function readAssignment(r: Reader): DescribedTopicPartitions[] {
  const topics = r.readArray((t) => ({
    topicId: t.readUUID(),
    topicName: t.readString(),
    partitions: t.readArray((p) => p.readInt32(), true, false),
  }));
  r.readTaggedFields();
  return topics;
}

/** Per-group errors are returned in the answer (errorCode), not thrown: a batch mixes found and unknown groups. */
export function readDescribedGroups<M>(reader: Reader, readMember: (m: Reader) => M): DescribeGroupsResponse<M> {
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
      members: r.readArray(readMember),
      authorizedOperations: r.readInt32(),
    })),
  };
}

/** The describe API `apiKey` v`apiVersion`: the shared request, and the shared group struct around `readMember`. */
export function describeGroupsApi<M>(apiKey: number, apiVersion: number, readMember: (m: Reader) => M) {
  return createAPI<[groupIds: string[], includeAuthorizedOperations: boolean], DescribeGroupsResponse<M>>(
    apiKey,
    apiVersion,
    describeGroupsRequest,
    (_correlationId, _apiKey, _apiVersion, reader) => readDescribedGroups(reader, readMember),
  );
}
