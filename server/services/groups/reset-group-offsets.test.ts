import { describe, expect, it } from "vitest";
import { ApiError } from "@/server/http/api-error";
import { nextOffset } from "./reset-group-offsets";

const o = { start: "10", end: "100" };

describe("nextOffset", () => {
  it("moves to the log's ends", () => {
    expect(nextOffset({ type: "earliest" }, o, "50")).toBe("10");
    expect(nextOffset({ type: "latest" }, o, "50")).toBe("100");
  });

  it("shifts from the committed offset; beyond the log only when asked to clamp", () => {
    expect(nextOffset({ type: "shift", by: -15, clamp: false }, o, "50")).toBe("35");
    expect(nextOffset({ type: "shift", by: 5, clamp: false }, o, null)).toBe("15");
    expect(() => nextOffset({ type: "shift", by: -500, clamp: false }, o, "50")).toThrow(
      /gives -450, outside the partition's range 10–100/,
    );
    expect(nextOffset({ type: "shift", by: -500, clamp: true }, o, "50")).toBe("10");
    expect(nextOffset({ type: "shift", by: 500, clamp: true }, o, "50")).toBe("100");
  });

  it("uses the broker's answer for a timestamp, and the end when no record is that new", () => {
    expect(nextOffset({ type: "timestamp", timestamp: 1 }, o, "50", "42")).toBe("42");
    expect(nextOffset({ type: "timestamp", timestamp: 1 }, o, "50", "-1")).toBe("100");
  });

  it("refuses an explicit offset outside the log unless asked to clamp", () => {
    expect(nextOffset({ type: "offset", offset: "60", clamp: false }, o, null)).toBe("60");
    expect(() => nextOffset({ type: "offset", offset: "101", clamp: false }, o, null)).toThrow(ApiError);
    expect(() => nextOffset({ type: "offset", offset: "9", clamp: false }, o, null)).toThrow(
      /outside the partition's range 10–100/,
    );
    expect(nextOffset({ type: "offset", offset: "101", clamp: true }, o, null)).toBe("100");
  });
});
