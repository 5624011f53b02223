import "server-only";
import type { StreamQuery } from "@/lib/schemas/messages";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { openMessageStream } from "./stream-messages";

const encoder = new TextEncoder();

/**
 * Streams the search result as JSON Lines: one full record per line, pulled as the client reads (the server
 * never holds the whole result), ending with nothing more (a failure mid-way is written as a final
 * {"error": …} line, since the status is already sent). Refused when the cluster disables export. Audited.
 */
export async function exportMessages(
  request: Request,
  clusterId: string,
  topic: string,
  q: StreamQuery,
  ctx: Omit<AuditContext, "clusterId">,
): Promise<Response> {
  const cluster = getClusterConfigOrThrow(clusterId);
  if (!cluster.messages.allowExport) {
    throw new ApiError("forbidden", `Export is disabled for cluster "${cluster.name}" (messages.allowExport: false).`);
  }
  const query = { ...q, follow: false };
  const stream = await audited(
    { ...ctx, clusterId },
    {
      action: "messages.export",
      targetType: "topic",
      target: topic,
      before: {
        start: q.start,
        partitions: q.partitions ?? "all",
        q: q.q,
        regex: q.regex,
        cel: q.cel,
        from: q.from,
        to: q.to,
        maxResults: q.maxResults,
        keyFormat: q.keyFormat,
        valueFormat: q.valueFormat,
        unmasked: q.unmasked,
      },
    },
    () =>
      openMessageStream(clusterId, topic, query, null, { actor: ctx.actor, requestId: ctx.requestId }, { full: true }),
    () => ({ started: true }),
  );
  const abort = new AbortController();
  request.signal?.addEventListener("abort", () => abort.abort(), { once: true });
  const events = stream.events(abort.signal);
  let closed = false;
  const finish = async () => {
    if (closed) return;
    closed = true;
    abort.abort();
    await events.return(undefined).catch(() => {});
    stream.close();
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(out) {
      for (;;) {
        const { value, done } = await events.next();
        if (done || value.event === "done") {
          await finish();
          out.close();
          return;
        }
        if (value.event === "error") {
          out.enqueue(encoder.encode(`${JSON.stringify({ error: value.data })}\n`));
          await finish();
          out.close();
          return;
        }
        if (value.event === "lines") {
          // JSON Lines bytes as the stream wrote them (line-sink.ts): formatted on the main thread, or by the scan
          // workers for an unfiltered export, and enqueued without another copy.
          for (const chunk of value.data) out.enqueue(chunk);
          return;
        }
      }
    },
    async cancel() {
      await finish();
    },
  });
  const file = `${topic}-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`;
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
}
