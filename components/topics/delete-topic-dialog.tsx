"use client";

import { useRouter } from "next/navigation";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { paths } from "@/lib/paths";
import { useDeleteTopicMutation } from "@/lib/queries/topics";
import { MutationError } from "@/components/ui/form-errors";

/** Delete a topic; the button only enables once the exact name is typed. Goes back to the list afterwards. */
export function DeleteTopicDialog({
  clusterId,
  topic,
  onClose,
}: {
  clusterId: string;
  topic: string;
  onClose: () => void;
}) {
  const router = useRouter();
  const mutation = useDeleteTopicMutation(clusterId);
  return (
    <TypedConfirmDialog
      target={topic}
      title="Delete topic"
      description="The topic and all its records are removed from every broker. This cannot be undone."
      confirmLabel="Delete topic"
      testId="delete-topic-dialog"
      idSuffix="delete"
      isPending={mutation.isPending}
      error={<MutationError action="delete" topic={topic} error={mutation.error} />}
      onConfirm={() => mutation.mutate(topic, { onSuccess: () => router.push(paths.topics(clusterId)) })}
      onClose={onClose}
    />
  );
}
