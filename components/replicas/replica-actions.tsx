"use client";

import { Crown, Shuffle } from "lucide-react";
import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { BusyButton } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Tooltip } from "@/components/ui/tooltip";
import { useElectLeaders } from "@/lib/queries/replicas";
import { ReassignDialog } from "./reassign-dialog";

type Props = { clusterId: string; topic?: string; blockedReason?: string };

/** "Reassign replicas" (topic page) and "Elect preferred leaders" (topic page, or the whole cluster on the brokers page). */
export function ReplicaActions({ clusterId, topic, blockedReason }: Props) {
  const [open, setOpen] = useState<"reassign" | "elect" | null>(null);
  const close = () => setOpen(null);
  return (
    <Blocked reason={blockedReason}>
      {topic ? (
        <Tooltip content={blockedReason}>
          <Button onClick={() => setOpen("reassign")} disabled={!!blockedReason} data-testid="reassign-button">
            <Shuffle className="h-4 w-4" /> Reassign replicas
          </Button>
        </Tooltip>
      ) : null}
      <Tooltip content={blockedReason}>
        <Button onClick={() => setOpen("elect")} disabled={!!blockedReason} data-testid="elect-leaders-button">
          <Crown className="h-4 w-4" /> Elect preferred leaders
        </Button>
      </Tooltip>
      {topic && open === "reassign" ? <ReassignDialog clusterId={clusterId} topic={topic} onClose={close} /> : null}
      {open === "elect" ? <ElectLeadersDialog clusterId={clusterId} topic={topic} onClose={close} /> : null}
    </Blocked>
  );
}

function ElectLeadersDialog({ clusterId, topic, onClose }: { clusterId: string; topic?: string; onClose: () => void }) {
  const elect = useElectLeaders(clusterId);
  const r = elect.data;
  return (
    <Dialog
      onClose={onClose}
      size="sm"
      testId="elect-leaders-dialog"
      title="Elect preferred leaders"
      description={
        topic ? (
          <>
            Moves the leadership of every partition of <span className="font-mono">{topic}</span> back to its preferred
            replica (the first in its replica list).
          </>
        ) : (
          "Moves the leadership of every partition of the cluster back to its preferred replica (the first in its replica list)."
        )
      }
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          {!r ? (
            <BusyButton
              variant="primary"
              onClick={() => elect.mutate(topic)}
              disabled={elect.isPending}
              busy={elect.isPending}
              busyLabel="Electing…"
              data-testid="elect-leaders-submit"
            >
              Elect leaders
            </BusyButton>
          ) : null}
        </>
      }
    >
      <MutationError action="elect leaders" topic={topic} error={elect.error} />
      {r ? (
        <div className="space-y-2 text-sm" data-testid="elect-leaders-result">
          <p>
            {r.elected} partition{r.elected === 1 ? "" : "s"} changed leader
            {topic ? `, ${r.alreadyPreferred} already had their preferred leader` : ""}
            {r.failed.length ? `, ${r.failed.length} could not be elected` : ""}.
          </p>
          {r.failed.length ? (
            <ul className="list-disc pl-5 text-red-700 dark:text-red-300">
              {r.failed.slice(0, 20).map((f) => (
                <li key={`${f.topic}-${f.partition}`}>
                  <span className="font-mono">
                    {f.topic}/{f.partition}
                  </span>
                  : {f.error} {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
