import "server-only";
import { abortableSleep } from "@/server/http/abortable-sleep";
import type { ReplayJob } from "@/lib/schemas/replay";
import type { Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { getReplayJobRowOrThrow, toReplayJob } from "./replay-jobs";

const POLL_MS = 500;
const TERMINAL = new Set(["done", "failed", "cancelled"]);

/**
 * Progress of a job over SSE, read from its stored row (so any replica serves it): a `job` event whenever the
 * row changes, and `done` once the job has ended. An interrupted job ends the stream too (it needs a resume).
 */
export async function openReplayJobStream(clusterId: string, jobId: string, actor: Actor) {
  await getReplayJobRowOrThrow(clusterId, jobId, actor);
  return async function* events(signal: AbortSignal): AsyncGenerator<{ event: string; data: ReplayJob }> {
    let last = "";
    while (!signal.aborted) {
      const row = await prisma.replayJob.findUnique({ where: { id: jobId } });
      if (!row) return;
      const job = toReplayJob(row);
      const key = `${row.updatedAt.getTime()}:${job.state}`;
      if (key !== last) {
        last = key;
        yield { event: "job", data: job };
      }
      if (TERMINAL.has(job.state) || job.state === "interrupted") {
        yield { event: "done", data: job };
        return;
      }
      await abortableSleep(POLL_MS, signal);
    }
  };
}
