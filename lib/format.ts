export const formatNumber = (n: number) => new Intl.NumberFormat("en").format(n);

export function formatRelativeTime(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

const DURATION_UNITS: [number, string][] = [
  [86_400_000, "d"],
  [3_600_000, "h"],
  [60_000, "min"],
  [1_000, "s"],
];

/** A retention or other duration in ms, human-readable: "7 d", "12 h", "1.5 h", "250 ms"; -1 (Kafka's "unlimited") is "forever". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 0) return "forever";
  if (ms === 0) return "0 ms";
  for (const [size, unit] of DURATION_UNITS) {
    if (ms >= size) {
      const v = ms / size;
      return `${Number.isInteger(v) ? v : Number(v.toFixed(1))} ${unit}`;
    }
  }
  return `${ms} ms`;
}

/** A lag in seconds: "0 s" when caught up, "< 1 s", else the duration rounded to what a person reads. */
export function formatLagTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds === 0) return "0 s";
  if (seconds < 1) return "< 1 s";
  return formatDuration(seconds < 120 ? Math.round(seconds) * 1000 : Math.round(seconds / 60) * 60_000);
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** Bytes in binary units: "0 B", "512 B", "1.5 KiB", "20 GiB"; "—" for null. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  let v = Math.abs(n);
  let i = 0;
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const shown = i === 0 ? String(Math.round(v)) : String(Number(v.toFixed(v < 10 ? 2 : 1)));
  return `${n < 0 ? "-" : ""}${shown} ${BYTE_UNITS[i]}`;
}
