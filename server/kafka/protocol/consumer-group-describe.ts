import "server-only";
import type { Reader } from "@platformatic/kafka";
import {
  describeGroupsApi,
  readAssignment,
  type DescribeGroupsResponse,
  type DescribedTopicPartitions,
} from "./describe-groups-common";

/**
 * ConsumerGroupDescribe (API key 69) v0, defined field by field from Kafka's
 * ConsumerGroupDescribeRequest.json / ConsumerGroupDescribeResponse.json with `@platformatic/kafka`'s public
 * protocol framework. The client ships its own v0 module, but it reads SubscribedTopicNames as one string (it is
 * an array) and the Assignment struct without its tagged fields, so it fails on any group with members.
 * Flexible version: compact strings and arrays, a tag buffer after every struct.
 */

export type CgdMember = {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  assignment: DescribedTopicPartitions[];
  targetAssignment: DescribedTopicPartitions[];
};
export type ConsumerGroupDescribeResponse = DescribeGroupsResponse<CgdMember>;

/** Member => MemberId InstanceId RackId MemberEpoch ClientId ClientHost SubscribedTopicNames SubscribedTopicRegex Assignment TargetAssignment */
function readMember(m: Reader): CgdMember {
  return {
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
  };
}

export const consumerGroupDescribeV0 = describeGroupsApi(69, 0, readMember);
