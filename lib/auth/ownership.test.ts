import { describe, expect, it } from "vitest";
import { prefixOwns, prefixProblem } from "./ownership";

describe("prefixOwns", () => {
  it("owns names that start with the prefix and end at a separator", () => {
    expect(["pay.x", "pay-x", "pay_x", "pay"].map((n) => prefixOwns("pay", n))).toEqual([true, true, true, true]);
    expect(prefixOwns("pay", "payroll.x")).toBe(false);
    expect(prefixOwns("pay.", "pay.orders")).toBe(true);
    expect(prefixOwns("pay.", "payroll")).toBe(false);
  });
  it("a raw prefix (trailing *) owns anything starting with it", () => {
    expect(prefixOwns("pay*", "payroll.x")).toBe(true);
    expect(prefixOwns("*", "anything")).toBe(false);
  });
  it("never owns Kafka's internal topics", () => {
    for (const p of ["_", "__", "__consumer*", "_*"]) {
      for (const n of ["__consumer_offsets", "__transaction_state", "__share_group_state", "__x"]) {
        expect(prefixOwns(p, n), `${p} ${n}`).toBe(false);
      }
    }
  });
});

describe("prefixProblem", () => {
  it("accepts separator-ended, bare and raw prefixes; refuses those that could reach internal names", () => {
    expect(["pay.", "pay", "pay*", "e2e.idp1."].map(prefixProblem)).toEqual([null, null, null, null]);
    for (const p of ["", "_", "__", "_x", ".x", "-x", "pa y", "p*y", "*"]) expect(prefixProblem(p), p).not.toBeNull();
  });
});
