import { describe, expect, it } from "vitest";
import { redriveBodySchema, replayBodySchema, replayProgress } from "./replay";

const part = (partition: number, start: string, position: string, end: string) => ({ partition, start, position, end });

describe("replay progress and input", () => {
  it("measures the share of the source range read, from each partition's start", () => {
    expect(
      replayProgress({ state: "running", partitions: [part(0, "100", "150", "200"), part(1, "0", "0", "100")] }),
    ).toBe(0.25);
    expect(replayProgress({ state: "running", partitions: [part(0, "5", "5", "5")] })).toBe(1);
    expect(replayProgress({ state: "done", partitions: [part(0, "0", "0", "10")] })).toBe(1);
  });

  it("refuses a start without its offset, a reversed window, and a redrive without a header", () => {
    const dest = { destination: { clusterId: "local", topic: "t" } };
    expect(replayBodySchema.safeParse({ ...dest, start: "offset" }).error?.issues[0].path).toEqual(["offset"]);
    expect(replayBodySchema.safeParse({ ...dest, from: 2, to: 1 }).error?.issues[0].path).toEqual(["to"]);
    expect(redriveBodySchema.safeParse({}).error?.issues[0].path).toEqual(["header"]);
    expect(redriveBodySchema.safeParse({ preset: "spring" }).success).toBe(true);
  });
});
