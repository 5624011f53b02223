"use client";

import Link from "next/link";
import { useState } from "react";
import { formatRate, RateChart, WindowPicker, WINDOWS, type ChartRow, type WindowId } from "@/components/charts/rate-chart";
import { Card } from "@/components/ui/card";
import { formatLagTime, formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import { useQuery } from "@tanstack/react-query";
import { metricsHistoryOptions, useLiveMetrics, type MetricsScope } from "@/lib/queries/metrics";
import type { MetricsPoint } from "@/lib/schemas/metrics";

export function StreamBadge({ state, lastOk }: { state: string; lastOk: boolean }) {
  const live = state === "open" && lastOk;
  return (
    <span className={live ? "inline-flex items-center gap-1.5 text-xs text-emerald-700 dark:text-emerald-400" : "inline-flex items-center gap-1.5 text-xs text-slate-500"} data-testid="metrics-live-state">
      <span className={live ? "h-2 w-2 rounded-full bg-emerald-500" : "h-2 w-2 rounded-full bg-slate-400"} />
      {state === "open" ? (lastOk ? "live" : "cluster unreachable") : state === "reconnecting" ? "reconnecting…" : state === "failed" ? "stream failed" : "connecting…"}
    </span>
  );
}

/** Points for a window: live ticks for up to an hour; stored rollups (plus the live tail) for 24 h and 30 days. */
function useSeries(clusterId: string, scope: MetricsScope, win: WindowId, live: MetricsPoint[]): MetricsPoint[] {
  const long = win === "24h" || win === "30d";
  const history = useQuery({ ...metricsHistoryOptions(clusterId, scope, long ? win : "24h"), enabled: long });
  if (!long) return live;
  const stored = history.data?.points ?? [];
  const last = stored.at(-1)?.t ?? 0;
  return [...stored, ...live.filter((p) => p.t > last)];
}

/** Produce and consume rates over time, the busiest topics and the groups with most lag, live. */
export function ClusterMetrics({ clusterId }: { clusterId: string }) {
  const { points, status } = useLiveMetrics(clusterId);
  const [win, setWin] = useState<WindowId>("5m");
  const series = useSeries(clusterId, {}, win, points);
  const rows: ChartRow[] = series.map((p) => ({ t: p.t, produce: p.ok ? p.produceRate : null, consume: p.ok ? p.consumeRate : null }));
  const last = points.at(-1);
  return (
    <section className="space-y-3" data-testid="cluster-metrics">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Throughput</h2>
        <StreamBadge state={status.state} lastOk={last?.ok ?? true} />
        <div className="ml-auto">
          <WindowPicker value={win} onChange={setWin} />
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="space-y-2 p-4 lg:col-span-2">
          <div className="flex gap-6 text-sm">
            <span>
              Produced <strong className="tabular-nums" data-testid="produce-rate-now">{formatRate(last?.ok ? last.produceRate : null, " rec/s")}</strong>
            </span>
            <span>
              Consumed <strong className="tabular-nums" data-testid="consume-rate-now">{formatRate(last?.ok ? last.consumeRate : null, " rec/s")}</strong>
            </span>
            <span
              className="text-slate-400"
              title="Bytes per second would need partition sizes from DescribeLogDirs, which the Kafka client Sluice uses (kafkajs) cannot send. Sluice shows records per second rather than an invented byte figure."
              data-testid="bytes-rate-now"
            >
              Bytes/s <strong>not available</strong>
            </span>
            {last && !last.ok ? <span className="text-red-600">{last.error}</span> : null}
          </div>
          <RateChart
            rows={rows}
            windowMs={WINDOWS.find((w) => w.id === win)!.ms}
            unit=" rec/s"
            series={[
              { key: "produce", name: "produced", color: "#0e7490" },
              { key: "consume", name: "consumed", color: "#d97706" },
            ]}
            testId="throughput-chart"
            emptyText="Waiting for the first samples…"
          />
        </Card>
        <div className="space-y-4">
          <Card className="p-4">
            <h3 className="mb-2 text-sm font-semibold">Busiest topics</h3>
            <ol className="space-y-1 text-sm" data-testid="top-topics">
              {(last?.topics ?? []).filter((t) => (t.rate ?? 0) > 0).slice(0, 5).map((t) => (
                <li key={t.topic} className="flex justify-between gap-2">
                  <Link href={paths.topic(clusterId, t.topic)} className="truncate font-mono text-xs text-brand-700 hover:underline dark:text-cyan-300">
                    {t.topic}
                  </Link>
                  <span className="tabular-nums">{formatRate(t.rate)}</span>
                </li>
              ))}
              {last && !(last.topics ?? []).some((t) => (t.rate ?? 0) > 0) ? <li className="text-slate-500">No records produced in the last interval.</li> : null}
            </ol>
          </Card>
          <Card className="p-4">
            <h3 className="mb-2 text-sm font-semibold">Most lag</h3>
            <ol className="space-y-1 text-sm" data-testid="top-lag">
              {(last?.groups ?? []).filter((g) => g.lag > 0).slice(0, 5).map((g) => (
                <li key={g.groupId} className="flex justify-between gap-2">
                  <Link href={paths.group(clusterId, g.groupId)} className="truncate font-mono text-xs text-brand-700 hover:underline dark:text-cyan-300">
                    {g.groupId}
                  </Link>
                  <span className="tabular-nums">{formatNumber(g.lag)}</span>
                </li>
              ))}
              {last && !(last.groups ?? []).some((g) => g.lag > 0) ? <li className="text-slate-500">No group is behind.</li> : null}
            </ol>
          </Card>
        </div>
      </div>
    </section>
  );
}

/** One topic's produce rate, live. */
export function TopicRateChart({ clusterId, topic }: { clusterId: string; topic: string }) {
  const { points, status } = useLiveMetrics(clusterId, { topic });
  const [win, setWin] = useState<WindowId>("5m");
  const series = useSeries(clusterId, { topic }, win, points);
  const rows: ChartRow[] = series.map((p) => ({ t: p.t, rate: p.ok ? (p.topics[0]?.rate ?? null) : null }));
  const last = points.at(-1);
  return (
    <Card className="space-y-2 p-4" data-testid="topic-metrics">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">Produce rate</span>
        <strong className="tabular-nums" data-testid="topic-rate-now">{formatRate(last?.ok ? last.topics[0]?.rate : null, " rec/s")}</strong>
        <StreamBadge state={status.state} lastOk={last?.ok ?? true} />
        <div className="ml-auto">
          <WindowPicker value={win} onChange={setWin} />
        </div>
      </div>
      <RateChart rows={rows} windowMs={WINDOWS.find((w) => w.id === win)!.ms} unit=" rec/s" series={[{ key: "rate", name: "records/s", color: "#0e7490" }]} height={160} emptyText="Waiting for the first samples…" testId="topic-rate-chart" />
    </Card>
  );
}

/** One group's lag (records) and consume rate, live. */
export function GroupLagChart({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const { points, status } = useLiveMetrics(clusterId, { group: groupId });
  const [win, setWin] = useState<WindowId>("5m");
  const series = useSeries(clusterId, { group: groupId }, win, points);
  const rows: ChartRow[] = series.map((p) => ({ t: p.t, lag: p.ok ? (p.groups[0]?.lag ?? null) : null }));
  const secondsRows: ChartRow[] = series.map((p) => ({ t: p.t, seconds: p.ok ? (p.groups[0]?.lagSeconds ?? null) : null }));
  const windowMs = WINDOWS.find((w) => w.id === win)!.ms;
  const last = points.at(-1);
  const g = last?.ok ? last.groups[0] : undefined;
  return (
    <Card className="space-y-2 p-4" data-testid="group-metrics">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">Lag over time</span>
        <span>
          now <strong className="tabular-nums" data-testid="group-lag-now">{g ? formatNumber(g.lag) : "—"}</strong> records
        </span>
        <span>
          about <strong className="tabular-nums" data-testid="group-lag-seconds-now">{g?.lagSeconds === null || g?.lagSeconds === undefined ? "—" : formatLagTime(g.lagSeconds)}</strong> behind
        </span>
        <span>
          consuming <strong className="tabular-nums">{formatRate(g?.rate ?? null, " rec/s")}</strong>
        </span>
        <StreamBadge state={status.state} lastOk={last?.ok ?? true} />
        <div className="ml-auto">
          <WindowPicker value={win} onChange={setWin} />
        </div>
      </div>
      <RateChart rows={rows} windowMs={windowMs} unit=" records" series={[{ key: "lag", name: "lag (records)", color: "#d97706" }]} height={150} emptyText="Waiting for the first samples…" testId="group-lag-chart" />
      <RateChart
        rows={secondsRows}
        windowMs={windowMs}
        unit=" s"
        series={[{ key: "seconds", name: "lag (seconds, estimated)", color: "#7c3aed" }]}
        height={120}
        emptyText="Lag in seconds appears once end offsets have been sampled for a while…"
        testId="group-lag-seconds-chart"
      />
    </Card>
  );
}
