import { describe, expect, it } from "vitest";
import { ApiError } from "@/server/http/api-error";
import { compareTopics, decodeCursor, encodeCursor } from "./topic-cursor";

describe("topic keyset cursor", () => {
  it("round-trips and refuses a cursor of another sort order", () => {
    const c = encodeCursor({ s: "records", d: "desc", v: 42, n: "shop.orders" });
    expect(decodeCursor(c, "records", "desc")).toEqual({ s: "records", d: "desc", v: 42, n: "shop.orders" });
    expect(() => decodeCursor(c, "name", "asc")).toThrow(ApiError);
    expect(() => decodeCursor("%%%not-base64", "name", "asc")).toThrow(/not valid/);
  });

  it("orders by value, nulls last in both directions, then by name", () => {
    const rows = [
      { v: null, n: "a" },
      { v: 3, n: "b" },
      { v: 10, n: "c" },
      { v: 3, n: "a" },
    ];
    const asc = [...rows].sort((x, y) => compareTopics(x, y, "asc")).map((r) => `${r.v}:${r.n}`);
    const desc = [...rows].sort((x, y) => compareTopics(x, y, "desc")).map((r) => `${r.v}:${r.n}`);
    expect(asc).toEqual(["3:a", "3:b", "10:c", "null:a"]);
    expect(desc).toEqual(["10:c", "3:a", "3:b", "null:a"]);
  });
});
