import "server-only";
import { abortableSleep } from "@/server/http/abortable-sleep";
import { processState } from "@/server/process-state";
import type { Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { streamError } from "@/server/http/sse";
import { openReplayProducer, type OutRecord, type ReplayProducer } from "@/server/kafka/replay-producer";
import { makeRouter, type Router } from "./targets";
import { openSelection } from "./scan-selection";
import { decodeMap, encodeMap, type JobSpec } from "./job-spec";

/** Records per write: the stored position moves after each acknowledged write (the most a crash can repeat). */
const PIECE = 500;
const HEARTBEAT_MS = 5_000;
/** A job keeps retrying while the cluster is unreachable for up to this long, then fails (and can be resumed). */
const OUTAGE_MS = 60_000;
const MAX_SKIPPED_LISTED = 100;

type Runner = { abort: AbortController; done: Promise<void> };
const runners: Map<string, Runner> = processState("ReplayRunners", () => new Map<string, Runner>());

export const isRunningHere = (jobId: string) => runners.has(jobId);

/** Starts the job's runner in this process (the row is already `running`); returns at once. */
export function launchReplayJob(jobId: string, actor: Actor, requestId: string): void {
  const abort = new AbortController();
  const done = runJob(jobId, actor, requestId, abort.signal)
    .catch((error) => console.error(`[replay ${jobId}]`, error))
    .finally(() => runners.delete(jobId));
  runners.set(jobId, { abort, done });
}

/** Stops a runner of this process (cancel, or shutdown): it stops before its next write. */
export function stopLocalRunner(jobId: string): void {
  runners.get(jobId)?.abort.abort();
}

/**
 * On shutdown: every runner of this process stops after its write in flight (whose position is then stored), and
 * its job is marked interrupted, to be resumed from there. A process that dies instead leaves a running job whose
 * heartbeat stops: it reads as interrupted after 30 s.
 */
export async function interruptReplayRunners(): Promise<void> {
  const all = [...runners];
  for (const [, r] of all) r.abort.abort();
  await Promise.race([Promise.all(all.map(([, r]) => r.done)), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  await prisma.replayJob.updateMany({
    where: { id: { in: all.map(([id]) => id) }, state: "running" },
    data: { state: "interrupted" },
  });
}

async function runJob(jobId: string, actor: Actor, requestId: string, signal: AbortSignal): Promise<void> {
  const row = await prisma.replayJob.findUnique({ where: { id: jobId } });
  if (!row) return;
  const spec = JSON.parse(row.spec) as JobSpec;
  const positions = decodeMap(row.positions);
  const ends = decodeMap(row.ends);
  const starts = decodeMap(spec.starts);
  const state = {
    scanned: row.scanned,
    written: row.written,
    skipped: row.skipped,
    skippedList: JSON.parse(row.skippedList) as { partition: number; offset: string; reason: string }[],
  };
  const heartbeat = setInterval(
    () =>
      void prisma.replayJob
        .updateMany({ where: { id: jobId, state: "running" }, data: { heartbeatAt: new Date() } })
        .catch(() => {}),
    HEARTBEAT_MS,
  );
  let producer: ReplayProducer | undefined;
  // Stored after each acknowledged write. A job cancelled meanwhile still gets the position of what was written
  // (so a resume repeats nothing), and the runner stops.
  const save = async () => {
    const data = {
      positions: encodeMap(positions),
      scanned: state.scanned,
      written: state.written,
      skipped: state.skipped,
      skippedList: JSON.stringify(state.skippedList),
      heartbeatAt: new Date(),
    };
    const { count } = await prisma.replayJob.updateMany({ where: { id: jobId, state: "running" }, data });
    if (count === 1) return true;
    await prisma.replayJob.updateMany({ where: { id: jobId, state: { in: ["cancelled", "interrupted"] } }, data });
    return false;
  };
  const finish = async (final: "done" | "failed", error: string | null) => {
    const { count } = await prisma.replayJob.updateMany({
      where: { id: jobId, state: "running" },
      data: { state: final, error, finishedAt: new Date(), heartbeatAt: new Date() },
    });
    if (count === 1) {
      await prisma.auditEvent.create({
        data: {
          actor: actor.email,
          actorId: actor.id,
          clusterId: row.sourceCluster,
          action: `messages.${row.kind}_finished`,
          targetType: "topic",
          target: row.sourceTopic,
          result: final === "done" ? "success" : "failure",
          error,
          after: JSON.stringify({ jobId, written: state.written, skipped: state.skipped, scanned: state.scanned }),
          requestId,
        },
      });
    }
  };
  try {
    const router = await makeRouter(spec.target, actor, [...ends.keys()]);
    producer = await openReplayProducer(spec.target.clusterId);
    const t0 = Date.now();
    let sentThisRun = 0;
    let outageSince: number | null = null;
    for (;;) {
      try {
        const selection = await openSelection(
          row.sourceCluster,
          row.sourceTopic,
          spec.selection,
          { actor, requestId },
          { starts, positions, ends },
        );
        try {
          for await (const chunk of selection.chunks(signal)) {
            outageSince = null;
            state.scanned += chunk.scanned;
            const r = await writeChunk(
              chunk,
              router,
              producer,
              spec,
              state,
              signal,
              (n) => {
                const due = spec.rateLimit ? t0 + (sentThisRun * 1000) / spec.rateLimit - Date.now() : 0;
                sentThisRun += n;
                return due > 0 ? abortableSleep(due, signal) : Promise.resolve();
              },
              (offset) => positions.set(chunk.partition, offset),
              save,
            );
            if (r === "stopped") return;
            if (r === "limit") return void (await finish("done", null));
          }
        } finally {
          selection.close();
        }
        if (signal.aborted) return;
        return void (await finish("done", null));
      } catch (error) {
        if (signal.aborted) return;
        const e = error instanceof ApiError ? error : null;
        if (e?.code !== "kafka_unavailable") throw error;
        outageSince ??= Date.now();
        if (Date.now() - outageSince > OUTAGE_MS) {
          throw new ApiError(
            "kafka_unavailable",
            `${e.message} The job stopped after ${OUTAGE_MS / 1000} s without the cluster; resume it when the cluster is back.`,
          );
        }
        await abortableSleep(2000, signal);
      }
    }
  } catch (error) {
    await finish("failed", streamError(error, "replay").message).catch(() => {});
  } finally {
    clearInterval(heartbeat);
    await producer?.close();
  }
}

type Chunk = { partition: number; records: import("@/server/kafka/fetch-records").KafkaRecord[]; next: bigint };
type State = { written: number; skipped: number; skippedList: { partition: number; offset: string; reason: string }[] };

/** Writes one partition's matches in pieces; the position moves past each piece once the broker acknowledged it. */
async function writeChunk(
  chunk: Chunk,
  router: Router,
  producer: ReplayProducer,
  spec: JobSpec,
  state: State,
  signal: AbortSignal,
  pace: (n: number) => Promise<void>,
  setPosition: (o: bigint) => void,
  save: () => Promise<boolean>,
): Promise<"ok" | "stopped" | "limit"> {
  const size = Math.max(1, Math.min(PIECE, spec.rateLimit ?? PIECE));
  let i = 0;
  do {
    if (signal.aborted) return "stopped";
    const outs: OutRecord[] = [];
    let last: bigint | null = null;
    let limit = false;
    while (i < chunk.records.length && outs.length < size) {
      const r = chunk.records[i++];
      last = r.offset;
      const routed = await router.route(r);
      if ("skip" in routed) {
        state.skipped++;
        if (state.skippedList.length < MAX_SKIPPED_LISTED) {
          state.skippedList.push({ partition: r.partition, offset: r.offset.toString(), reason: routed.skip });
        }
        continue;
      }
      outs.push(routed.out);
      if (spec.maxRecords !== undefined && state.written + outs.length >= spec.maxRecords) {
        limit = true;
        break;
      }
    }
    if (outs.length) {
      await pace(outs.length);
      if (signal.aborted) return "stopped";
      await producer.send(outs);
      state.written += outs.length;
    }
    setPosition(!limit && i >= chunk.records.length ? chunk.next : last! + 1n);
    if (!(await save())) return "stopped";
    if (limit) return "limit";
  } while (i < chunk.records.length);
  return "ok";
}
