import { describe, expect, it } from "vitest";
import { estimateLagSeconds, evaluateGroup, evaluatePartition, timeToCatchUp, type Observation } from "./health";

const win = (rows: [number, number][], step = 10_000): Observation[] =>
  rows.map(([committed, end], i) => ({ t: i * step, committed, end }));

describe("evaluatePartition", () => {
  it("says OK until the window has enough samples", () => {
    expect(evaluatePartition(win([[0, 100]]), false)).toMatchObject({
      status: "OK",
      rule: expect.stringContaining("not enough history"),
    });
  });
  it("STOP: no consumer, offset not moving, lag > 0", () => {
    const h = evaluatePartition(
      win([
        [50, 100],
        [50, 120],
        [50, 140],
      ]),
      false,
    );
    expect(h.status).toBe("STOP");
    expect(h.rule).toBe("no consumer and the committed offset stayed at 50 for 20 s while lag is 90");
  });
  it("STALL: a member holds the partition but does not progress", () => {
    expect(
      evaluatePartition(
        win([
          [50, 100],
          [50, 100],
          [50, 100],
        ]),
        true,
      ).status,
    ).toBe("STALL");
  });
  it("WARNING: consuming but lag grows over the window, one batch-commit dip allowed", () => {
    expect(
      evaluatePartition(
        win([
          [10, 100],
          [20, 130],
          [30, 170],
        ]),
        true,
      ),
    ).toMatchObject({ status: "WARNING", rule: expect.stringContaining("90 → 140") });
    expect(
      evaluatePartition(
        win([
          [10, 100],
          [20, 130],
          [60, 150],
          [70, 190],
          [80, 230],
        ]),
        true,
      ).status,
    ).toBe("WARNING");
    expect(
      evaluatePartition(
        win([
          [10, 100],
          [20, 130],
          [90, 140],
          [100, 150],
          [110, 190],
        ]),
        true,
      ).status,
    ).toBe("OK");
  });
  it("OK: consuming with lag going down, or caught up at any point (idle topics included)", () => {
    expect(
      evaluatePartition(
        win([
          [10, 100],
          [60, 120],
          [110, 140],
        ]),
        true,
      ).status,
    ).toBe("OK");
    expect(
      evaluatePartition(
        win([
          [100, 100],
          [100, 100],
          [100, 100],
        ]),
        false,
      ).status,
    ).toBe("OK");
  });
  it("REWIND beats everything", () => {
    expect(
      evaluatePartition(
        win([
          [50, 100],
          [20, 100],
          [30, 100],
        ]),
        true,
      ),
    ).toMatchObject({ status: "REWIND", rule: "committed offset went back from 50 to 20" });
  });
});

describe("evaluateGroup", () => {
  it("takes the worst partition and names it", () => {
    const g = evaluateGroup([
      { topic: "a", partition: 0, health: { status: "OK", rule: "x" } },
      { topic: "a", partition: 1, health: { status: "STOP", rule: "stopped" } },
      { topic: "b", partition: 0, health: { status: "WARNING", rule: "w" } },
    ]);
    expect(g).toEqual({ status: "STOP", rule: "a-1: stopped" });
  });
});

describe("estimateLagSeconds", () => {
  const points = [
    { t: 0, end: 0 },
    { t: 10_000, end: 100 },
    { t: 20_000, end: 300 },
  ];
  it("interpolates between the sampled end offsets", () => {
    expect(estimateLagSeconds(points, 200, 30_000)).toEqual({ seconds: 15, extrapolated: false });
  });
  it("is 0 when caught up, even on an idle topic", () => {
    expect(
      estimateLagSeconds(
        [
          { t: 0, end: 50 },
          { t: 600_000, end: 50 },
        ],
        50,
        900_000,
      ),
    ).toEqual({ seconds: 0, extrapolated: false });
  });
  it("extrapolates before the oldest point at the average rate", () => {
    expect(
      estimateLagSeconds(
        [
          { t: 10_000, end: 100 },
          { t: 20_000, end: 200 },
        ],
        50,
        20_000,
      ),
    ).toEqual({ seconds: 15, extrapolated: true });
  });
});

describe("timeToCatchUp", () => {
  it("divides the lag by the net consume rate, or says why it will not catch up", () => {
    expect(timeToCatchUp({ t: 0, committed: 0, end: 100 }, { t: 10_000, committed: 100, end: 150 })).toEqual({
      seconds: 10,
    });
    expect(timeToCatchUp({ t: 0, committed: 0, end: 100 }, { t: 10_000, committed: 0, end: 150 }).reason).toBe(
      "not consuming",
    );
  });
});
