import { formatLagTime } from "@/lib/format";

/** What a chart's values are; decides the axis label, the tick text and the tooltip text. */
export type ChartUnit = "records" | "records/s" | "seconds" | "bytes";

const compact = (v: number) => {
  const abs = Math.abs(v);
  return abs >= 1e6
    ? `${Number((v / 1e6).toFixed(1))}M`
    : abs >= 1e3
      ? `${Number((v / 1e3).toFixed(1))}k`
      : abs >= 10 || Number.isInteger(v)
        ? v.toFixed(0)
        : v.toFixed(1);
};

const bytes = (v: number) => {
  const abs = Math.abs(v);
  if (abs < 1024) return `${Math.round(v)} B`;
  if (abs < 1024 ** 2) return `${Number((v / 1024).toFixed(1))} KiB`;
  if (abs < 1024 ** 3) return `${Number((v / 1024 ** 2).toFixed(1))} MiB`;
  return `${Number((v / 1024 ** 3).toFixed(1))} GiB`;
};

/** A duration axis: "0 s", "45 s", "22 min", "3 h", never "1.3k". */
const duration = (v: number) => (v <= 0 ? "0 s" : formatLagTime(v));

export const CHART_UNITS: Record<
  ChartUnit,
  { axis: string; tick: (v: number) => string; value: (v: number) => string }
> = {
  records: { axis: "records", tick: compact, value: (v) => `${compact(v)} records` },
  "records/s": { axis: "records/s", tick: (v) => `${compact(v)}/s`, value: (v) => `${compact(v)} records/s` },
  seconds: { axis: "time behind", tick: duration, value: duration },
  bytes: { axis: "bytes", tick: bytes, value: bytes },
};

/** A value as the chart's tooltip shows it, in the chart's unit; "—" for a gap. */
export function formatChartValue(v: number | null | undefined, unit: ChartUnit): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "—" : CHART_UNITS[unit].value(v);
}

/**
 * Whether a chart has something to draw: a line needs two samples with a value. Until then the chart says it is
 * collecting the first samples instead of showing empty axes.
 */
export function hasTwoSamples<T extends Record<string, unknown>>(rows: T[], keys: string[]): boolean {
  let n = 0;
  for (const r of rows) if (keys.some((k) => typeof r[k] === "number")) if (++n >= 2) return true;
  return false;
}

export const COLLECTING_TEXT = "Collecting the first samples…";
