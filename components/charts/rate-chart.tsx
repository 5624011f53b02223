"use client";

import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

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
  const s = abs >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : abs >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : abs >= 10 ? v.toFixed(0) : v.toFixed(1);
  return `${s}${unit}`;
}

const clock = (t: number) => new Date(t).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const day = (t: number) => new Date(t).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

/**
 * A live line chart over a fixed time window: no animation (points arrive every few seconds), null values
 * drawn as gaps (a failed sample is not a zero), readable units on the axis and in the tooltip.
 */
export function RateChart({ rows, series, windowMs, unit = "/s", height = 220, testId, emptyText }: { rows: ChartRow[]; series: Series[]; windowMs: number; unit?: string; height?: number; testId?: string; emptyText: string }) {
  const now = rows.at(-1)?.t ?? 0;
  const data = useMemo(() => rows.filter((r) => r.t >= now - windowMs), [rows, now, windowMs]);
  if (data.length === 0) {
    return (
      <div className="flex items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500 dark:border-slate-700" style={{ height }} data-testid={testId}>
        {emptyText}
      </div>
    );
  }
  return (
    <div data-testid={testId} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
          <XAxis dataKey="t" type="number" domain={[now - windowMs, now]} tickFormatter={windowMs > 60 * 60_000 ? day : clock} tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.5} />
          <YAxis tickFormatter={(v: number) => formatRate(v, "")} tick={{ fontSize: 11 }} width={48} stroke="currentColor" strokeOpacity={0.5} />
          <Tooltip labelFormatter={(t) => (windowMs > 60 * 60_000 ? day : clock)(Number(t))} formatter={(v) => formatRate(typeof v === "number" ? v : null, unit)} contentStyle={{ fontSize: 12 }} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} dot={data.length < 3} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function WindowPicker({ value, onChange }: { value: WindowId; onChange: (w: WindowId) => void }) {
  return (
    <div className="inline-flex rounded-md border border-slate-200 text-xs dark:border-slate-700" role="group" aria-label="Time range">
      {WINDOWS.map((w) => (
        <button key={w.id} type="button" onClick={() => onChange(w.id)} aria-pressed={value === w.id} className={value === w.id ? "bg-slate-100 px-2 py-1 font-medium dark:bg-slate-800" : "px-2 py-1 text-slate-500"}>
          {w.label}
        </button>
      ))}
    </div>
  );
}
