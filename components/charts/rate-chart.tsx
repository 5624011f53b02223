"use client";

import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTimeZone } from "@/components/ui/time-zone";
import {
  CHART_UNITS,
  COLLECTING_TEXT,
  formatChartValue,
  hasTwoSamples,
  type ChartUnit,
} from "@/lib/metrics/chart-units";
import { formatClock, formatDateTime, formatDayClock, zoneLabel } from "@/lib/time";

export type Series = { key: string; name: string; color: string };
export type ChartRow = { t: number } & Record<string, number | null>;

export const WINDOWS = [
  { id: "5m", label: "5 min", ms: 5 * 60_000 },
  { id: "15m", label: "15 min", ms: 15 * 60_000 },
  { id: "1h", label: "1 hour", ms: 60 * 60_000 },
  { id: "24h", label: "24 h", ms: 24 * 60 * 60_000 },
  { id: "30d", label: "30 d", ms: 30 * 24 * 60 * 60_000 },
] as const;
export type WindowId = (typeof WINDOWS)[number]["id"];

export function formatRate(v: number | null | undefined, unit = "/s"): string {
  if (v === null || v === undefined) return "—";
  const abs = Math.abs(v);
  const s =
    abs >= 1e6
      ? `${(v / 1e6).toFixed(1)}M`
      : abs >= 1e3
        ? `${(v / 1e3).toFixed(1)}k`
        : abs >= 10
          ? v.toFixed(0)
          : v.toFixed(1);
  return `${s}${unit}`;
}

/**
 * A live line chart over a fixed time window, titled with what it plots and in which unit: no animation (points
 * arrive every few seconds), null values drawn as gaps (a failed sample is not a zero), ticks and tooltip in the
 * chart's unit, times in the user's zone. Until two samples have a value it says it is collecting them.
 */
export function RateChart({
  rows,
  series,
  windowMs,
  unit,
  title,
  height = 220,
  testId,
  emptyText = COLLECTING_TEXT,
}: {
  rows: ChartRow[];
  series: Series[];
  windowMs: number;
  unit: ChartUnit;
  title: string;
  height?: number;
  testId?: string;
  emptyText?: string;
}) {
  const zone = useTimeZone();
  const now = rows.at(-1)?.t ?? 0;
  const data = useMemo(() => rows.filter((r) => r.t >= now - windowMs), [rows, now, windowMs]);
  const ready = hasTwoSamples(
    data,
    series.map((s) => s.key),
  );
  const time = (t: number) => (windowMs > 60 * 60_000 ? formatDayClock(t, zone) : formatClock(t, zone));
  return (
    <figure className="space-y-1" data-testid={testId} data-ready={ready}>
      <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-400" data-testid="chart-title">
        {title}
      </figcaption>
      {ready ? (
        <div style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
              <XAxis
                dataKey="t"
                type="number"
                domain={[now - windowMs, now]}
                tickFormatter={time}
                tick={{ fontSize: 11 }}
                stroke="currentColor"
                strokeOpacity={0.5}
              />
              <YAxis
                tickFormatter={CHART_UNITS[unit].tick}
                tick={{ fontSize: 11 }}
                width={64}
                stroke="currentColor"
                strokeOpacity={0.5}
                label={{
                  value: CHART_UNITS[unit].axis,
                  angle: -90,
                  position: "insideLeft",
                  offset: 0,
                  style: { fontSize: 11, textAnchor: "middle", fill: "currentColor" },
                }}
              />
              <Tooltip
                labelFormatter={(t) => `${formatDateTime(Number(t), zone)} ${zoneLabel(zone)}`}
                formatter={(v) => formatChartValue(typeof v === "number" ? v : null, unit)}
                contentStyle={{ fontSize: 12 }}
              />
              {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
              {series.map((s) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  stroke={s.color}
                  dot={data.length < 3}
                  strokeWidth={2}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <div
          className="flex items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500 dark:border-slate-700"
          style={{ height }}
          data-testid="chart-empty"
        >
          {emptyText}
        </div>
      )}
    </figure>
  );
}

export function WindowPicker({ value, onChange }: { value: WindowId; onChange: (w: WindowId) => void }) {
  return (
    <div
      className="inline-flex rounded-md border border-slate-200 text-xs dark:border-slate-700"
      role="group"
      aria-label="Time range"
    >
      {WINDOWS.map((w) => (
        <button
          key={w.id}
          type="button"
          onClick={() => onChange(w.id)}
          aria-pressed={value === w.id}
          className={
            value === w.id ? "bg-slate-100 px-2 py-1 font-medium dark:bg-slate-800" : "px-2 py-1 text-slate-500"
          }
        >
          {w.label}
        </button>
      ))}
    </div>
  );
}
