import { Kafka, logLevel, type Admin, type Consumer } from "kafkajs";
import { BOOTSTRAP } from "../../../test/infra";
import { commitOffsets } from "../../../test/kafka-commit";

/** Group ids unique per run, under one prefix so a failed run's leftovers are easy to spot. */
export const uniqueGroupPrefix = (label: string) =>
  `e2e.${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Deletes a group no fixture made (a Java consumer's), with an admin of its own; a failure is ignored. */
export async function deleteGroup(groupId: string) {
  const admin = new Kafka({ clientId: "sluice-e2e", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteGroups([groupId]).catch(() => {});
  await admin.disconnect();
}

/**
 * kafkajs clients of their own (not Sluice's pool) to arrange consumer groups: records to read, idle groups with
 * committed offsets and running consumers; cleanup() stops the consumers and deletes the groups it made.
 */
export class GroupFixture {
  private readonly kafka = new Kafka({ clientId: "sluice-e2e", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });
  private admin: Admin = this.kafka.admin();
  private connected?: Promise<void>;
  private readonly groups = new Set<string>();
  private readonly consumers: Consumer[] = [];

  private async ready() {
    this.connected ??= this.admin.connect();
    await this.connected;
    return this.admin;
  }

  /** Produces `counts[p]` small records to each partition p of the topic. */
  async produce(topic: string, counts: number[]) {
    // Idempotent: a retried request on a busy machine must not duplicate records the specs count.
    const producer = this.kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      await producer.send({
        topic,
        messages: counts.flatMap((n, partition) =>
          Array.from({ length: n }, (_, i) => ({ partition, key: `k${i}`, value: `record ${i} on ${partition}` })),
        ),
      });
    } finally {
      await producer.disconnect();
    }
  }

  /** A group without members whose committed offsets are exactly these (partition → offset). */
  async commitIdle(groupId: string, topic: string, offsets: Record<number, number>) {
    this.groups.add(groupId);
    await (
      await this.ready()
    ).setOffsets({
      groupId,
      topic,
      partitions: Object.entries(offsets).map(([p, o]) => ({ partition: Number(p), offset: String(o) })),
    });
  }

  /** Like commitIdle, in one OffsetCommit request (fast enough to repeat every second). */
  async commitFast(groupId: string, topic: string, offsets: Record<number, number>) {
    this.groups.add(groupId);
    await commitOffsets(groupId, topic, offsets);
  }

  /** A running consumer in `groupId` that reads the topic from the beginning; resolves once it has read `expected` records. */
  async startConsumer(groupId: string, topic: string, expected: number, clientId = "e2e-active-consumer") {
    this.groups.add(groupId);
    const consumer = new Kafka({ clientId, brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING }).consumer({
      groupId,
      heartbeatInterval: 1000,
      sessionTimeout: 10_000,
    });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let seen = 0;
    let done!: () => void;
    const allRead = new Promise<void>((r) => (done = r));
    await consumer.run({
      eachMessage: async () => {
        if (++seen >= expected) done();
      },
    });
    await allRead;
    return consumer;
  }

  /** The group's committed offsets on a topic, partition → offset, as the broker reports them. */
  async committed(groupId: string, topic: string): Promise<Record<number, string>> {
    const [t] = await (await this.ready()).fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries(t.partitions.map((p) => [p.partition, p.offset]));
  }

  async groupExists(groupId: string) {
    const { groups } = await (await this.ready()).listGroups();
    return groups.some((g) => g.groupId === groupId);
  }

  /** Stops the consumers, deletes the groups still there, then disconnects. */
  async cleanup() {
    await Promise.all(this.consumers.map((c) => c.disconnect().catch(() => undefined)));
    const admin = await this.ready();
    const { groups } = await admin.listGroups();
    const left = groups.map((g) => g.groupId).filter((g) => this.groups.has(g));
    if (left.length) await admin.deleteGroups(left).catch(() => undefined);
    await admin.disconnect();
  }
}
