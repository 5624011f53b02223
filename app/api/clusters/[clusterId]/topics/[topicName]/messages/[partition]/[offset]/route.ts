import { z } from "zod";
import { decodeQuery, MessageAnswerSchema } from "@/lib/schemas/messages";
import { messageParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getMessage } from "@/server/services/messages/get-message";

export const dynamic = "force-dynamic";

const query = z.object(decodeQuery);

/** One record with its full key and value. */
export const GET = defineRoute({
  permission: "messages:read",
  response: MessageAnswerSchema,
  params: messageParamsSchema,
  query,
  async handler({ params, query, actor, requestId }) {
    const formats = { keyFormat: query.keyFormat, valueFormat: query.valueFormat };
    return Response.json({
      message: await getMessage(params.clusterId, params.topicName, params.partition, BigInt(params.offset), formats, {
        actor,
        requestId,
        unmasked: query.unmasked,
      }),
    });
  },
});
