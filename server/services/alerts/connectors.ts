import "server-only";
import { matchesTarget, type AlertParams } from "@/lib/alerts/rules";
import { listConnectClusters, listConnectors } from "@/server/services/connect/read-connect";

type Params = Extract<AlertParams, { kind: "connector_failed" }>;
export type FailedConnector = { subject: string; value: number; message: string };

/**
 * The connectors of the cluster's Kafka Connect workers that are FAILED or have FAILED tasks (subject
 * `<connect cluster>/<connector>`). One summary request per worker; the connector list is read only from workers
 * reporting failures. Workers that cannot be read are listed in `unreadable`: their alerts keep their state (never
 * resolved on a guess) while the other workers are judged.
 */
export async function failedConnectors(
  clusterId: string,
  p: Params,
): Promise<{ failed: FailedConnector[]; unreadable: string[] }> {
  const { connect } = await listConnectClusters(clusterId);
  const covered = connect.filter((c) => !p.connect || c.name === p.connect);
  const unreadable = covered.filter((c) => !c.up).map((c) => c.name);
  const out: FailedConnector[] = [];
  for (const c of covered) {
    if (!c.up || !c.failed) continue;
    const connectors = await listConnectors(clusterId, c.name).then(
      (r) => r.connectors,
      () => null,
    );
    if (!connectors) {
      unreadable.push(c.name);
      continue;
    }
    for (const x of connectors) {
      if (!matchesTarget(p.connector, x.name)) continue;
      const where = `connector "${x.name}" on Connect cluster "${c.name}"`;
      if (x.state === "FAILED") {
        out.push({ subject: `${c.name}/${x.name}`, value: x.tasks.failed, message: `The ${where} is FAILED` });
      } else if (x.tasks.failed > 0) {
        out.push({
          subject: `${c.name}/${x.name}`,
          value: x.tasks.failed,
          message: `${x.tasks.failed} of ${x.tasks.total} task${x.tasks.total === 1 ? "" : "s"} of the ${where} FAILED`,
        });
      }
    }
  }
  return { failed: out, unreadable };
}
