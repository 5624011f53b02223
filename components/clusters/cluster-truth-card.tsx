"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { formatNumber, formatRelativeTime } from "@/lib/format";
import { clusterTruthOptions } from "@/lib/queries/clusters";
import type { ClusterTruth, QuorumReplica } from "@/lib/schemas/clusters";

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

const none = (text: string) => <span className="text-slate-400">{text}</span>;

function TruthStat({
  label,
  value,
  testId,
  title,
  numeric,
}: {
  label: string;
  value: ReactNode;
  testId?: string;
  title?: string;
  numeric?: boolean;
}) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={cn("text-lg font-semibold", numeric && "tabular-nums")} data-testid={testId} title={title}>
        {value}
      </dd>
    </div>
  );
}

/** Kafka release, metadata.version, the active controller, and the quorum's leader epoch and high watermark. */
function TruthStats({ data }: { data: ClusterTruth }) {
  const q = data.quorum;
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
      <TruthStat
        label="Kafka"
        value={data.kafkaVersion ?? none("unknown")}
        testId="truth-kafka-version"
        title={data.versionNote}
      />
      <TruthStat
        label="metadata.version"
        value={data.metadataVersion ? data.metadataVersion.name : none("none")}
        testId="truth-metadata-version"
      />
      <TruthStat
        label="Active controller"
        value={data.activeControllerId ?? none("unknown")}
        testId="truth-active-controller"
        numeric
      />
      <TruthStat
        label="Leader epoch · high watermark"
        value={q ? `${q.leaderEpoch} · ${formatNumber(Number(q.highWatermark))}` : none("—")}
        numeric
      />
    </dl>
  );
}

function UnavailableNote({ what, why }: { what: string; why: string }) {
  return (
    <p
      className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
      data-testid="truth-unavailable"
    >
      <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <span>
        <span className="font-medium">{what} not available.</span> {why}
      </span>
    </p>
  );
}

function QuorumTable({ quorum }: { quorum: NonNullable<ClusterTruth["quorum"]> }) {
  return (
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
        <ReplicaRows replicas={quorum.voters} kind="voter" />
        <ReplicaRows replicas={quorum.observers} kind="observer" />
      </tbody>
    </table>
  );
}

function FeatureList({ features }: { features: ClusterTruth["features"] }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Finalized features</h3>
      <ul className="flex flex-wrap gap-2" data-testid="truth-features">
        {features.map((f) => (
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
  );
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
        <TruthStats data={data} />
        <p className="text-xs text-slate-500">{data.versionNote}</p>
        {data.unavailable.map((u) => (
          <UnavailableNote key={u.what} what={u.what} why={u.why} />
        ))}
        {q ? <QuorumTable quorum={q} /> : null}
        {q && q.observers.length === 0 ? (
          <p className="text-xs text-slate-500">
            No observers: every broker is also a voter, or no broker-only node fetches the metadata log.
          </p>
        ) : null}
        {data.features.length ? <FeatureList features={data.features} /> : null}
      </CardBody>
    </Card>
  );
}
