import { z } from "zod";
import { DECODE_FORMATS } from "@/lib/schemas/messages";
import { messageParamsSchema } from "@/lib/schemas/params";
import { defineRoute } from "@/server/http/define-route";
import { getMessage } from "@/server/services/messages/get-message";

export const dynamic = "force-dynamic";

const query = z.object({
  keyFormat: z.enum(DECODE_FORMATS).optional().default("auto"),
  valueFormat: z.enum(DECODE_FORMATS).optional().default("auto"),
});

/** One record with its full key and value. */
export const GET = defineRoute({
  permission: "messages:read",
  params: messageParamsSchema,
  query,
  async handler({ params, query }) {
    return Response.json({ message: await getMessage(params.clusterId, params.topicName, params.partition, BigInt(params.offset), query) });
  },
});
