import "server-only";
import { ReplayJobSchema, type ReplayJob } from "@/lib/schemas/replay";
import { roleOn, type Actor } from "@/server/auth/permissions";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { audited } from "@/server/services/audit/record-audit";
import { assertMayWrite, makeRouter, type TargetSpec } from "./targets";
import { openSelection, type Selection } from "./scan-selection";
import { encodeMap, decodeMap, type JobSpec } from "./job-spec";
import { isRunningHere, launchReplayJob, stopLocalRunner } from "./run-replay-job";

type Row = NonNullable<Awaited<ReturnType<typeof prisma.replayJob.findUnique>>>;
type Access = { actor: Actor; requestId: string };

/** A running job whose runner has not written for this long was interrupted (its process stopped). */
const STALE_MS = 30_000;

export function toReplayJob(row: Row): ReplayJob {
  const positions = decodeMap(row.positions);
  const ends = decodeMap(row.ends);
  const starts = decodeMap((JSON.parse(row.spec) as JobSpec).starts);
  const stale = row.state === "running" && Date.now() - row.heartbeatAt.getTime() > STALE_MS;
  return ReplayJobSchema.parse({
    id: row.id,
    kind: row.kind,
    state: stale ? "interrupted" : row.state,
    source: { clusterId: row.sourceCluster, topic: row.sourceTopic },
    destination: { clusterId: row.destCluster, topic: row.destTopic },
    scanned: row.scanned,
    written: row.written,
    skipped: row.skipped,
    skippedList: JSON.parse(row.skippedList),
    partitions: [...ends].map(([partition, end]) => ({
      partition,
      start: (starts.get(partition) ?? 0n).toString(),
      position: (positions.get(partition) ?? end).toString(),
      end: end.toString(),
    })),
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  });
}

/**
 * Creates a job and starts it: the same checks as the dry run (source access and masking, filter syntax,
 * destination writable by the actor), the start and end offsets captured now and stored, audited.
 */
export async function startReplayJob(
  clusterId: string,
  topic: string,
  sel: Selection,
  limits: { rateLimit?: number; maxRecords?: number },
  target: TargetSpec,
  access: Access,
): Promise<ReplayJob> {
  const kind = target.kind;
  const row = await audited(
    { ...access, clusterId },
    { action: `messages.${kind}`, targetType: "topic", target: topic, before: { selection: sel, target, ...limits } },
    async () => {
      assertMayWrite(target, access.actor);
      const selection = await openSelection(clusterId, topic, sel, access);
      selection.close();
      await makeRouter(target, access.actor, [...selection.ends.keys()]);
      const spec: JobSpec = { selection: sel, target, ...limits, starts: encodeMap(selection.starts) };
      return prisma.replayJob.create({
        data: {
          kind,
          state: "running",
          sourceCluster: clusterId,
          sourceTopic: topic,
          destCluster: target.clusterId,
          destTopic: target.kind === "replay" ? target.topic : null,
          spec: JSON.stringify(spec),
          positions: encodeMap(selection.positions),
          ends: encodeMap(selection.ends),
          createdBy: access.actor.email,
          createdById: access.actor.id,
        },
      });
    },
    (r) => ({ jobId: r.id }),
  );
  launchReplayJob(row.id, access.actor, access.requestId);
  return toReplayJob(row);
}

/** A job of this cluster the actor may see: their own, or any for the cluster's admins; else 404. */
export async function getReplayJobRowOrThrow(clusterId: string, jobId: string, actor: Actor): Promise<Row> {
  const row = await prisma.replayJob.findUnique({ where: { id: jobId } });
  if (
    !row ||
    row.sourceCluster !== clusterId ||
    (row.createdById !== actor.id && roleOn(actor, clusterId) !== "admin")
  ) {
    throw new ApiError("not_found", `No replay job "${jobId}" on this cluster.`);
  }
  return row;
}

/** Stops a running (or interrupted) job at its last written position; audited. */
export async function cancelReplayJob(clusterId: string, jobId: string, access: Access): Promise<ReplayJob> {
  const row = await getReplayJobRowOrThrow(clusterId, jobId, access.actor);
  await audited(
    { ...access, clusterId },
    { action: `messages.${row.kind}_cancelled`, targetType: "topic", target: row.sourceTopic, before: { jobId } },
    async () => {
      const { count } = await prisma.replayJob.updateMany({
        where: { id: jobId, state: { in: ["running", "interrupted"] } },
        data: { state: "cancelled", finishedAt: new Date() },
      });
      if (count === 0) {
        throw new ApiError("conflict", `Job "${jobId}" is ${row.state}; only a running job can be cancelled.`);
      }
      stopLocalRunner(jobId);
    },
  );
  return toReplayJob((await prisma.replayJob.findUnique({ where: { id: jobId } }))!);
}

/**
 * Continues a cancelled, failed or interrupted job from its stored positions, with the caller's rights checked
 * again (source and destination); audited. The idempotent producer and the stored position mean records written
 * before the stop are not written again.
 */
export async function resumeReplayJob(clusterId: string, jobId: string, access: Access): Promise<ReplayJob> {
  const row = await getReplayJobRowOrThrow(clusterId, jobId, access.actor);
  const spec = JSON.parse(row.spec) as JobSpec;
  await audited(
    { ...access, clusterId },
    {
      action: `messages.${row.kind}_resumed`,
      targetType: "topic",
      target: row.sourceTopic,
      before: { jobId, written: row.written },
    },
    async () => {
      if (isRunningHere(jobId)) throw new ApiError("conflict", `Job "${jobId}" is still running.`);
      const selection = await openSelection(clusterId, row.sourceTopic, spec.selection, access, {
        starts: decodeMap(spec.starts),
        positions: decodeMap(row.positions),
        ends: decodeMap(row.ends),
      });
      selection.close();
      await makeRouter(spec.target, access.actor, [...decodeMap(row.ends).keys()]);
      const { count } = await prisma.replayJob.updateMany({
        where: {
          id: jobId,
          OR: [
            { state: { in: ["cancelled", "failed", "interrupted"] } },
            { state: "running", heartbeatAt: { lt: new Date(Date.now() - STALE_MS) } },
          ],
        },
        data: { state: "running", error: null, finishedAt: null, heartbeatAt: new Date() },
      });
      if (count === 0) {
        throw new ApiError(
          "conflict",
          `Job "${jobId}" is ${toReplayJob(row).state}; only a cancelled, failed or interrupted job can be resumed.`,
        );
      }
    },
  );
  launchReplayJob(jobId, access.actor, access.requestId);
  return toReplayJob((await prisma.replayJob.findUnique({ where: { id: jobId } }))!);
}
