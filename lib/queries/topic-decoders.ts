import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import { messageKeys } from "@/lib/queries/topic-messages";
import { TopicDecodersSchema, type PutTopicDecodersBody } from "@/lib/schemas/topic-decoders";

const enc = encodeURIComponent;
export const topicDecodersPath = (clusterId: string, topic: string) =>
  `/api/clusters/${enc(clusterId)}/topics/${enc(topic)}/decoders`;
const key = (clusterId: string, topic: string) => ["topic-decoders", clusterId, topic] as const;

export const topicDecodersOptions = (clusterId: string, topic: string) =>
  queryOptions({
    queryKey: key(clusterId, topic),
    queryFn: () => fetchJson(topicDecodersPath(clusterId, topic), TopicDecodersSchema),
  });

export function useTopicDecoders(clusterId: string, topic: string) {
  return useQuery(topicDecodersOptions(clusterId, topic));
}

/** Sets (PUT) or clears (body null → DELETE) the decoders; records read afterwards use the new setting. */
export function useSetTopicDecodersMutation(clusterId: string, topic: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutTopicDecodersBody | null) =>
      fetchJson(
        topicDecodersPath(clusterId, topic),
        TopicDecodersSchema,
        body ? { method: "PUT", body: JSON.stringify(body) } : { method: "DELETE" },
      ),
    onSuccess: (data) => {
      qc.setQueryData(key(clusterId, topic), data);
      void qc.invalidateQueries({ queryKey: messageKeys.all(clusterId, topic) });
    },
  });
}
