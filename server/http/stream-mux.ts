import "server-only";
import { SUB_END, SUB_ERROR, type MuxSubscription } from "@/lib/sse/stream-protocol";
import { ApiError } from "./api-error";
import { markMultiplexed, multiplexedSteps, streamError, type SseEvent } from "./sse";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type MuxRoute = { pattern: RegExp; params: string[]; handler: () => Promise<Handler> };

/** An event's data as JSON text, as formatSseEvent writes it. */
const dataJson = (e: SseEvent) => e.rawData ?? JSON.stringify(e.data);

/**
 * Runs each subscribed SSE route in this process, with the caller's headers (so the same actor and checks
 * apply) and that subscription's Last-Event-ID, and interleaves their events on one stream. The routes' events
 * arrive as objects (multiplexedSteps), never as SSE text. Each event keeps its name; its data becomes
 * {"k": key, "id": id, "d": original data} (MuxEventData in lib/sse/stream-protocol.ts). A subscription refused
 * before opening (4xx/5xx) becomes one `sub-error` event; one that ends becomes `sub-end`. The browser thus needs one
 * connection for any number of live views, whatever the 6-per-origin limit of HTTP/1.1.
 */
export function openMux(request: Request, subs: MuxSubscription[], routes: MuxRoute[]) {
  const resolved = subs.map((s) => {
    const url = new URL(s.u, request.url);
    for (const r of routes) {
      const m = r.pattern.exec(url.pathname);
      if (m && url.origin === new URL(request.url).origin) {
        const params = Object.fromEntries(r.params.map((name, i) => [name, m[i + 1]]));
        return { sub: s, url, route: r, params };
      }
    }
    throw new ApiError(
      "unprocessable_entity",
      `Subscription "${s.k}" names ${url.pathname}, which is not a live stream Sluice can multiplex.`,
      [{ path: "subs", issue: "unknown stream" }],
    );
  });

  return async function* events(signal: AbortSignal): AsyncGenerator<SseEvent> {
    const quote = JSON.stringify;
    const iterators = resolved.map(({ sub, url, route, params }) =>
      (async function* one(): AsyncGenerator<SseEvent> {
        const headers = new Headers(request.headers);
        headers.delete("last-event-id");
        if (sub.l) headers.set("last-event-id", sub.l);
        const handler = await route.handler();
        const res = await handler(markMultiplexed(new Request(url, { headers, signal })), {
          params: Promise.resolve(params),
        });
        const steps = res.status === 200 ? multiplexedSteps(res) : undefined;
        if (!steps) {
          const body = await res.text().catch(() => "");
          yield {
            event: SUB_ERROR,
            rawData: `{"k":${quote(sub.k)},"status":${res.status},"d":${body.trim().startsWith("{") ? body.trim() : quote(body)}}`,
          };
          return;
        }
        try {
          for (;;) {
            const { write, end } = await steps.next();
            // Wire-only text (the retry hint, `: ping` comments) has no place on the shared stream.
            if (write !== undefined && typeof write !== "string") {
              const id = write.id?.replace(/[\r\n]/g, "");
              const idJson = id !== undefined && !id.includes("\0") ? `,"id":${quote(id)}` : "";
              yield { event: write.event, rawData: `{"k":${quote(sub.k)}${idJson},"d":${dataJson(write)}}` };
            }
            if (end || write === undefined) break;
          }
        } finally {
          await steps.close();
        }
        yield { event: SUB_END, rawData: `{"k":${quote(sub.k)}}` };
      })(),
    );
    // Interleave: one pending next() per subscription, whichever settles first is sent.
    const pending = new Map<number, Promise<{ i: number; r: IteratorResult<SseEvent> }>>();
    const pull = (i: number) =>
      pending.set(
        i,
        iterators[i].next().then(
          (r) => ({ i, r }),
          (error) => ({
            i,
            r: {
              done: false,
              value: {
                event: SUB_ERROR,
                rawData: `{"k":${quote(resolved[i].sub.k)},"status":500,"d":${JSON.stringify({ error: streamError(error, "streams") })}}`,
              },
            } as IteratorResult<SseEvent>,
          }),
        ),
      );
    iterators.forEach((_, i) => pull(i));
    try {
      while (pending.size && !signal.aborted) {
        const { i, r } = await Promise.race(pending.values());
        if (r.done) {
          pending.delete(i);
          continue;
        }
        yield r.value;
        if (r.value.event === SUB_ERROR) pending.delete(i);
        else pull(i);
      }
    } finally {
      await Promise.allSettled(iterators.map((it) => it.return(undefined)));
    }
  };
}
