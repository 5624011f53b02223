import "server-only";
import { isTopicKind, type AccessSpec } from "@/lib/schemas/requests";

/**
 * The key an open (PENDING or APPROVED) request holds, unique across the cluster's requests: one open request per
 * topic, per principal and resource for access, per principal for credentials and quotas, per revoked grant.
 */
export function openKeyOf(r: {
  clusterId: string;
  kind: string;
  topicName: string;
  principal: string | null;
  revokesId?: string | null;
  spec: string;
}): string {
  if (isTopicKind(r.kind)) return `${r.clusterId}/${r.topicName}`;
  if (r.kind === "access") {
    return `${r.clusterId}/access/${r.principal}/${(JSON.parse(r.spec) as AccessSpec).resource.patternType}:${r.topicName}`;
  }
  if (r.kind === "revoke") return `${r.clusterId}/revoke/${r.revokesId}`;
  return `${r.clusterId}/${r.kind}/${r.principal}`;
}
