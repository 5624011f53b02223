"use client";

import { useState } from "react";
import { paths } from "@/lib/paths";
import type { ConnectorStatesEvent, ConnectorState } from "@/lib/schemas/connect";
import { useEventStream } from "@/lib/sse/use-event-stream";

export type LiveConnector = ConnectorStatesEvent["connectors"][number];

/**
 * Live connector and task states of one Connect cluster (the server polls the worker and sends changes over SSE).
 * `unavailable` holds the worker's error while it does not answer.
 */
export function useConnectStream(clusterId: string, connectId: string) {
  const [states, setStates] = useState<Map<string, LiveConnector> | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const status = useEventStream({
    url: paths.api.connectStream(clusterId, connectId),
    reconnectOnEnd: () => true,
    onEvent: (e) => {
      if (e.event === "connectors") {
        const data = JSON.parse(e.data) as ConnectorStatesEvent;
        setStates(new Map(data.connectors.map((c) => [c.name, c])));
        setUnavailable(null);
      } else if (e.event === "unavailable") {
        setUnavailable((JSON.parse(e.data) as { message: string }).message);
      }
    },
  });
  return { states, unavailable, live: status.state === "open" };
}

export const stateTone = (s: ConnectorState | string) =>
  s === "RUNNING"
    ? ("ok" as const)
    : s === "FAILED"
      ? ("bad" as const)
      : s === "PAUSED" || s === "STOPPED"
        ? ("warn" as const)
        : ("neutral" as const);
