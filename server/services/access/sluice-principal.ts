import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";

/**
 * The principal Sluice itself has on a cluster: its SASL user, else User:ANONYMOUS on a plaintext listener. With a
 * TLS client certificate the broker derives the principal from the certificate, which Sluice does not know (null).
 */
export function sluicePrincipal(clusterId: string): string | null {
  const cluster = getClusterConfigOrThrow(clusterId);
  if (cluster.sasl) return `User:${cluster.sasl.username}`;
  if (cluster.tls?.enabled && cluster.tls.certFile) return null;
  return "User:ANONYMOUS";
}
