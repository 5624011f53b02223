import "server-only";
import { notFound } from "next/navigation";
import { connectNameSchema, connectorNameSchema } from "@/lib/schemas/connect";
import { decodeSegment } from "@/lib/url-segment";
import { getClusterOrNotFound } from "@/server/config/find-cluster";

export const CONNECT_READ_ONLY =
  "This cluster is configured read-only in Sluice: its connectors cannot be changed here.";

/** The cluster and its configured Connect cluster named in the URL, or the not-found page. */
export function connectPageParams(p: { clusterId: string; connectId: string; name?: string }) {
  const cluster = getClusterOrNotFound(p.clusterId);
  const connectId = decodeSegment(p.connectId);
  if (!connectNameSchema.safeParse(connectId).success || !cluster.connect.some((c) => c.name === connectId)) notFound();
  let name: string | undefined;
  if (p.name !== undefined) {
    const parsed = connectorNameSchema.safeParse(decodeSegment(p.name));
    if (!parsed.success) notFound();
    name = parsed.data;
  }
  return { cluster, connectId, name };
}
