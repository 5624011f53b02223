import "server-only";
import { abortableSleep } from "@/server/http/abortable-sleep";
import type { ConnectorStatesEvent } from "@/lib/schemas/connect";
import { connectFor } from "@/server/connect/client";
import { sseResponse, streamError, type SseEvent } from "@/server/http/sse";
import { toState, type WorkerExpanded } from "./worker-types";

const POLL_MS = Number(process.env.SLUICE_CONNECT_POLL_MS ?? 2000);

const sleep = abortableSleep;

/**
 * Live connector and task states of one Connect cluster over SSE: the worker is polled every 2 s and a `connectors`
 * event goes out when any state changed (and once at the start). A worker that stops answering sends one
 * `unavailable` event ({code, message}) and the stream keeps polling, so it recovers when the worker is back.
 */
export function streamConnect(request: Request, clusterId: string, connectId: string): Response {
  const client = connectFor(clusterId, connectId);
  return sseResponse(request, async function* (signal): AsyncIterable<SseEvent> {
    let last = "";
    while (!signal.aborted) {
      let event: SseEvent;
      try {
        const expanded = await client.request<WorkerExpanded>({ path: "/connectors", query: { expand: "status" } });
        const data: ConnectorStatesEvent = {
          connectors: Object.keys(expanded ?? {})
            .sort()
            .map((name) => {
              const s = expanded[name].status;
              return {
                name,
                state: toState(s?.connector.state),
                workerId: s?.connector.worker_id ?? null,
                tasks: (s?.tasks ?? [])
                  .map((t) => ({ id: t.id, state: toState(t.state), workerId: t.worker_id ?? null }))
                  .sort((a, b) => a.id - b.id),
              };
            }),
        };
        event = { event: "connectors", data };
      } catch (error) {
        event = { event: "unavailable", data: streamError(error, "connect stream") };
      }
      const key = JSON.stringify(event);
      if (key !== last) {
        last = key;
        yield event;
      }
      await sleep(POLL_MS, signal);
    }
  });
}
