import { describe, expect, it } from "vitest";
import { SseParser } from "./parse";

describe("SseParser", () => {
  it("joins events split across chunks at any point", () => {
    const wire = 'retry: 3000\n: open\n\nevent: messages\nid: 7\ndata: {"a":1}\n\nevent: done\ndata: {}\n\n';
    for (let cut = 0; cut <= wire.length; cut++) {
      const p = new SseParser();
      const events = [...p.feed(wire.slice(0, cut)), ...p.feed(wire.slice(cut))];
      expect(events).toEqual([
        { event: "messages", data: '{"a":1}', id: "7" },
        { event: "done", data: "{}" },
      ]);
      expect(p.lastEventId).toBe("7");
    }
  });

  it("skips comments and heartbeats, handles CRLF and multi-line data", () => {
    const p = new SseParser();
    expect(p.feed(": ping\r\n\r\ndata: one\r\ndata: two\r\n\r\n")).toEqual([{ event: "message", data: "one\ntwo" }]);
  });
});
