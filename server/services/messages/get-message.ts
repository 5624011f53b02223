import "server-only";
import type { DecodeFormat, Message } from "@/lib/schemas/messages";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { releaseWhenDone, withDeadline } from "@/server/kafka/deadline";
import { decodeRecord } from "@/server/messages/decode";
import { acquireMessageSession } from "@/server/messages/sessions";
import { toMessage } from "@/server/messages/to-dto";
import { TopicReader } from "@/server/messages/topic-reader";
import { maskingFor, type ReadAccess } from "./masking";
import { topicDecodingFor } from "@/server/services/topics/topic-decoders";

/** One record in full (no preview cut), for the detail view of a truncated key or value. */
export async function getMessage(
  clusterId: string,
  topic: string,
  partition: number,
  offset: bigint,
  formats: { keyFormat: DecodeFormat; valueFormat: DecodeFormat },
  access: ReadAccess,
): Promise<Message> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const mask = await maskingFor(clusterId, topic, access, { view: "detail", ...formats });
  const release = acquireMessageSession(clusterId);
  return withDeadline(15_000, `Cluster "${cluster.name}"`, (signal) =>
    releaseWhenDone(
      (async () => {
        const reader = await TopicReader.open(clusterId, topic);
        try {
          const [p] = reader.select([partition]);
          const range = (await reader.ranges([p])).get(p)!;
          if (offset < range.low || offset >= range.high) {
            throw new ApiError(
              "not_found",
              `Partition ${p} of "${topic}" holds offsets ${range.low}–${range.high - 1n}; ${offset} is not there (deleted by retention, or not written yet).`,
            );
          }
          // Large records: ask for up to 64 MiB so one record is always returned whole.
          signal.throwIfAborted();
          const fetched = await reader.fetch(new Map([[p, offset]]), {
            maxWaitMs: 100,
            maxBytes: 64 * 1024 * 1024,
            partitionMaxBytes: 64 * 1024 * 1024,
          });
          signal.throwIfAborted();
          const record = fetched.get(p)?.records.find((r) => r.offset === offset);
          if (!record) {
            throw new ApiError(
              "not_found",
              `There is no record at offset ${offset} of partition ${p} (compacted away, or a transaction marker).`,
            );
          }
          const withTopic = { ...formats, topic: await topicDecodingFor(clusterId, topic) };
          const d = await (mask ? mask.decode(record, withTopic) : decodeRecord(clusterId, record, withTopic));
          return toMessage(d, false);
        } finally {
          reader.close();
        }
      })(),
      release,
    ),
  );
}
