"use client";

import { useQuery } from "@tanstack/react-query";
import { Cable } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, ErrorState, Loading } from "@/components/ui/states";
import { connectClustersOptions } from "@/lib/queries/connect";
import { paths } from "@/lib/paths";

/** The cluster's Kafka Connect clusters: version, health and connector counts; a worker that is down says so. */
export function ConnectOverview({ clusterId }: { clusterId: string }) {
  const { data, error, isPending } = useQuery(connectClustersOptions(clusterId));
  if (isPending) return <Loading label="Asking the Connect workers…" />;
  if (error) return <ErrorState title="Could not list the Connect clusters" message={error.message} />;
  if (data.connect.length === 0) {
    return (
      <EmptyState
        title="No Kafka Connect cluster is configured for this cluster"
        message='Add one under the cluster in sluice.yaml: connect: [{ name: local, url: "http://127.0.0.1:8083" }].'
      />
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="connect-clusters">
      {data.connect.map((c) => (
        <Card key={c.name} data-testid={`connect-cluster-${c.name}`}>
          <CardHeader>
            <div className="min-w-0">
              <Link
                href={paths.connectors(clusterId, c.name)}
                className="flex items-center gap-2 font-medium text-brand-700 hover:underline dark:text-cyan-300"
                data-testid={`connect-link-${c.name}`}
              >
                <Cable className="h-4 w-4" /> {c.name}
              </Link>
              <p className="font-mono text-xs text-slate-500">{c.host}</p>
            </div>
            <Badge tone={c.up ? "ok" : "bad"} data-testid={`connect-health-${c.name}`}>
              {c.up ? "up" : "down"}
            </Badge>
          </CardHeader>
          <CardBody className="text-sm">
            {c.up ? (
              <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
                <dt className="text-slate-500">Version</dt>
                <dd className="font-mono">{c.version}</dd>
                <dt className="text-slate-500">Connectors</dt>
                <dd>{c.connectors}</dd>
                <dt className="text-slate-500">Running</dt>
                <dd>{c.running}</dd>
                <dt className="text-slate-500">Failed (connector or task)</dt>
                <dd className={c.failed ? "font-medium text-red-700 dark:text-red-400" : undefined}>{c.failed}</dd>
              </dl>
            ) : (
              <p className="text-red-700 dark:text-red-400" role="alert">
                {c.error?.message}
              </p>
            )}
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
