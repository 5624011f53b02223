import { Kafka, logLevel } from "kafkajs";
import { BOOTSTRAP } from "./infra";

type Coordinator = { offsetCommit(r: object): Promise<{ responses: { partitions: { errorCode: number }[] }[] }> };
type Cluster = { connect(): Promise<void>; findGroupCoordinator(o: { groupId: string }): Promise<Coordinator> };

let cluster: Promise<Cluster> | undefined;

/**
 * Commits offsets for a group without members in one OffsetCommit (generation -1), as a stopped consumer's last
 * commit looks; kafkajs's admin.setOffsets joins the group first and takes seconds per call. Uses kafkajs's
 * internal Cluster (the same internal Sluice reaches in server/kafka/raw-cluster.ts), for tests only.
 */
export async function commitOffsets(groupId: string, topic: string, offsets: Record<number, number>): Promise<void> {
  cluster ??= (async () => {
    const kafka = new Kafka({ clientId: "sluice-tests", brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING });
    const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === "private:Kafka:createCluster")!;
    const c = (kafka as unknown as Record<symbol, (o: object) => Cluster>)[key]({ allowAutoTopicCreation: false });
    await c.connect();
    return c;
  })();
  const coordinator = await (await cluster).findGroupCoordinator({ groupId });
  const res = await coordinator.offsetCommit({ groupId, groupGenerationId: -1, memberId: "", topics: [{ topic, partitions: Object.entries(offsets).map(([p, o]) => ({ partition: Number(p), offset: String(o) })) }] });
  const failed = res.responses.flatMap((r) => r.partitions).find((p) => p.errorCode !== 0);
  if (failed) throw new Error(`OffsetCommit for ${groupId} failed with error code ${failed.errorCode}`);
}
