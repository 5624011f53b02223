/** A server-sent event as the wire parser hands it over (data already joined, not yet JSON-parsed). */
export type RawSseEvent = { event: string; data: string; id?: string };

/**
 * Incremental text/event-stream parser (the WHATWG rules that matter here): feed it decoded text chunks in
 * any split, get whole events back. Comments (`: ping`) and `retry:` lines are skipped.
 */
export class SseParser {
  private buffer = "";
  private event = "";
  private data: string[] = [];
  private id: string | undefined;
  lastEventId: string | undefined;

  feed(chunk: string): RawSseEvent[] {
    this.buffer += chunk;
    const events: RawSseEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = this.buffer.indexOf("\n", start);
      if (nl === -1) break;
      let line = this.buffer.slice(start, nl);
      start = nl + 1;
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (line === "") {
        if (this.data.length > 0) {
          events.push({
            event: this.event || "message",
            data: this.data.join("\n"),
            ...(this.id !== undefined ? { id: this.id } : {}),
          });
        }
        if (this.id !== undefined) this.lastEventId = this.id;
        this.event = "";
        this.data = [];
        this.id = undefined;
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "event") this.event = value;
      else if (field === "data") this.data.push(value);
      else if (field === "id" && !value.includes("\0")) this.id = value;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }
}
