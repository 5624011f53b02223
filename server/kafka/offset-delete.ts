import "server-only";
import Decoder from "kafkajs/src/protocol/decoder";
import Encoder from "kafkajs/src/protocol/encoder";
import { createErrorFromCode } from "kafkajs/src/protocol/error";
import type { RawCluster } from "./raw-cluster";

/**
 * OffsetDelete (API key 47, KIP-496): removes a group's committed offsets for some partitions, leaving the rest
 * of the group alone. kafkajs has no such request, so it is encoded here with kafkajs's own encoder and sent on
 * the group coordinator's connection. The broker refuses (GROUP_SUBSCRIBED_TO_TOPIC) while an active member is
 * subscribed to the topic.
 */
const API_KEY = 47;

type ProtocolRequest = {
  request: { apiKey: number; apiVersion: number; apiName: string; encode: () => Promise<Encoder> };
  response: { decode: (raw: Buffer) => Promise<unknown>; parse: (data: unknown) => Promise<unknown> };
};
type CoordinatorBroker = { connectionPool: { send(req: ProtocolRequest): Promise<unknown> } };

export type OffsetDeleteResult = { topic: string; partitions: { partition: number; error: string | null }[] };

export async function offsetDelete(cluster: RawCluster, groupId: string, topics: { topic: string; partitions: number[] }[]): Promise<OffsetDeleteResult[]> {
  const coordinator = (await (cluster as unknown as { findGroupCoordinator(o: { groupId: string }): Promise<CoordinatorBroker> }).findGroupCoordinator({ groupId })) as CoordinatorBroker;
  const request: ProtocolRequest = {
    request: {
      apiKey: API_KEY,
      apiVersion: 0,
      apiName: "OffsetDelete",
      encode: async () =>
        new Encoder()
          .writeString(groupId)
          .writeArray(topics.map((t) => new Encoder().writeString(t.topic).writeArray(t.partitions.map((p) => new Encoder().writeInt32(p))))),
    },
    response: {
      decode: async (raw: Buffer) => {
        const d = new Decoder(raw);
        const errorCode = d.readInt16();
        d.readInt32(); // throttle time
        const results = d.readArray((t) => ({
          topic: t.readString(),
          partitions: t.readArray((p) => ({ partition: p.readInt32(), errorCode: p.readInt16() })),
        }));
        return { errorCode, results };
      },
      parse: async (data: unknown) => {
        const { errorCode } = data as { errorCode: number };
        if (errorCode !== 0) throw createErrorFromCode(errorCode);
        return data;
      },
    },
  };
  const { results } = (await coordinator.connectionPool.send(request)) as { results: { topic: string; partitions: { partition: number; errorCode: number }[] }[] };
  return results.map((r) => ({
    topic: r.topic,
    partitions: r.partitions.map((p) => ({ partition: p.partition, error: p.errorCode === 0 ? null : createErrorFromCode(p.errorCode).type })),
  }));
}
