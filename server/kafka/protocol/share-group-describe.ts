import "server-only";
import type { Reader } from "@platformatic/kafka";
import {
  describeGroupsApi,
  readAssignment,
  type DescribeGroupsResponse,
  type DescribedTopicPartitions,
} from "./describe-groups-common";

/**
 * ShareGroupDescribe (API key 77) v1, defined field by field from Kafka's ShareGroupDescribeRequest.json /
 * ShareGroupDescribeResponse.json (KIP-932; v0 was the 4.0 early-access version, removed in 4.1) with
 * `@platformatic/kafka`'s public protocol framework, which has no share-group APIs.
 * Flexible version: compact strings and arrays, a tag buffer after every struct.
 */

export type SgdMember = {
  memberId: string;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  assignment: DescribedTopicPartitions[];
};
export type ShareGroupDescribeResponse = DescribeGroupsResponse<SgdMember>;

/** Member => MemberId RackId MemberEpoch ClientId ClientHost SubscribedTopicNames Assignment */
function readMember(m: Reader): SgdMember {
  return {
    memberId: m.readString(),
    rackId: m.readNullableString(),
    memberEpoch: m.readInt32(),
    clientId: m.readString(),
    clientHost: m.readString(),
    subscribedTopicNames: m.readArray((s) => s.readString(), true, false),
    assignment: readAssignment(m),
  };
}

export const shareGroupDescribeV1 = describeGroupsApi(77, 1, readMember);
