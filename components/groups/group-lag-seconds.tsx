"use client";

import { useQuery } from "@tanstack/react-query";
import { Timer } from "lucide-react";
import { Time } from "@/components/ui/time-zone";
import { Button } from "@/components/ui/button";
import { formatDuration } from "@/lib/format";
import { lagSecondsOptions } from "@/lib/queries/groups";

function MaxLag({ seconds }: { seconds: number | null }) {
  if (seconds === null) return "no figure (records not readable)";
  if (seconds === 0) return "caught up: 0 s behind";
  return (
    <>
      at most <strong>{formatDuration(seconds * 1000)}</strong> behind
    </>
  );
}

/** "How far behind in time": measured on demand from the timestamp of each partition's next record. */
export function GroupLagSeconds({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const q = useQuery({ ...lagSecondsOptions(clusterId, groupId), enabled: false });
  const worst =
    q.data?.partitions
      .filter((p) => p.lagSeconds !== null && p.lagSeconds > 0)
      .sort((a, b) => (b.lagSeconds ?? 0) - (a.lagSeconds ?? 0))
      .slice(0, 5) ?? [];
  let measureLabel = "Measure lag in time";
  if (q.isFetching) {
    measureLabel = "Measuring…";
  } else if (q.data) {
    measureLabel = "Measure again";
  }
  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 px-4 py-3 text-sm dark:border-slate-800"
      data-testid="group-lag-seconds"
    >
      <Button size="sm" onClick={() => void q.refetch()} disabled={q.isFetching} data-testid="measure-lag-seconds">
        <Timer className="h-3.5 w-3.5" /> {measureLabel}
      </Button>
      {q.error ? <span className="text-red-600">{q.error.message}</span> : null}
      {q.data ? (
        <>
          <span data-testid="max-lag-seconds">
            <MaxLag seconds={q.data.maxLagSeconds} />
          </span>
          {worst.length ? (
            <span className="text-xs text-slate-500">
              {worst.map((p) => `${p.topic}[${p.partition}] ${formatDuration((p.lagSeconds ?? 0) * 1000)}`).join(" · ")}
            </span>
          ) : null}
          <span className="ml-auto text-xs text-slate-500">
            exact: age of the next record to consume, measured <Time t={q.data.at} />
          </span>
        </>
      ) : (
        <span className="text-slate-500">Reads the timestamp of the next record each partition will consume.</span>
      )}
    </div>
  );
}
