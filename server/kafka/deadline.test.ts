import { describe, expect, it } from "vitest";
import { withDeadline } from "./deadline";

describe("withDeadline", () => {
  it("aborts the work's signal at the deadline, so abandoned work stops instead of running on", async () => {
    let rounds = 0;
    let stoppedBy: unknown = null;
    const work = (signal: AbortSignal) =>
      (async () => {
        try {
          for (;;) {
            signal.throwIfAborted();
            rounds++;
            await new Promise((r) => setTimeout(r, 10));
          }
        } catch (e) {
          stoppedBy = e;
          throw e;
        }
      })();
    await expect(withDeadline(100, "The test cluster", work)).rejects.toMatchObject({ code: "kafka_unavailable" });
    await new Promise((r) => setTimeout(r, 100));
    const after = rounds;
    await new Promise((r) => setTimeout(r, 100));
    expect(rounds).toBe(after);
    expect(stoppedBy).toMatchObject({ code: "kafka_unavailable" });
  });
});
