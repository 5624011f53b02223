import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime, formatDayClock, isTimeZone, zoneLabel } from "./time";

const t = Date.UTC(2026, 10, 30, 20, 23, 24, 390);

describe("time formatting", () => {
  it("is 24-hour year-month-day in UTC", () => {
    expect(formatDateTime(t, "UTC")).toBe("2026-11-30 20:23:24");
    expect(formatDateTime(t, "UTC", { millis: true })).toBe("2026-11-30 20:23:24.390");
    expect(formatDateTime(new Date(t).toISOString(), "UTC")).toBe("2026-11-30 20:23:24");
    expect(formatClock(t, "UTC")).toBe("20:23:24");
    expect(formatDayClock(t, "UTC")).toBe("11-30 20:23");
    expect(zoneLabel("UTC")).toBe("UTC");
  });

  it("switches with the zone and keeps the same shape", () => {
    expect(formatDateTime(t, "Europe/Berlin")).toBe("2026-11-30 21:23:24");
    expect(formatClock(t, "America/New_York")).toBe("15:23:24");
    expect(formatClock(Date.UTC(2026, 0, 1, 0, 5, 0), "UTC")).toBe("00:05:00");
  });

  it("treats unknown zones as UTC and missing instants as a dash", () => {
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(formatDateTime(t, "Mars/Olympus")).toBe("2026-11-30 20:23:24");
    expect(formatDateTime(null, "UTC")).toBe("—");
  });
});
