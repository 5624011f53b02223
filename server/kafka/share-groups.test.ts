import { describe, expect, it } from "vitest";
import { toApiSupport } from "./api-versions";
import { shareGroupSupportFrom } from "./share-groups";

const api = (apiKey: number, name: string, minVersion: number, maxVersion: number) => ({
  apiKey,
  name,
  minVersion,
  maxVersion,
});
const base = [api(16, "ListGroups", 0, 5), api(69, "ConsumerGroupDescribe", 0, 1)];

describe("shareGroupSupportFrom (which clusters have share groups, from ApiVersions)", () => {
  it("Kafka 4.3 (ShareGroupDescribe v1, DescribeShareGroupOffsets v0–1): supported, offsets with lag (v1)", () => {
    const s = shareGroupSupportFrom(
      toApiSupport([...base, api(77, "ShareGroupDescribe", 1, 1), api(90, "DescribeShareGroupOffsets", 0, 1)]),
    );
    expect(s).toEqual({ supported: true, reason: null, offsetsVersion: 1 });
  });

  it("Kafka 4.1 (DescribeShareGroupOffsets v0 only): supported, start offsets without the broker's lag", () => {
    expect(
      shareGroupSupportFrom(
        toApiSupport([...base, api(77, "ShareGroupDescribe", 1, 1), api(90, "DescribeShareGroupOffsets", 0, 0)]),
      ),
    ).toMatchObject({ supported: true, offsetsVersion: 0 });
  });

  it("Kafka 3.9, or share groups disabled (no share-group APIs): not supported, with a sentence saying why", () => {
    const s = shareGroupSupportFrom(toApiSupport(base));
    expect(s.supported).toBe(false);
    expect(s.reason).toMatch(/do not support share groups .*share\.version/);
  });

  it("Kafka 4.0 early access (ShareGroupDescribe v0 only, a different format): not supported", () => {
    expect(
      shareGroupSupportFrom(
        toApiSupport([...base, api(77, "ShareGroupDescribe", 0, 0), api(90, "DescribeShareGroupOffsets", 0, 0)]),
      ).supported,
    ).toBe(false);
  });
});
