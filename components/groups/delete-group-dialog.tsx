"use client";

import { useRouter } from "next/navigation";
import { MutationError } from "@/components/ui/form-errors";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { paths } from "@/lib/paths";
import { useDeleteGroupMutation } from "@/lib/queries/groups";

/** Delete a consumer group and its committed offsets; the button only enables once the exact id is typed. */
export function DeleteGroupDialog({
  clusterId,
  groupId,
  onClose,
}: {
  clusterId: string;
  groupId: string;
  onClose: () => void;
}) {
  const router = useRouter();
  const mutation = useDeleteGroupMutation(clusterId);
  return (
    <TypedConfirmDialog
      target={groupId}
      title="Delete consumer group"
      description="The group and all its committed offsets are removed. A consumer joining it later starts from its auto.offset.reset position. This cannot be undone."
      confirmLabel="Delete group"
      testId="delete-group-dialog"
      idSuffix="delete-group"
      isPending={mutation.isPending}
      error={<MutationError action="delete" topic={groupId} error={mutation.error} />}
      onConfirm={() => mutation.mutate(groupId, { onSuccess: () => router.push(paths.groups(clusterId)) })}
      onClose={onClose}
    />
  );
}
