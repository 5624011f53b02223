import { describe, expect, it } from "vitest";
import { computeRates, type OffsetSample } from "./rates";

const sample = (
  t: number,
  topics: Record<string, number>,
  groups: Record<string, [number, number]> = {},
): OffsetSample => ({
  t,
  topicEnds: new Map(Object.entries(topics)),
  groups: new Map(Object.entries(groups).map(([g, [committed, lag]]) => [g, { committed, lag }])),
});

describe("computeRates", () => {
  it("has no rates on the first sample", () => {
    const r = computeRates(null, sample(0, { a: 10 }, { g: [5, 5] }));
    expect(r.produceRate).toBeNull();
    expect(r.topics).toEqual([{ topic: "a", end: 10, rate: null }]);
    expect(r.groups).toEqual([{ groupId: "g", lag: 5, rate: null, lagSeconds: null }]);
  });

  it("derives per-topic and cluster produce rates, per-group and total consume rates", () => {
    const r = computeRates(sample(0, { a: 10, b: 0 }, { g: [5, 5] }), sample(5000, { a: 60, b: 25 }, { g: [30, 30] }));
    expect(r.topics).toEqual([
      { topic: "a", end: 60, rate: 10 },
      { topic: "b", end: 25, rate: 5 },
    ]);
    expect(r.produceRate).toBe(15);
    expect(r.groups).toEqual([{ groupId: "g", lag: 30, rate: 5, lagSeconds: null }]);
    expect(r.consumeRate).toBe(5);
  });

  it("gives no rate for a counter that went back (topic recreated) or a new topic, and idle topics rate 0", () => {
    const r = computeRates(sample(0, { a: 100, idle: 7 }), sample(1000, { a: 3, idle: 7, fresh: 9 }));
    expect(r.topics.find((x) => x.topic === "a")!.rate).toBeNull();
    expect(r.topics.find((x) => x.topic === "fresh")!.rate).toBeNull();
    expect(r.topics.find((x) => x.topic === "idle")!.rate).toBe(0);
    expect(r.produceRate).toBe(0);
  });
});
