"use client";

import { useQuery } from "@tanstack/react-query";
import { Lock, PlugZap, Server } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";
import { formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import { clusterOverviewOptions } from "@/lib/queries/clusters";
import type { ClusterSummary } from "@/lib/schemas/clusters";

function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string | number;
  tone?: "bad" | "warn";
  testId: string;
}) {
  const color = tone === "bad" ? "text-red-600" : tone === "warn" ? "text-amber-600" : "";
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${color}`} data-testid={testId}>
        {typeof value === "number" ? formatNumber(value) : value}
      </dd>
    </div>
  );
}

/** One cluster on the home page; each card fetches on its own, so a dead cluster never slows the others. */
export function ClusterHealthCard({ cluster }: { cluster: ClusterSummary }) {
  const { data, error, isPending } = useQuery(clusterOverviewOptions(cluster.id));
  const health = data?.health;
  let statusBadge: ReactNode;
  if (isPending) {
    statusBadge = <Badge tone="neutral">checking…</Badge>;
  } else if (health?.status === "online") {
    statusBadge = (
      <Badge tone="ok" data-testid="cluster-status">
        online
      </Badge>
    );
  } else {
    statusBadge = (
      <Badge tone="bad" data-testid="cluster-status">
        {health?.status === "unreachable" && health.code === "forbidden" ? "access denied" : "unreachable"}
      </Badge>
    );
  }
  let body: ReactNode;
  if (isPending) {
    body = (
      <div className="grid grid-cols-3 gap-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    );
  } else if (health?.status === "online") {
    body = (
      <dl className="grid grid-cols-3 gap-3">
        <Stat label="Brokers" value={health.brokerCount} testId="stat-brokers" />
        <Stat label="Topics" value={health.topicCount} testId="stat-topics" />
        <Stat label="Partitions" value={health.partitionCount} testId="stat-partitions" />
        <Stat
          label="Under-replicated"
          value={health.underReplicatedPartitions}
          tone={health.underReplicatedPartitions ? "warn" : undefined}
          testId="stat-urp"
        />
        <Stat
          label="Offline"
          value={health.offlinePartitions}
          tone={health.offlinePartitions ? "bad" : undefined}
          testId="stat-offline"
        />
        <Stat label="Active controller" value={health.activeControllerId ?? "unknown"} testId="stat-controller" />
      </dl>
    );
  } else {
    body = (
      <div
        className="flex items-start gap-2 text-sm text-red-700 dark:text-red-300"
        data-testid="cluster-unreachable-reason"
      >
        <PlugZap className="mt-0.5 h-4 w-4 shrink-0" />
        <p>{health?.status === "unreachable" ? health.reason : (error?.message ?? "Status unknown.")}</p>
      </div>
    );
  }
  return (
    <Card data-testid={`cluster-card-${cluster.id}`}>
      <CardHeader>
        <div className="min-w-0">
          <Link
            href={paths.cluster(cluster.id)}
            className="font-semibold hover:underline"
            data-testid={`cluster-link-${cluster.id}`}
          >
            {cluster.name}
          </Link>
          <p className="truncate font-mono text-xs text-slate-500">{cluster.bootstrapServers.join(", ")}</p>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          {cluster.readOnly ? (
            <Badge tone="neutral">
              <Lock className="h-3 w-3" /> read-only
            </Badge>
          ) : null}
          {statusBadge}
        </div>
      </CardHeader>
      <CardBody>
        {body}
        <div className="mt-3 flex items-center gap-3 text-xs text-slate-500">
          <span className="inline-flex items-center gap-1">
            <Server className="h-3 w-3" /> auth: {cluster.authentication}
          </span>
          <span>schema registry: {cluster.hasSchemaRegistry ? "configured" : "none"}</span>
          {health?.status === "online" ? (
            <span data-testid="cluster-kafka-version">Kafka {health.kafkaVersion ?? "version unknown"}</span>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
