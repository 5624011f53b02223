/**
 * Compact stored form of a sampler tick, and the rollup of many into one (pure, unit-tested). Rates average
 * over the ticks that succeeded; lag takes the last value (what an operator saw at the end of the bucket); a
 * bucket where every tick failed stays a failure, so charts keep the gap.
 */
export type StoredTick = {
  ok: boolean;
  /** produce / consume rate (records/s) */
  p?: number | null;
  c?: number | null;
  /** topic → rate */
  t?: Record<string, number | null>;
  /** group → [lag, rate, lag seconds (estimate, may be absent in older samples)] */
  g?: Record<string, [number, number | null, (number | null)?]>;
  e?: string;
};

const avg = (xs: (number | null | undefined)[]): number | null => {
  const v = xs.filter((x): x is number => typeof x === "number");
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

export function rollup(ticks: StoredTick[]): StoredTick {
  const ok = ticks.filter((x) => x.ok);
  if (ok.length === 0) return { ok: false, e: ticks.at(-1)?.e ?? "no successful sample" };
  const topics = new Set(ok.flatMap((x) => Object.keys(x.t ?? {})));
  const groups = new Set(ok.flatMap((x) => Object.keys(x.g ?? {})));
  const t: Record<string, number | null> = {};
  for (const name of topics) t[name] = avg(ok.map((x) => x.t?.[name]));
  const g: Record<string, [number, number | null, (number | null)?]> = {};
  for (const id of groups) {
    const last = [...ok].reverse().find((x) => x.g?.[id])!.g![id];
    g[id] = [last[0], avg(ok.map((x) => x.g?.[id]?.[1])), last[2] ?? null];
  }
  return { ok: true, p: avg(ok.map((x) => x.p)), c: avg(ok.map((x) => x.c)), t, g };
}

/** Start of the bucket a time falls in. */
export const bucketStart = (t: number, size: number) => t - (t % size);
