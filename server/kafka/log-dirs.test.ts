import { describe, expect, it } from "vitest";
import { deriveBytesRate, partitionSize, toSizeSnapshot } from "./log-dirs";

const dir = (
  logDir: string,
  topics: [string, [number, number, boolean?][]][],
  totalBytes = 1000n,
  usableBytes = 400n,
) => ({
  logDir,
  totalBytes,
  usableBytes,
  topics: topics.map(([name, parts]) => ({
    name,
    partitions: parts.map(([partitionIndex, size, future]) => ({
      partitionIndex,
      partitionSize: BigInt(size),
      offsetLag: 0n,
      isFutureKey: !!future,
    })),
  })),
});

describe("toSizeSnapshot", () => {
  it("converts bigint at the seam and totals per log dir, per partition (largest current replica) and per topic (all replicas on disk)", () => {
    const s = toSizeSnapshot(1, [
      {
        broker: 2,
        throttleTimeMs: 0,
        results: [
          dir("/b", [
            [
              "t",
              [
                [0, 100],
                [1, 50],
              ],
            ],
          ]),
        ],
      },
      {
        broker: 1,
        throttleTimeMs: 0,
        results: [dir("/a", [["t", [[0, 90]]]]), dir("/c", [["t", [[1, 60, true]]]], -1n, -1n)],
      },
    ]);
    expect(s.brokers.map((b) => b.brokerId)).toEqual([1, 2]);
    expect(s.brokers[0].logDirs).toEqual([
      { path: "/a", sizeBytes: 90, totalBytes: 1000, usableBytes: 400 },
      // -1: the broker does not report the volume (DescribeLogDirs < v4)
      { path: "/c", sizeBytes: 60, totalBytes: null, usableBytes: null },
    ]);
    // partition 0: replicas 100 and 90 → 100; partition 1: 50 (the future copy of 60 is not the partition's size)
    expect(s.topics.get("t")).toEqual({ sizeBytes: 150, diskBytes: 300 });
    expect(partitionSize(s.replicas.get("t")!.get(1))).toBe(50);
    expect(partitionSize(undefined)).toBeNull();
  });
});

describe("deriveBytesRate", () => {
  const snap = (at: number, sizes: Record<string, number[]>) =>
    toSizeSnapshot(at, [
      {
        broker: 1,
        throttleTimeMs: 0,
        results: [
          dir(
            "/d",
            Object.entries(sizes).map(([t, ps]) => [t, ps.map((size, i) => [i, size] as [number, number])]),
          ),
        ],
      },
    ]);

  it("is the size growth per second, per topic or for the cluster", () => {
    const a = snap(0, { x: [100, 100], y: [0] });
    const b = snap(4_000, { x: [500, 100], y: [800] });
    expect(deriveBytesRate(a, b)).toBe(300);
    expect(deriveBytesRate(a, b, "x")).toBe(100);
    expect(deriveBytesRate(a, b, "y")).toBe(200);
  });

  it("counts a partition that shrank (retention deleted a segment) or is new as no growth, and needs 2 s between samples", () => {
    const a = snap(0, { x: [1000] });
    expect(deriveBytesRate(a, snap(5_000, { x: [10], z: [5000] }))).toBe(0);
    expect(deriveBytesRate(a, snap(1_000, { x: [2000] }))).toBeNull();
  });
});
