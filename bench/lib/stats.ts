export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q; // linear interpolation between closest ranks
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
export const median = (xs: number[]) => quantile(xs, 0.5);
export const p95 = (xs: number[]) => quantile(xs, 0.95);

/** Percentile bootstrap 95% interval of stat(a)/stat(b), resampling each sample set independently. */
export function bootstrapRatio(
  a: number[],
  b: number[],
  stat: (xs: number[]) => number,
  iterations = 4000,
): [number, number] {
  let seed = 42;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const resample = (xs: number[]) => xs.map(() => xs[Math.floor(rand() * xs.length)]);
  const r: number[] = [];
  for (let i = 0; i < iterations; i++) r.push(stat(resample(a)) / stat(resample(b)));
  return [quantile(r, 0.025), quantile(r, 0.975)];
}

export const fmtMs = (ms: number) =>
  Number.isNaN(ms) ? "—" : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
export const fmtMB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Peak RSS, sampled every 100 ms (the Confluent harness cadence) plus on demand. */
export class RssSampler {
  peak = process.memoryUsage.rss();
  private timer = setInterval(() => this.sample(), 100).unref();
  sample(): number {
    const r = process.memoryUsage.rss();
    if (r > this.peak) this.peak = r;
    return r;
  }
  resetPeak(): void {
    this.peak = process.memoryUsage.rss();
  }
  stop(): void {
    clearInterval(this.timer);
  }
}
