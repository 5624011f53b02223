import { Admin } from "@platformatic/kafka";
import { BOOTSTRAP } from "./infra";

let admin: Admin | undefined;

/**
 * Commits offsets for a group without members in one OffsetCommit (generation -1), as a stopped consumer's last
 * commit looks; kafkajs's admin.setOffsets joins the group first and takes seconds per call. Uses
 * `@platformatic/kafka`'s public admin API (alterConsumerGroupOffsets), as Sluice's own offset resets do.
 */
export async function commitOffsets(groupId: string, topic: string, offsets: Record<number, number>): Promise<void> {
  admin ??= new Admin({ clientId: "sluice-tests", bootstrapBrokers: [BOOTSTRAP], retries: 2 });
  await admin.alterConsumerGroupOffsets({
    groupId,
    topics: [
      {
        name: topic,
        partitionOffsets: Object.entries(offsets).map(([p, o]) => ({ partition: Number(p), offset: BigInt(o) })),
      },
    ],
  });
}
