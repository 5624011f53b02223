"use client";

import { useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { BusyButton } from "@/components/ui/form-dialog-footer";
import { topicKeys } from "@/lib/queries/topics";
import { replicaPaths, useCancelReassignment } from "@/lib/queries/replicas";
import type { ReassignmentStatus } from "@/lib/schemas/replicas";
import { useEventStream } from "@/lib/sse/use-event-stream";
import { ProgressTable } from "./reassign-tables";

type Complete = { throttleRemoved: boolean; throttleLeftOn: number[] };

/** Follows a running reassignment over SSE: its status, completion, stream problems, and the partitions moving. */
function useReassignmentProgress(clusterId: string, topic: string, started: number[]) {
  const [status, setStatus] = useState<ReassignmentStatus>();
  const [complete, setComplete] = useState<Complete>();
  const [streamProblem, setStreamProblem] = useState<string>();
  const [moving, setMoving] = useState<Set<number>>(() => new Set(started));
  const cancel = useCancelReassignment(clusterId, topic);
  const qc = useQueryClient();
  const onEvent = useCallback(
    (e: { event: string; data: string }) => {
      const data = JSON.parse(e.data);
      if (e.event === "progress") {
        const s = data as ReassignmentStatus;
        setStatus(s);
        setStreamProblem(undefined);
        setMoving((prev) => new Set([...prev, ...s.partitions.filter((p) => p.inProgress).map((p) => p.partition)]));
      } else if (e.event === "complete") {
        setComplete(data);
        // The topic page behind the dialog shows the new replicas and replication factor.
        void qc.invalidateQueries({ queryKey: topicKeys.all(clusterId) });
      } else if (e.event === "error") {
        setStreamProblem(data.message);
      }
    },
    [qc, clusterId],
  );
  const stream = useEventStream({ url: cancel.isSuccess ? null : replicaPaths.stream(clusterId, topic), onEvent });
  const live = useMemo(() => new Set(status?.brokers.map((b) => b.id) ?? []), [status]);
  const total = moving.size;
  const left = status?.inProgress ?? total;
  return {
    cancel,
    complete,
    streamProblem,
    streamState: stream.state,
    live,
    total,
    done: complete ? total : Math.max(0, total - left),
    rows: status?.partitions.filter((p) => moving.has(p.partition)) ?? [],
  };
}

type Progress = ReturnType<typeof useReassignmentProgress>;

function ProgressBar({ done, total, streamState }: { done: number; total: number; streamState: string }) {
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span>
          {done} of {total || "…"} partition{total === 1 ? "" : "s"} moved
        </span>
        <span className="text-slate-500">{streamState === "open" ? "live" : streamState}</span>
      </div>
      <div
        className="h-2 overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </div>
    </div>
  );
}

/** Where the reassignment stands: cancelled, complete, or how far it got. */
function ProgressSummary({ progress: p }: { progress: Progress }) {
  if (p.cancel.isSuccess) {
    const cancelled = p.cancel.data.cancelled;
    return (
      <p
        className="rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
        data-testid="reassign-cancelled"
      >
        Cancelled: partition{cancelled.length === 1 ? "" : "s"} {cancelled.join(", ")} went back to their earlier
        replicas; the throttle was removed.
      </p>
    );
  }
  if (p.complete) {
    return (
      <p
        className="flex items-center gap-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
        data-testid="reassign-complete"
      >
        <CheckCircle2 className="h-4 w-4" aria-hidden /> Reassignment complete.
        {p.complete.throttleRemoved ? " The replication throttle was removed." : ""}
        {p.complete.throttleLeftOn.length
          ? ` Brokers ${p.complete.throttleLeftOn.join(", ")} still carry a throttle (they did not answer).`
          : ""}
      </p>
    );
  }
  return <ProgressBar done={p.done} total={p.total} streamState={p.streamState} />;
}

/** A reassignment under way, followed live until done, with cancel. */
export function ProgressStep({
  clusterId,
  topic,
  started,
  onClose,
}: {
  clusterId: string;
  topic: string;
  started: number[];
  onClose: () => void;
}) {
  const progress = useReassignmentProgress(clusterId, topic, started);
  const { cancel, complete, streamProblem, rows } = progress;
  return (
    <div className="space-y-4" data-testid="reassign-progress">
      <ProgressSummary progress={progress} />
      {streamProblem ? (
        <p
          role="status"
          className="flex items-start gap-2 text-sm text-amber-800 dark:text-amber-300"
          data-testid="reassign-stream-problem"
        >
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> {streamProblem} Retrying…
        </p>
      ) : null}
      <MutationError
        action="cancel the reassignment of"
        topic={topic}
        error={cancel.error}
        testId="reassign-cancel-error"
      />
      {rows.length ? <ProgressTable rows={rows} live={progress.live} /> : null}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
        {!complete && !cancel.isSuccess ? (
          <BusyButton
            variant="danger"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
            busy={cancel.isPending}
            busyLabel="Cancelling…"
            data-testid="reassign-cancel-button"
          >
            Cancel reassignment
          </BusyButton>
        ) : null}
        <Button onClick={onClose}>Close</Button>
      </div>
    </div>
  );
}
