"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MutationError } from "@/components/topics/form-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { paths } from "@/lib/paths";
import { useDeleteGroupMutation } from "@/lib/queries/groups";

/** Delete a consumer group and its committed offsets; the button only enables once the exact id is typed. */
export function DeleteGroupDialog({ clusterId, groupId, onClose }: { clusterId: string; groupId: string; onClose: () => void }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const mutation = useDeleteGroupMutation(clusterId);
  const matches = typed === groupId;
  const submit = () => matches && mutation.mutate(groupId, { onSuccess: () => router.push(paths.groups(clusterId)) });

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      size="sm"
      testId="delete-group-dialog"
      title="Delete consumer group"
      description="The group and all its committed offsets are removed. A consumer joining it later starts from its auto.offset.reset position. This cannot be undone."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" onClick={submit} disabled={!matches || mutation.isPending} data-testid="confirm-delete-group-button">
            {mutation.isPending ? "Deleting…" : "Delete group"}
          </Button>
        </>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <MutationError action="delete" topic={groupId} error={mutation.error} />
        <Field
          label={
            <>
              Type <span className="select-all break-all font-mono font-semibold">{groupId}</span> to confirm
            </>
          }
          htmlFor="confirm-delete-group"
        >
          <Input id="confirm-delete-group" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus autoComplete="off" spellCheck={false} className="font-mono" data-testid="confirm-delete-group-input" />
        </Field>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
