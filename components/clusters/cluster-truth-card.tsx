"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";
import { formatNumber, formatRelativeTime } from "@/lib/format";
import { clusterTruthOptions } from "@/lib/queries/clusters";
import type { QuorumReplica } from "@/lib/schemas/clusters";

function RoleBadge({ isLeader, kind }: { isLeader: boolean; kind: "voter" | "observer" }) {
  if (isLeader) return <Badge tone="ok">active controller</Badge>;
  if (kind === "voter") return <Badge>voter</Badge>;
  return <Badge tone="neutral">observer</Badge>;
}

function ReplicaRows({ replicas, kind }: { replicas: QuorumReplica[]; kind: "voter" | "observer" }) {
  return replicas.map((r) => (
    <tr
      key={`${kind}-${r.replicaId}`}
      className="border-t border-slate-100 dark:border-slate-800"
      data-testid={`quorum-${kind}-${r.replicaId}`}
    >
      <td className="py-1.5 pr-3 font-medium tabular-nums">{r.replicaId}</td>
      <td className="py-1.5 pr-3">
        <RoleBadge isLeader={r.isLeader} kind={kind} />
      </td>
      <td className="py-1.5 pr-3 tabular-nums" title="records behind the quorum's high watermark">
        {r.lag === null ? <span className="text-slate-400">unknown</span> : formatNumber(r.lag)}
      </td>
      <td className="py-1.5 pr-3 text-slate-600 dark:text-slate-300" title={r.lastFetchAt ?? undefined}>
        {r.lastFetchAt ? formatRelativeTime(r.lastFetchAt) : <span className="text-slate-400">never</span>}
      </td>
      <td className="py-1.5 text-slate-600 dark:text-slate-300" title={r.lastCaughtUpAt ?? undefined}>
        {r.lastCaughtUpAt ? formatRelativeTime(r.lastCaughtUpAt) : <span className="text-slate-400">never</span>}
      </td>
    </tr>
  ));
}

/**
 * What the cluster says about itself: Kafka release and finalized features (ApiVersions), the active KRaft
 * controller, voters and observers with their lag (DescribeQuorum). Parts the cluster cannot provide say why.
 */
export function ClusterTruthCard({ clusterId }: { clusterId: string }) {
  const { data, error, isPending } = useQuery(clusterTruthOptions(clusterId));
  if (isPending) return <Skeleton className="h-40" />;
  // Compact: on an unreachable cluster the page's main table already shows the error state.
  if (error) {
    return (
      <p className="text-sm text-red-700 dark:text-red-300" data-testid="cluster-truth-error">
        Could not read the cluster&apos;s version and quorum: {error.message}
      </p>
    );
  }
  const q = data.quorum;
  return (
    <Card data-testid="cluster-truth">
      <CardHeader>
        <h2 className="font-semibold">Kafka version and KRaft quorum</h2>
        <span className="text-xs text-slate-500">as the cluster reports it</span>
      </CardHeader>
      <CardBody className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">Kafka</dt>
            <dd className="text-lg font-semibold" data-testid="truth-kafka-version" title={data.versionNote}>
              {data.kafkaVersion ?? <span className="text-slate-400">unknown</span>}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">metadata.version</dt>
            <dd className="text-lg font-semibold" data-testid="truth-metadata-version">
              {data.metadataVersion ? data.metadataVersion.name : <span className="text-slate-400">none</span>}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Active controller</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="truth-active-controller">
              {data.activeControllerId ?? <span className="text-slate-400">unknown</span>}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Leader epoch · high watermark</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {q ? (
                `${q.leaderEpoch} · ${formatNumber(Number(q.highWatermark))}`
              ) : (
                <span className="text-slate-400">—</span>
              )}
            </dd>
          </div>
        </dl>
        <p className="text-xs text-slate-500">{data.versionNote}</p>
        {data.unavailable.map((u) => (
          <p
            key={u.what}
            className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
            data-testid="truth-unavailable"
          >
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
            <span>
              <span className="font-medium">{u.what} not available.</span> {u.why}
            </span>
          </p>
        ))}
        {q ? (
          <table className="w-full text-sm" data-testid="quorum-table">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-semibold">Node</th>
                <th className="py-1 pr-3 font-semibold">Role</th>
                <th className="py-1 pr-3 font-semibold">Lag</th>
                <th className="py-1 pr-3 font-semibold">Last fetch</th>
                <th className="py-1 font-semibold">Last caught up</th>
              </tr>
            </thead>
            <tbody>
              <ReplicaRows replicas={q.voters} kind="voter" />
              <ReplicaRows replicas={q.observers} kind="observer" />
            </tbody>
          </table>
        ) : null}
        {q && q.observers.length === 0 ? (
          <p className="text-xs text-slate-500">
            No observers: every broker is also a voter, or no broker-only node fetches the metadata log.
          </p>
        ) : null}
        {data.features.length ? (
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Finalized features</h3>
            <ul className="flex flex-wrap gap-2" data-testid="truth-features">
              {data.features.map((f) => (
                <li
                  key={f.name}
                  className="rounded border border-slate-200 px-2 py-0.5 font-mono text-xs dark:border-slate-700"
                  data-testid={`feature-${f.name}`}
                  title={f.supportedMax !== null ? `supported ${f.supportedMin}–${f.supportedMax}` : undefined}
                >
                  {f.name} = {f.finalizedLevel ?? "not finalized"}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
