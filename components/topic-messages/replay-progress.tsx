"use client";

import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { useReplayActionMutation, replayPaths } from "@/lib/queries/replay";
import { replayProgress, ReplayJobSchema, type ReplayJob } from "@/lib/schemas/replay";
import { parseEventData } from "@/lib/sse/use-event-stream";
import { useSharedEventStream } from "@/lib/sse/use-shared-event-stream";

const STATE_TEXT: Record<ReplayJob["state"], string> = {
  running: "Running",
  done: "Done",
  cancelled: "Cancelled",
  failed: "Failed",
  interrupted: "Interrupted (Sluice stopped); resume continues from the last written record",
};

/** A job's live progress from its stream: a bar over the source range, counts, cancel and resume. */
export function ReplayProgress({ clusterId, initial }: { clusterId: string; initial: ReplayJob }) {
  const [job, setJob] = useState(initial);
  const action = useReplayActionMutation(clusterId);
  const ended = job.state !== "running";
  const stream = useSharedEventStream({
    url: ended ? null : replayPaths.stream(clusterId, job.id),
    onEvent: (e) => {
      const parsed = ReplayJobSchema.safeParse(parseEventData(e));
      if (parsed.success) setJob(parsed.data);
    },
  });
  const act = (verb: "cancel" | "resume") =>
    action.mutate(
      { jobId: job.id, verb },
      {
        onSuccess: (next) => setJob(next),
      },
    );
  const share = replayProgress(job);
  return (
    <section
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      data-testid="replay-progress"
      data-state={job.state}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-medium" data-testid="replay-state">
          {STATE_TEXT[job.state]}
        </span>
        <span className="tabular-nums text-slate-600 dark:text-slate-300" data-testid="replay-counts">
          {job.written.toLocaleString("en-US")} written · {job.skipped.toLocaleString("en-US")} skipped ·{" "}
          {job.scanned.toLocaleString("en-US")} read
        </span>
      </div>
      <div
        className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-label="Share of the source range read"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <div
          className={job.state === "failed" ? "h-full bg-red-500" : "h-full bg-brand-600"}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
      {stream.state === "failed" ? (
        <p className="text-sm text-red-700 dark:text-red-400">Progress is not streaming: {stream.error.message}</p>
      ) : null}
      {job.error ? <p className="text-sm text-red-700 dark:text-red-400">{job.error}</p> : null}
      {job.skippedList.length ? (
        <details className="text-xs">
          <summary>Skipped records ({job.skipped})</summary>
          <ul className="mt-1 space-y-0.5 font-mono">
            {job.skippedList.map((s) => (
              <li key={`${s.partition}:${s.offset}`}>
                {s.partition}:{s.offset}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <MutationError
        action={`${action.variables?.verb ?? "change"} the job for`}
        error={action.error}
        testId="replay-action-error"
      />
      <div className="flex gap-2">
        {job.state === "running" || job.state === "interrupted" ? (
          <Button
            size="sm"
            variant="danger"
            onClick={() => act("cancel")}
            disabled={action.isPending}
            data-testid="replay-cancel"
          >
            Cancel
          </Button>
        ) : null}
        {job.state === "cancelled" || job.state === "failed" || job.state === "interrupted" ? (
          <Button size="sm" onClick={() => act("resume")} disabled={action.isPending} data-testid="replay-resume">
            Resume
          </Button>
        ) : null}
      </div>
    </section>
  );
}
