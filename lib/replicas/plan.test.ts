import { describe, expect, it } from "vitest";
import { diffPlan, generatePlan } from "./plan";

const rf1 = [0, 1, 2, 3, 4, 5].map((partition) => ({ partition, replicas: [(partition % 3) + 1] }));

describe("generatePlan", () => {
  it("raising the replication factor keeps every current replica in place, leader first, and spreads the new ones evenly", () => {
    const plan = generatePlan(rf1, [1, 2, 3], 3);
    for (const p of plan) {
      expect(p.replicas[0]).toBe(rf1[p.partition].replicas[0]);
      expect(new Set(p.replicas).size).toBe(3);
    }
    const plan2 = generatePlan(rf1, [1, 2, 3], 2);
    const load = new Map<number, number>();
    for (const p of plan2) for (const b of p.replicas) load.set(b, (load.get(b) ?? 0) + 1);
    expect([...load.values()].sort()).toEqual([4, 4, 4]);
  });

  it("moving off a broker replaces only its replicas, onto the least loaded brokers", () => {
    const current = [0, 1, 2].map((partition) => ({ partition, replicas: [1, 2] }));
    const plan = generatePlan(current, [1, 3], 2);
    expect(plan.map((p) => p.replicas)).toEqual([
      [1, 3],
      [1, 3],
      [1, 3],
    ]);
    const { moves } = diffPlan(current, plan);
    expect(moves.map((m) => [m.adding, m.removing, m.leaderChanges])).toEqual([
      [[3], [2], false],
      [[3], [2], false],
      [[3], [2], false],
    ]);
  });

  it("lowering the replication factor keeps the preferred leader and drops replicas from the busiest broker", () => {
    const current = [0, 1, 2].map((partition) => ({
      partition,
      replicas: [
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ][partition],
    }));
    const plan = generatePlan(current, [1, 2, 3], 1);
    expect(plan.map((p) => p.replicas)).toEqual([[1], [2], [3]]);
  });

  it("refuses a factor above the number of brokers (the broker's own reason is asked for instead)", () => {
    expect(() => generatePlan(rf1, [1, 2, 3], 4)).toThrow(RangeError);
  });
});

describe("diffPlan", () => {
  it("lists only partitions whose replica list changes, and counts the rest as unchanged", () => {
    const current = [
      { partition: 0, replicas: [1] },
      { partition: 1, replicas: [2] },
      { partition: 2, replicas: [3] },
    ];
    const { moves, unchanged } = diffPlan(current, [
      { partition: 0, replicas: [1] },
      { partition: 1, replicas: [3, 2] },
    ]);
    expect(unchanged).toBe(2);
    expect(moves).toEqual([
      { partition: 1, current: [2], target: [3, 2], adding: [3], removing: [], leaderChanges: true },
    ]);
  });
});
