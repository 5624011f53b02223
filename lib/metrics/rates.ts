/**
 * Rates and lag from two samples of offsets (pure, shared by the sampler and its tests). A rate needs two
 * samples; a counter that went backwards (topic deleted and recreated, offsets reset) gives no rate rather than
 * a negative one; a topic or group that is new has no rate yet.
 */
export type OffsetSample = {
  t: number;
  /** topic → Σ end offsets over its partitions */
  topicEnds: Map<string, number>;
  /** group → Σ committed offsets, and Σ lag (end − committed over partitions it committed) */
  groups: Map<string, { committed: number; lag: number; lagSeconds?: number | null }>;
};

export type RateSample = {
  t: number;
  produceRate: number | null;
  consumeRate: number | null;
  topics: { topic: string; rate: number | null; end: number }[];
  /** lagSeconds: the estimate for the group's slowest partition (null until enough history) */
  groups: { groupId: string; lag: number; rate: number | null; lagSeconds?: number | null }[];
};

function rate(prev: number | undefined, cur: number, seconds: number): number | null {
  if (prev === undefined || seconds <= 0 || cur < prev) return null;
  return (cur - prev) / seconds;
}

export function computeRates(prev: OffsetSample | null, cur: OffsetSample): RateSample {
  const seconds = prev ? (cur.t - prev.t) / 1000 : 0;
  const topics = [...cur.topicEnds].map(([topic, end]) => ({
    topic,
    end,
    rate: prev ? rate(prev.topicEnds.get(topic), end, seconds) : null,
  }));
  const groups = [...cur.groups].map(([groupId, g]) => ({
    groupId,
    lag: g.lag,
    rate: prev ? rate(prev.groups.get(groupId)?.committed, g.committed, seconds) : null,
    lagSeconds: g.lagSeconds ?? null,
  }));
  const sum = (xs: (number | null)[]) =>
    prev && xs.some((x) => x !== null) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : prev ? 0 : null;
  return {
    t: cur.t,
    produceRate: sum(topics.map((x) => x.rate)),
    consumeRate: sum(groups.map((x) => x.rate)),
    topics,
    groups,
  };
}
