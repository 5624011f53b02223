"use client";

import { useQuery } from "@tanstack/react-query";
import { Eraser, PlusSquare, Trash2 } from "lucide-react";
import { useState } from "react";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { topicDetailOptions } from "@/lib/queries/topics";
import { AddPartitionsDialog } from "./add-partitions-dialog";
import { DeleteTopicDialog } from "./delete-topic-dialog";
import { PurgeTopicDialog } from "./purge-topic-dialog";

type Props = { clusterId: string; topic: string; readOnlyReason?: string };

/** Add partitions / purge / delete; disabled with the reason on read-only clusters and internal topics. */
export function TopicActions({ clusterId, topic, readOnlyReason }: Props) {
  const { data } = useQuery(topicDetailOptions(clusterId, topic));
  const [open, setOpen] = useState<"partitions" | "purge" | "delete" | null>(null);
  const why = readOnlyReason ?? (data?.internal ? "Internal topics are managed by Kafka itself." : undefined);
  const disabled = !!why || !data;
  const close = () => setOpen(null);

  return (
    <Blocked reason={why}>
      <Tooltip content={why}>
        <Button onClick={() => setOpen("partitions")} disabled={disabled} data-testid="add-partitions-button">
          <PlusSquare className="h-4 w-4" /> Add partitions
        </Button>
      </Tooltip>
      <Tooltip content={why}>
        <Button onClick={() => setOpen("purge")} disabled={disabled} data-testid="purge-button">
          <Eraser className="h-4 w-4" /> Purge records
        </Button>
      </Tooltip>
      <Tooltip content={why}>
        <Button
          variant="danger"
          onClick={() => setOpen("delete")}
          disabled={disabled}
          data-testid="delete-topic-button"
        >
          <Trash2 className="h-4 w-4" /> Delete
        </Button>
      </Tooltip>
      {data && open === "partitions" ? (
        <AddPartitionsDialog clusterId={clusterId} topic={topic} current={data.partitions.length} onClose={close} />
      ) : null}
      {data && open === "purge" ? (
        <PurgeTopicDialog clusterId={clusterId} topic={topic} partitions={data.partitions} onClose={close} />
      ) : null}
      {open === "delete" ? <DeleteTopicDialog clusterId={clusterId} topic={topic} onClose={close} /> : null}
    </Blocked>
  );
}
