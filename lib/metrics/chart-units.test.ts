import { describe, expect, it } from "vitest";
import { CHART_UNITS, formatChartValue, hasTwoSamples } from "./chart-units";

describe("chart units", () => {
  it("ticks a lag in seconds as a duration, not as a count", () => {
    expect(CHART_UNITS.seconds.tick(1320)).toBe("22 min");
    expect(CHART_UNITS.seconds.tick(45)).toBe("45 s");
    expect(CHART_UNITS.seconds.tick(0)).toBe("0 s");
    expect(CHART_UNITS.seconds.tick(6000)).not.toMatch(/k$/);
    expect(formatChartValue(7200, "seconds")).toBe("2 h");
  });

  it("names records, rates and bytes in ticks and tooltips", () => {
    expect(CHART_UNITS.records.tick(1300)).toBe("1.3k");
    expect(CHART_UNITS.records.axis).toBe("records");
    expect(CHART_UNITS["records/s"].tick(1300)).toBe("1.3k/s");
    expect(formatChartValue(20.4, "records/s")).toBe("20 records/s");
    expect(formatChartValue(6000, "records")).toBe("6k records");
    expect(CHART_UNITS.bytes.tick(1536)).toBe("1.5 KiB");
    expect(formatChartValue(null, "records")).toBe("—");
  });

  it("needs two samples with a value before a line is drawn", () => {
    expect(hasTwoSamples([], ["a"])).toBe(false);
    expect(
      hasTwoSamples(
        [
          { t: 1, a: null },
          { t: 2, a: 5 },
        ],
        ["a"],
      ),
    ).toBe(false);
    expect(
      hasTwoSamples(
        [
          { t: 1, a: 3 },
          { t: 2, a: null, b: 1 },
        ],
        ["a", "b"],
      ),
    ).toBe(true);
  });
});
