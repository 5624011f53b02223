import { topicParamsSchema } from "@/lib/schemas/params";
import {
  DECODER_UPLOAD_MAX_BYTES,
  putTopicDecodersBodySchema,
  TopicDecodersSchema,
} from "@/lib/schemas/topic-decoders";
import { defineRoute } from "@/server/http/define-route";
import { deleteTopicDecoders, getTopicDecoders, putTopicDecoders } from "@/server/services/topics/topic-decoders";

export const dynamic = "force-dynamic";

/** The topic's key and value decoder settings ("registry" = automatic detection). */
export const GET = defineRoute({
  permission: "topics:read",
  params: topicParamsSchema,
  response: TopicDecodersSchema,
  async handler({ params }) {
    return Response.json(await getTopicDecoders(params.clusterId, params.topicName));
  },
});

/** Sets the key and/or value decoder; an uploaded descriptor or schema that does not parse → 422 with the position. */
export const PUT = defineRoute({
  permission: "topics:alter",
  params: topicParamsSchema,
  response: TopicDecodersSchema,
  body: putTopicDecodersBodySchema,
  bodyLimit: DECODER_UPLOAD_MAX_BYTES * 4,
  async handler({ params, body, actor, requestId }) {
    return Response.json(
      await putTopicDecoders(params.clusterId, params.topicName, body, { actor: actor!, requestId }),
    );
  },
});

/** Back to automatic decoding for keys and values. */
export const DELETE = defineRoute({
  permission: "topics:alter",
  params: topicParamsSchema,
  response: TopicDecodersSchema,
  async handler({ params, actor, requestId }) {
    return Response.json(await deleteTopicDecoders(params.clusterId, params.topicName, { actor: actor!, requestId }));
  },
});
