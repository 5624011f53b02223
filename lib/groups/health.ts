import { HEALTH_STATUSES } from "@/lib/schemas/groups";

/**
 * Burrow-style consumer health, without thresholds: judged from a sliding window of observations per partition
 * (committed offset and log-end offset at a time), the way Burrow evaluates its window of commits.
 */
export type Observation = { t: number; committed: number | null; end: number };
export type HealthStatus = (typeof HEALTH_STATUSES)[number];
export type PartitionHealth = { status: HealthStatus; rule: string };

/** Observations needed before anything but OK is said. */
export const MIN_WINDOW = 3;
/** Worse statuses rank higher (HEALTH_STATUSES lists them mildest first). */
export const severity = (status: HealthStatus): number => HEALTH_STATUSES.indexOf(status);

const lagOf = (o: Observation) => (o.committed === null ? null : Math.max(0, o.end - o.committed));
const span = (w: Observation[]) => `${Math.round((w[w.length - 1].t - w[0].t) / 1000)} s`;

/**
 * One partition's verdict, first rule that fires:
 * REWIND the committed offset went back; OK any window point had zero lag (caught up at some moment);
 * STOP the offset did not move across the window while lag > 0 and nobody consumes the partition;
 * STALL the same while a member holds it (it commits, or should, but makes no progress);
 * WARNING the offset moves but lag grew over the window, not falling in at least 3 of 4 steps (Burrow asks
 * for every step; commits arrive in batches, so one dip would hide a consumer falling behind); OK otherwise.
 */
export function evaluatePartition(window: Observation[], hasConsumer: boolean): PartitionHealth {
  // Runs for every committed partition of every group at every sampler tick (tens of thousands): no arrays are
  // built, and the rule's sentence is only written when someone reads it.
  const w = window.some((o) => o.committed === null) ? window.filter((o) => o.committed !== null) : window;
  if (w.length < MIN_WINDOW) {
    return { status: "OK", rule: `not enough history yet (${w.length} of ${MIN_WINDOW} samples)` };
  }
  for (let i = 1; i < w.length; i++) {
    if (w[i].committed! < w[i - 1].committed!) {
      const [from, to] = [w[i - 1].committed, w[i].committed];
      return lazy("REWIND", () => `committed offset went back from ${from} to ${to}`);
    }
  }
  for (const o of w) if (lagOf(o) === 0) return lazy("OK", () => `caught up at least once in the last ${span(w)}`);
  const first = w[0];
  const lag = lagOf(w[w.length - 1])!;
  if (w[w.length - 1].committed! === first.committed!) {
    return hasConsumer
      ? lazy(
          "STALL",
          () =>
            `a member holds it but the committed offset stayed at ${first.committed} for ${span(w)} while lag is ${lag}`,
        )
      : lazy(
          "STOP",
          () => `no consumer and the committed offset stayed at ${first.committed} for ${span(w)} while lag is ${lag}`,
        );
  }
  const steps = w.length - 1;
  let notFalling = 0;
  for (let i = 1; i < w.length; i++) if (lagOf(w[i])! >= lagOf(w[i - 1])!) notFalling++;
  const lag0 = lagOf(first)!;
  if (lag > lag0 && notFalling >= Math.ceil(steps * 0.75)) {
    return lazy(
      "WARNING",
      () =>
        `consuming, but falling behind: lag ${lag0} → ${lag} in ${span(w)}, growing in ${notFalling} of ${steps} samples`,
    );
  }
  return lazy("OK", () => `consuming; lag ${lag}, not growing`);
}

/** A verdict whose sentence is written on first read (an enumerable getter: it serialises like a plain field). */
function lazy(status: HealthStatus, text: () => string): PartitionHealth {
  let rule: string | undefined;
  return {
    status,
    get rule() {
      return (rule ??= text());
    },
  };
}

/** The group's verdict: its worst partition's, naming the partition. */
export function evaluateGroup(partitions: { topic: string; partition: number; health: PartitionHealth }[]): {
  status: HealthStatus;
  rule: string;
} {
  let worst: (typeof partitions)[number] | undefined;
  for (const p of partitions) if (!worst || severity(p.health.status) > severity(worst.health.status)) worst = p;
  if (!worst) return { status: "OK", rule: "no committed offsets" };
  if (worst.health.status === "OK") {
    return {
      status: "OK",
      rule: partitions.length === 1 ? worst.health.rule : `every partition OK (${partitions.length})`,
    };
  }
  const others = partitions.filter((p) => p.health.status === worst!.health.status).length - 1;
  return {
    status: worst.health.status,
    rule: `${worst.topic}-${worst.partition}: ${worst.health.rule}${others ? ` (and ${others} more partition${others > 1 ? "s" : ""})` : ""}`,
  };
}

/**
 * Lag in seconds by the Kafka Lag Exporter method: the time at which the log end passed the committed offset,
 * interpolated between sampled (end offset, time) points; now − that time. 0 when caught up. Before the oldest
 * point, extrapolated at the average production rate of the table (marked so). null without enough points.
 */
export function estimateLagSeconds(
  points: { t: number; end: number }[],
  committed: number,
  now: number,
): { seconds: number; extrapolated: boolean } | null {
  if (points.length === 0) return null;
  const last = points[points.length - 1];
  if (committed >= last.end) return { seconds: 0, extrapolated: false };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.end <= committed && committed < b.end) {
      const at = a.t + ((committed - a.end) * (b.t - a.t)) / (b.end - a.end);
      return { seconds: Math.max(0, (now - at) / 1000), extrapolated: false };
    }
  }
  const first = points[0];
  if (points.length < 2 || last.end === first.end) return null;
  const rate = (last.end - first.end) / (last.t - first.t); // records per ms
  const at = first.t - (first.end - committed) / rate;
  return { seconds: Math.max(0, (now - at) / 1000), extrapolated: true };
}

/**
 * Seconds until the lag is gone at the recent rates (Σ committed and Σ end over the window), or why never.
 */
export function timeToCatchUp(
  first: { t: number; committed: number; end: number },
  last: { t: number; committed: number; end: number },
): { seconds: number | null; reason?: string } {
  const lag = Math.max(0, last.end - last.committed);
  if (lag === 0) return { seconds: 0 };
  const dt = (last.t - first.t) / 1000;
  if (dt <= 0) return { seconds: null, reason: "not enough history yet" };
  const consume = (last.committed - first.committed) / dt;
  const produce = (last.end - first.end) / dt;
  if (consume <= produce) {
    return {
      seconds: null,
      reason:
        consume <= 0
          ? "not consuming"
          : `consuming ${consume.toFixed(1)}/s, slower than the ${produce.toFixed(1)}/s produced`,
    };
  }
  return { seconds: lag / (consume - produce) };
}
