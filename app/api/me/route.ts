import { defineRoute } from "@/server/http/define-route";
import { describeActor } from "@/server/services/accounts/describe-actor";
import { MeDtoSchema } from "@/lib/schemas/accounts";

export const dynamic = "force-dynamic";

/** Who is signed in, their roles and teams, and what they may do on each cluster. */
export const GET = defineRoute({
  permission: "signed-in",
  response: MeDtoSchema,
  async handler({ actor }) {
    return Response.json(describeActor(actor));
  },
});
