import { describe, expect, it } from "vitest";
import { toApiSupport } from "./api-versions";
import { metadataVersionName, releaseOfSupportedLevel, toQuorum, truthGaps } from "./cluster-truth";

describe("Kafka release from metadata.version", () => {
  it("names the release of the highest metadata.version a broker supports", () => {
    expect(releaseOfSupportedLevel(30)).toBe("4.3");
    expect(releaseOfSupportedLevel(25)).toBe("4.0");
    expect(releaseOfSupportedLevel(21)).toBe("3.9");
    expect(metadataVersionName(30)).toBe("4.3-IV0");
    expect(releaseOfSupportedLevel(31)).toBe("> 4.3");
    expect(metadataVersionName(42)).toMatch(/newer than 4\.3/);
  });
});

describe("toQuorum", () => {
  it("marks the leader and counts each replica's lag against the high watermark", () => {
    const q = toQuorum({
      leaderId: 2,
      leaderEpoch: 7,
      highWatermark: 100n,
      currentVoters: [
        {
          replicaId: 2,
          logEndOffset: 100n,
          lastFetchTimestamp: 1_700_000_000_000n,
          lastCaughtUpTimestamp: 1_700_000_000_000n,
        },
        { replicaId: 1, logEndOffset: 90n, lastFetchTimestamp: -1n, lastCaughtUpTimestamp: -1n },
      ],
      observers: [{ replicaId: 5, logEndOffset: -1n, lastFetchTimestamp: -1n, lastCaughtUpTimestamp: -1n }],
    });
    expect(q.voters.map((v) => [v.replicaId, v.isLeader, v.lag])).toEqual([
      [1, false, 10],
      [2, true, 0],
    ]);
    expect(q.voters[1].lastFetchAt).toBe(new Date(1_700_000_000_000).toISOString());
    expect(q.voters[0].lastFetchAt).toBeNull();
    expect(q.observers[0].lag).toBeNull();
  });
});

describe("truthGaps: what an older or ZooKeeper cluster cannot show, from ApiVersions", () => {
  const api = (apiKey: number, max: number) => ({ apiKey, name: String(apiKey), minVersion: 0, maxVersion: max });
  it("says nothing is missing on a Kafka 4 cluster", () => {
    expect(truthGaps(toApiSupport([api(18, 4), api(55, 2)]))).toEqual({ quorum: null, features: null });
  });
  it("explains a missing DescribeQuorum and an old ApiVersions", () => {
    const gaps = truthGaps(toApiSupport([api(18, 2)]));
    expect(gaps.quorum).toMatch(/do not support DescribeQuorum/);
    expect(gaps.features).toMatch(/ApiVersions below version 3/);
    expect(truthGaps(toApiSupport([api(18, 3), api(55, 1)])).quorum).toMatch(/Kafka 3\.8\+/);
  });
});
