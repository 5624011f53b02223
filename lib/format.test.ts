import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration } from "./format";

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

describe("formatBytes", () => {
  it("uses binary units with a few significant digits", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(200_000)).toBe("195.3 KiB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5 GiB");
    expect(formatBytes(null)).toBe("—");
  });
});
