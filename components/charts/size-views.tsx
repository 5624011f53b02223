"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatBytes, formatDuration } from "@/lib/format";
import { clusterSizesOptions, topicSizesOptions } from "@/lib/queries/sizes";
import type { ClusterSizes, LogDirInfo, TopicSizes } from "@/lib/schemas/sizes";

const DERIVED_TITLE =
  "Derived by Sluice from the growth of partition sizes (DescribeLogDirs) between samples; brokers report bytes-in only over JMX. Segments deleted by retention during the window are not subtracted.";

/** "1.2 KiB/s (derived)"; "—" until two size samples a few seconds apart exist. */
export function DerivedBytesRate({
  rate,
  windowMs,
  testId,
}: {
  rate: number | null;
  windowMs: number;
  testId: string;
}) {
  return (
    <span title={DERIVED_TITLE} data-testid={testId}>
      <strong className="tabular-nums">{rate === null ? "—" : `${formatBytes(rate)}/s`}</strong>{" "}
      <span
        className="inline-block rounded bg-slate-100 px-1 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300"
        data-testid={`${testId}-derived`}
      >
        derived{rate !== null && windowMs > 0 ? ` · over ${formatDuration(Math.round(windowMs / 1000) * 1000)}` : ""}
      </span>
    </span>
  );
}

function Unavailable({ reason, testId }: { reason: string; testId: string }) {
  return (
    <p className="text-sm text-slate-500 dark:text-slate-400" data-testid={testId}>
      Sizes unavailable: {reason}
    </p>
  );
}

type AvailableSizes = Extract<ClusterSizes, { available: true }>;

/** The cluster's sizes as `render` shows them, why they are unavailable, and the error of the query if any. */
function useClusterSizesView(
  clusterId: string,
  unavailableTestId: string,
  render: (data: AvailableSizes) => ReactNode,
): { view: ReactNode; error: Error | null } {
  const { data, error } = useQuery(clusterSizesOptions(clusterId));
  if (data && !data.available) return { view: <Unavailable reason={data.reason} testId={unavailableTestId} />, error };
  return { view: data?.available ? render(data) : null, error };
}

function QueryError({ error }: { error: Error | null }) {
  return error ? <p className="text-sm text-red-600">{error.message}</p> : null;
}

/** Bytes written per second across the cluster, derived from size growth (used beside the throughput chart). */
export function ClusterBytesRate({ clusterId }: { clusterId: string }) {
  const { data } = useQuery(clusterSizesOptions(clusterId));
  if (data && !data.available) {
    return (
      <span className="text-slate-400" title={data.reason} data-testid="bytes-rate-now">
        Bytes/s <strong>unavailable</strong>
      </span>
    );
  }
  return (
    <span>
      Bytes in{" "}
      <DerivedBytesRate
        rate={data?.bytesInPerSec ?? null}
        windowMs={data?.bytesInWindowMs ?? 0}
        testId="bytes-rate-now"
      />
    </span>
  );
}

function SizeStat({ label, title, bytes, testId }: { label: string; title: string; bytes: number; testId: string }) {
  return (
    <div>
      <dt className="text-slate-500" title={title}>
        {label}
      </dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {formatBytes(bytes)}
      </dd>
    </div>
  );
}

/** The cluster's size on disk: one copy of every topic, every replica, and bytes-in (derived). */
export function ClusterSizeCard({ clusterId }: { clusterId: string }) {
  const { view, error } = useClusterSizesView(clusterId, "cluster-size-unavailable", (data) => (
    <dl className="grid grid-cols-3 gap-3 text-sm">
      <SizeStat
        label="One copy"
        title="Each partition's largest replica, summed over every topic"
        bytes={data.totalBytes}
        testId="cluster-size-total"
      />
      <SizeStat
        label="All replicas"
        title="Every replica on every broker"
        bytes={data.diskBytes}
        testId="cluster-size-disk"
      />
      <div>
        <dt className="text-slate-500">Bytes in</dt>
        <dd>
          <DerivedBytesRate rate={data.bytesInPerSec} windowMs={data.bytesInWindowMs} testId="cluster-bytes-in" />
        </dd>
      </div>
    </dl>
  ));
  return (
    <Card className="space-y-2 p-4" data-testid="cluster-size">
      <h3 className="text-sm font-semibold">Size on disk</h3>
      <QueryError error={error} />
      {view}
    </Card>
  );
}

/** One log dir as a bar: Kafka's data, other use of the volume, free space. */
function DiskBar({ brokerId, dir }: { brokerId: number; dir: LogDirInfo }) {
  const total = dir.totalBytes;
  const usable = dir.usableBytes;
  const pct = (n: number) => `${total ? Math.max(0, Math.min(100, (n / total) * 100)) : 0}%`;
  const other = total !== null && usable !== null ? Math.max(0, total - usable - dir.sizeBytes) : 0;
  return (
    <div className="space-y-1" data-testid={`disk-bar-${brokerId}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs">
        <span className="truncate font-mono text-slate-600 dark:text-slate-300" title={dir.path}>
          {dir.path}
        </span>
        <span className="tabular-nums text-slate-600 dark:text-slate-300" data-testid={`disk-bar-${brokerId}-text`}>
          Kafka {formatBytes(dir.sizeBytes)}
          {total !== null && usable !== null
            ? ` · used ${formatBytes(total - usable)} of ${formatBytes(total)} · ${formatBytes(usable)} free`
            : " · capacity not reported (Kafka < 3.3)"}
        </span>
      </div>
      {total !== null && usable !== null ? (
        <div
          className="flex h-3 overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
          role="img"
          aria-label={`Broker ${brokerId} ${dir.path}: Kafka ${formatBytes(dir.sizeBytes)}, other ${formatBytes(other)}, free ${formatBytes(usable)} of ${formatBytes(total)}`}
        >
          <div
            className="bg-brand-600 dark:bg-cyan-500"
            style={{ width: pct(dir.sizeBytes), minWidth: dir.sizeBytes > 0 ? 2 : 0 }}
            title={`Kafka data: ${formatBytes(dir.sizeBytes)}`}
          />
          <div
            className="bg-slate-400 dark:bg-slate-600"
            style={{ width: pct(other) }}
            title={`Other files on the volume: ${formatBytes(other)}`}
          />
        </div>
      ) : null}
    </div>
  );
}

/** Each broker's log dirs: bytes held by Kafka against the volume's used and usable space. */
export function BrokerDiskBars({ clusterId }: { clusterId: string }) {
  const { view, error } = useClusterSizesView(clusterId, "broker-disks-unavailable", (data) =>
    data.brokers.map((b) => (
      <div key={b.brokerId} className="space-y-2" data-testid={`broker-disk-${b.brokerId}`}>
        <div className="text-sm font-medium">
          Broker {b.brokerId}{" "}
          <span className="font-normal text-slate-500">· {formatBytes(b.sizeBytes)} of Kafka data</span>
        </div>
        {b.logDirs.map((d) => (
          <DiskBar key={d.path} brokerId={b.brokerId} dir={d} />
        ))}
      </div>
    )),
  );
  return (
    <Card className="space-y-3 p-4" data-testid="broker-disks">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold">Disk per broker</h2>
        <span className="flex items-center gap-3 text-xs text-slate-500">
          <span className="inline-flex items-center gap-1">
            <span className="h-2 w-2 rounded-sm bg-brand-600 dark:bg-cyan-500" /> Kafka data
          </span>
          <span className="inline-flex items-center gap-1">
            <span className="h-2 w-2 rounded-sm bg-slate-400 dark:bg-slate-600" /> other files
          </span>
          <span className="inline-flex items-center gap-1">
            <span className="h-2 w-2 rounded-sm bg-slate-100 ring-1 ring-slate-300 dark:bg-slate-800" /> free
          </span>
        </span>
      </div>
      <QueryError error={error} />
      {view}
    </Card>
  );
}

type PartitionSize = Extract<TopicSizes, { available: true }>["partitions"][number];

const PARTITION_COLUMNS: ColumnDef<PartitionSize, unknown>[] = [
  {
    accessorKey: "partition",
    header: "Partition",
    cell: (c) => <span className="tabular-nums">{c.row.original.partition}</span>,
  },
  {
    accessorKey: "sizeBytes",
    header: "Size",
    cell: (c) => <span className="tabular-nums">{formatBytes(c.row.original.sizeBytes)}</span>,
  },
  {
    id: "replicas",
    header: "Replicas (broker: size)",
    enableSorting: false,
    cell: (c) => (
      <span className="flex flex-wrap gap-1 font-mono text-xs">
        {c.row.original.replicas.map((r) => (
          <span
            key={`${r.brokerId}${r.future ? "f" : ""}`}
            className="rounded bg-slate-100 px-1.5 tabular-nums dark:bg-slate-800"
            title={`${r.logDir}${r.future ? " (future copy being moved)" : ""}`}
          >
            {r.brokerId}: {formatBytes(r.sizeBytes)}
            {r.future ? " (moving)" : ""}
          </span>
        ))}
      </span>
    ),
  },
];

/** A topic's size on disk: total, all replicas, bytes-in (derived), and each partition's size. */
export function TopicSizesCard({ clusterId, topic }: { clusterId: string; topic: string }) {
  const { data, error } = useQuery(topicSizesOptions(clusterId, topic));
  return (
    <Card className="space-y-3 p-4" data-testid="topic-sizes">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm">
        <span className="font-semibold">Size on disk</span>
        {data?.available ? (
          <>
            <span>
              Total{" "}
              <strong className="tabular-nums" data-testid="topic-size-total">
                {formatBytes(data.sizeBytes)}
              </strong>
            </span>
            <span>
              All replicas{" "}
              <strong className="tabular-nums" data-testid="topic-size-disk">
                {formatBytes(data.diskBytes)}
              </strong>
            </span>
            <span>
              Bytes in{" "}
              <DerivedBytesRate rate={data.bytesInPerSec} windowMs={data.bytesInWindowMs} testId="topic-bytes-in" />
            </span>
          </>
        ) : null}
      </div>
      <QueryError error={error} />
      {data && !data.available ? <Unavailable reason={data.reason} testId="topic-sizes-unavailable" /> : null}
      {data?.available ? (
        <DataTable
          columns={PARTITION_COLUMNS}
          data={data.partitions}
          maxHeight={240}
          rowTestId={(p) => `partition-size-${p.partition}`}
          testId="topic-partition-sizes"
          emptyTitle="No partitions"
        />
      ) : null}
    </Card>
  );
}
