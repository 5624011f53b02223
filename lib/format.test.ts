import { describe, expect, it } from "vitest";
import { formatDuration } from "./format";

describe("formatDuration", () => {
  it("reads like a person would say it", () => {
    expect(formatDuration(604_800_000)).toBe("7 d");
    expect(formatDuration(86_400_000)).toBe("1 d");
    expect(formatDuration(43_200_000)).toBe("12 h");
    expect(formatDuration(5_400_000)).toBe("1.5 h");
    expect(formatDuration(60_000)).toBe("1 min");
    expect(formatDuration(250)).toBe("250 ms");
    expect(formatDuration(0)).toBe("0 ms");
  });

  it("shows Kafka's -1 as forever and a missing value as a dash", () => {
    expect(formatDuration(-1)).toBe("forever");
    expect(formatDuration(null)).toBe("—");
  });
});
