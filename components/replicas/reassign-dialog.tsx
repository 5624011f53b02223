"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Dialog } from "@/components/ui/dialog";
import { Loading } from "@/components/ui/states";
import { reassignmentStatusOptions } from "@/lib/queries/replicas";
import { PlanStep } from "./reassign-plan-step";
import { ProgressStep } from "./reassign-progress-step";

type Props = { clusterId: string; topic: string; onClose: () => void };

/**
 * Change a topic's replica placement: a generated balanced plan (replication factor over chosen brokers) or a
 * hand-edited one, previewed (what moves where, checked by the broker), optionally throttled, then followed live
 * over SSE until done, with cancel.
 */
export function ReassignDialog({ clusterId, topic, onClose }: Props) {
  const current = useQuery(reassignmentStatusOptions(clusterId, topic));
  const [started, setStarted] = useState<number[] | null>(null);
  const inProgress = started !== null || (current.data?.inProgress ?? 0) > 0;

  return (
    <Dialog
      onClose={onClose}
      size="lg"
      testId="reassign-dialog"
      title="Reassign replicas"
      description={
        <>
          Change where the replicas of <span className="font-mono">{topic}</span> live, or how many there are.
        </>
      }
    >
      {current.isPending ? <Loading label="Reading the topic's placement…" /> : null}
      {current.error ? <MutationError action="read the placement of" topic={topic} error={current.error} /> : null}
      {current.data && !inProgress ? (
        <PlanStep clusterId={clusterId} topic={topic} status={current.data} onStarted={setStarted} onClose={onClose} />
      ) : null}
      {current.data && inProgress ? (
        <ProgressStep clusterId={clusterId} topic={topic} started={started ?? []} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}
