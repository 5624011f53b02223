import { SseParser } from "@/lib/sse/parse";

export type ReceivedEvent = { event: string; id?: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Reads a text/event-stream Response until `until` says stop (or the timeout), then cancels it the way a
 * browser leaving the page does. Returns every event received.
 */
export async function readEvents(
  res: Response,
  until: (events: ReceivedEvent[]) => boolean,
  timeoutMs = 20_000,
): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = [];
  const parser = new SseParser();
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<"timeout">((r) => setTimeout(() => r("timeout"), Math.max(1, deadline - Date.now()))),
      ]);
      if (next === "timeout" || next.done) break;
      for (const e of parser.feed(next.value)) {
        events.push({ event: e.event, id: e.id, data: JSON.parse(e.data) });
      }
      if (until(events)) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return events;
}

export const messagesOf = (events: ReceivedEvent[]) =>
  events.filter((e) => e.event === "messages").flatMap((e) => e.data.messages);
