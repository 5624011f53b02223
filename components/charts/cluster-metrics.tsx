"use client";

import Link from "next/link";
import { useState } from "react";
import {
  formatRate,
  RateChart,
  WindowPicker,
  WINDOWS,
  type ChartRow,
  type WindowId,
} from "@/components/charts/rate-chart";
import { ClusterBytesRate } from "@/components/charts/size-views";
import { Card } from "@/components/ui/card";
import { formatLagTime, formatNumber } from "@/lib/format";
import { paths } from "@/lib/paths";
import { useQuery } from "@tanstack/react-query";
import { COLLECTING_TEXT } from "@/lib/metrics/chart-units";
import { metricsHistoryOptions, useLiveMetrics, type MetricsScope } from "@/lib/queries/metrics";
import type { MetricsPoint } from "@/lib/schemas/metrics";

function streamLabel(state: string, lastOk: boolean): string {
  if (state === "open") return lastOk ? "live" : "cluster unreachable";
  if (state === "reconnecting") return "reconnecting…";
  if (state === "failed") return "stream failed";
  return "connecting…";
}

export function StreamBadge({ state, lastOk }: { state: string; lastOk: boolean }) {
  const live = state === "open" && lastOk;
  return (
    <span
      className={
        live
          ? "inline-flex items-center gap-1.5 text-xs text-emerald-700 dark:text-emerald-400"
          : "inline-flex items-center gap-1.5 text-xs text-slate-500"
      }
      data-testid="metrics-live-state"
    >
      <span className={live ? "h-2 w-2 rounded-full bg-emerald-500" : "h-2 w-2 rounded-full bg-slate-400"} />
      {streamLabel(state, lastOk)}
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

/** The live metrics of a scope over the chosen window, with the window's picker state. */
function useWindowedMetrics(clusterId: string, scope: MetricsScope) {
  const { points, status } = useLiveMetrics(clusterId, scope);
  const [win, setWin] = useState<WindowId>("5m");
  const series = useSeries(clusterId, scope, win, points);
  return { points, status, win, setWin, series, windowMs: WINDOWS.find((w) => w.id === win)!.ms, last: points.at(-1) };
}

/** The stream's state and the window picker, at the end of a chart's header row. */
function LiveControls({ metrics: m }: { metrics: ReturnType<typeof useWindowedMetrics> }) {
  return (
    <>
      <StreamBadge state={m.status.state} lastOk={m.last?.ok ?? true} />
      <div className="ml-auto">
        <WindowPicker value={m.win} onChange={m.setWin} />
      </div>
    </>
  );
}

/** Whether the sampler has two ticks with rates yet (rates need two reads): before that, lists say so. */
const collecting = (points: MetricsPoint[]) => points.filter((p) => p.ok && p.produceRate !== null).length < 2;

/** Produce and consume rates over time, the busiest topics and the groups with most lag, live. */
export function ClusterMetrics({ clusterId }: { clusterId: string }) {
  const metrics = useWindowedMetrics(clusterId, {});
  const { points, series, last } = metrics;
  const rows: ChartRow[] = series.map((p) => ({
    t: p.t,
    produce: p.ok ? p.produceRate : null,
    consume: p.ok ? p.consumeRate : null,
  }));
  const early = collecting(points);
  return (
    <section className="space-y-3" data-testid="cluster-metrics">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Throughput</h2>
        <LiveControls metrics={metrics} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="space-y-2 p-4 lg:col-span-2">
          <div className="flex gap-6 text-sm">
            <span>
              Produced{" "}
              <strong className="tabular-nums" data-testid="produce-rate-now">
                {formatRate(last?.ok ? last.produceRate : null, " records/s")}
              </strong>
            </span>
            <span>
              Consumed{" "}
              <strong className="tabular-nums" data-testid="consume-rate-now">
                {formatRate(last?.ok ? last.consumeRate : null, " records/s")}
              </strong>
            </span>
            <ClusterBytesRate clusterId={clusterId} />
            {last && !last.ok ? <span className="text-red-600">{last.error}</span> : null}
          </div>
          <RateChart
            rows={rows}
            windowMs={metrics.windowMs}
            unit="records/s"
            title="Records produced and consumed per second (records/s)"
            series={[
              { key: "produce", name: "produced", color: "#0e7490" },
              { key: "consume", name: "consumed", color: "#d97706" },
            ]}
            testId="throughput-chart"
          />
        </Card>
        <div className="space-y-4">
          <TopList
            title="Busiest topics (records/s)"
            testId="top-topics"
            early={early}
            none="No records produced in the last interval."
            items={(last?.topics ?? [])
              .filter((t) => (t.rate ?? 0) > 0)
              .slice(0, 5)
              .map((t) => ({ key: t.topic, href: paths.topic(clusterId, t.topic), value: formatRate(t.rate) }))}
          />
          <TopList
            title="Most lag (records)"
            testId="top-lag"
            early={early}
            none="No group is behind."
            items={(last?.groups ?? [])
              .filter((g) => g.lag > 0)
              .slice(0, 5)
              .map((g) => ({ key: g.groupId, href: paths.group(clusterId, g.groupId), value: formatNumber(g.lag) }))}
          />
        </div>
      </div>
    </section>
  );
}

/** A short ranked list beside the chart; says it is collecting samples until rates exist, then what is empty. */
function TopList({
  title,
  testId,
  early,
  none,
  items,
}: {
  title: string;
  testId: string;
  early: boolean;
  none: string;
  items: { key: string; href: string; value: string }[];
}) {
  return (
    <Card className="p-4">
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      <ol className="space-y-1 text-sm" data-testid={testId}>
        {items.map((i) => (
          <li key={i.key} className="flex justify-between gap-2">
            <Link
              href={i.href}
              className="truncate font-mono text-xs text-brand-700 hover:underline dark:text-cyan-300"
            >
              {i.key}
            </Link>
            <span className="tabular-nums">{i.value}</span>
          </li>
        ))}
        {items.length === 0 ? <li className="text-slate-500">{early ? COLLECTING_TEXT : none}</li> : null}
      </ol>
    </Card>
  );
}

/** One topic's produce rate, live. */
export function TopicRateChart({ clusterId, topic }: { clusterId: string; topic: string }) {
  const metrics = useWindowedMetrics(clusterId, { topic });
  const { series, last } = metrics;
  const rows: ChartRow[] = series.map((p) => ({ t: p.t, rate: p.ok ? (p.topics[0]?.rate ?? null) : null }));
  return (
    <Card className="space-y-2 p-4" data-testid="topic-metrics">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">Produce rate</span>
        <strong className="tabular-nums" data-testid="topic-rate-now">
          {formatRate(last?.ok ? last.topics[0]?.rate : null, " records/s")}
        </strong>
        <LiveControls metrics={metrics} />
      </div>
      <RateChart
        rows={rows}
        windowMs={metrics.windowMs}
        unit="records/s"
        title="Records produced per second (records/s)"
        series={[{ key: "rate", name: "records/s", color: "#0e7490" }]}
        height={160}
        testId="topic-rate-chart"
      />
    </Card>
  );
}

/** One group's lag (records) and consume rate, live. */
export function GroupLagChart({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const metrics = useWindowedMetrics(clusterId, { group: groupId });
  const { series, last, windowMs } = metrics;
  const rows: ChartRow[] = series.map((p) => ({ t: p.t, lag: p.ok ? (p.groups[0]?.lag ?? null) : null }));
  const secondsRows: ChartRow[] = series.map((p) => ({
    t: p.t,
    seconds: p.ok ? (p.groups[0]?.lagSeconds ?? null) : null,
  }));
  const g = last?.ok ? last.groups[0] : undefined;
  return (
    <Card className="space-y-2 p-4" data-testid="group-metrics">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">Lag over time</span>
        <span>
          now{" "}
          <strong className="tabular-nums" data-testid="group-lag-now">
            {g ? formatNumber(g.lag) : "—"}
          </strong>{" "}
          records
        </span>
        <span>
          about{" "}
          <strong className="tabular-nums" data-testid="group-lag-seconds-now">
            {g?.lagSeconds === null || g?.lagSeconds === undefined ? "—" : formatLagTime(g.lagSeconds)}
          </strong>{" "}
          behind
        </span>
        <span>
          consuming <strong className="tabular-nums">{formatRate(g?.rate ?? null, " records/s")}</strong>
        </span>
        <LiveControls metrics={metrics} />
      </div>
      <RateChart
        rows={rows}
        windowMs={windowMs}
        unit="records"
        title="Lag in records (records not yet consumed)"
        series={[{ key: "lag", name: "lag (records)", color: "#d97706" }]}
        height={150}
        testId="group-lag-chart"
      />
      <RateChart
        rows={secondsRows}
        windowMs={windowMs}
        unit="seconds"
        title="Lag in time (how far behind, estimated from the produce rate)"
        series={[{ key: "seconds", name: "lag (time, estimated)", color: "#7c3aed" }]}
        height={120}
        emptyText="Lag in time appears once end offsets have been sampled for a while…"
        testId="group-lag-seconds-chart"
      />
    </Card>
  );
}
