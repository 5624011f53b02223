import "server-only";
import { abortableSleep } from "@/server/http/abortable-sleep";
import { prisma } from "@/server/db/prisma";
import { sseResponse, type SseEvent } from "@/server/http/sse";
import type { AuditContext } from "@/server/services/audit/record-audit";
import { listRequests } from "./list-requests";

const POLL_MS = Number(process.env.SLUICE_REQUESTS_POLL_MS ?? 1000);

const sleep = abortableSleep;

/**
 * Live request changes for one cluster over SSE: every second, the requests (visible to the actor) updated since
 * the last look are sent as "request" events. Polling the table keeps it right across several Sluice replicas.
 */
export function streamRequests(request: Request, clusterId: string, audit: AuditContext): Response {
  return sseResponse(request, async function* (signal): AsyncIterable<SseEvent> {
    let since = new Date();
    yield { event: "ready", data: { at: since.toISOString() } };
    while (!signal.aborted) {
      await sleep(POLL_MS, signal);
      if (signal.aborted) break;
      const changed = await prisma.topicRequest.findMany({
        where: { clusterId, updatedAt: { gt: since } },
        select: { id: true, updatedAt: true },
      });
      if (changed.length === 0) continue;
      since = new Date(Math.max(...changed.map((c) => c.updatedAt.getTime())));
      const ids = new Set(changed.map((c) => c.id));
      for (const r of (await listRequests(clusterId, { scope: "all" }, audit)).filter((x) => ids.has(x.id))) {
        yield { event: "request", data: r };
      }
    }
  });
}
