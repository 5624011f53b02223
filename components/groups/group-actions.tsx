"use client";

import { useQuery } from "@tanstack/react-query";
import { Eraser, RotateCcw, Trash2 } from "lucide-react";
import { useState } from "react";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { groupDetailOptions } from "@/lib/queries/groups";
import { DeleteGroupDialog } from "./delete-group-dialog";
import { DeleteTopicOffsetsDialog } from "./delete-topic-offsets-dialog";
import { displayHost } from "./display-host";
import { ResetOffsetsDialog } from "./reset-offsets-dialog";

type Props = { clusterId: string; groupId: string; readOnlyReason?: string };

/** Reset offsets / delete; disabled with the reason on read-only clusters, delete also while consumers are active. */
export function GroupActions({ clusterId, groupId, readOnlyReason }: Props) {
  const { data } = useQuery(groupDetailOptions(clusterId, groupId));
  const [open, setOpen] = useState<"reset" | "delete" | "offsets" | null>(null);
  const close = () => setOpen(null);
  const members = data?.members ?? [];
  const resetWhy =
    readOnlyReason ?? (data && data.partitions.length === 0 ? "The group has no partitions to reset." : undefined);
  const topics = [
    ...new Set((data?.partitions ?? []).filter((p) => p.committedOffset !== null).map((p) => p.topic)),
  ].sort();
  const offsetsWhy =
    readOnlyReason ?? (data && topics.length === 0 ? "The group has no committed offsets." : undefined);
  const deleteWhy =
    readOnlyReason ??
    (members.length > 0
      ? `Kafka deletes only groups without active members; stop its consumers first (${members.map((m) => `${m.clientId}@${displayHost(m.clientHost)}`).join(", ")}).`
      : undefined);

  return (
    <Blocked reason={data ? [resetWhy, offsetsWhy, deleteWhy] : undefined}>
      <Tooltip content={resetWhy}>
        <Button onClick={() => setOpen("reset")} disabled={!!resetWhy || !data} data-testid="reset-offsets-button">
          <RotateCcw className="h-4 w-4" /> Reset offsets
        </Button>
      </Tooltip>
      <Tooltip content={offsetsWhy}>
        <Button
          onClick={() => setOpen("offsets")}
          disabled={!!offsetsWhy || !data}
          data-testid="delete-topic-offsets-button"
        >
          <Eraser className="h-4 w-4" /> Delete topic offsets
        </Button>
      </Tooltip>
      <Tooltip content={deleteWhy}>
        <Button
          variant="danger"
          onClick={() => setOpen("delete")}
          disabled={!!deleteWhy || !data}
          data-testid="delete-group-button"
        >
          <Trash2 className="h-4 w-4" /> Delete group
        </Button>
      </Tooltip>
      {data && open === "reset" ? <ResetOffsetsDialog clusterId={clusterId} group={data} onClose={close} /> : null}
      {open === "offsets" ? (
        <DeleteTopicOffsetsDialog clusterId={clusterId} groupId={groupId} topics={topics} onClose={close} />
      ) : null}
      {open === "delete" ? <DeleteGroupDialog clusterId={clusterId} groupId={groupId} onClose={close} /> : null}
    </Blocked>
  );
}
