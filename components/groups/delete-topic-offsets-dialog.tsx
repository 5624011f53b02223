"use client";

import { useState } from "react";
import { MutationError } from "@/components/ui/form-errors";
import { Options, Select } from "@/components/ui/select";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { useDeleteGroupTopicOffsetsMutation } from "@/lib/queries/groups";

/** Pick one of the group's topics, type its name, and its committed offsets go; the group's other topics stay. */
export function DeleteTopicOffsetsDialog({
  clusterId,
  groupId,
  topics,
  onClose,
}: {
  clusterId: string;
  groupId: string;
  topics: string[];
  onClose: () => void;
}) {
  const [topic, setTopic] = useState(topics[0] ?? "");
  const mutation = useDeleteGroupTopicOffsetsMutation(clusterId, groupId);
  return (
    <TypedConfirmDialog
      target={topic}
      title="Delete a topic's offsets"
      description="The group's committed offsets on this topic are removed; its other topics keep theirs. A consumer of the group then starts this topic from its auto.offset.reset position. Kafka refuses while an active member is subscribed to the topic."
      confirmLabel="Delete offsets"
      testId="delete-topic-offsets-dialog"
      idSuffix="delete-topic-offsets"
      isPending={mutation.isPending}
      error={<MutationError action="delete the offsets of" topic={topic} error={mutation.error} />}
      onConfirm={() => mutation.mutate(topic, { onSuccess: onClose })}
      onClose={onClose}
    >
      <div className="flex items-center gap-2">
        <label htmlFor="offsets-topic" className="text-sm font-medium">
          Topic
        </label>
        <Select
          id="offsets-topic"
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          className="font-mono"
          data-testid="offsets-topic-select"
        >
          <Options values={topics} />
        </Select>
      </div>
    </TypedConfirmDialog>
  );
}
