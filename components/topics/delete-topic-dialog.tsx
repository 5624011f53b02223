"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { paths } from "@/lib/paths";
import { useDeleteTopicMutation } from "@/lib/queries/topics";
import { MutationError } from "./form-errors";

/** Delete a topic; the button only enables once the exact name is typed. Goes back to the list afterwards. */
export function DeleteTopicDialog({ clusterId, topic, onClose }: { clusterId: string; topic: string; onClose: () => void }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const mutation = useDeleteTopicMutation(clusterId);
  const matches = typed === topic;
  const submit = () => matches && mutation.mutate(topic, { onSuccess: () => router.push(paths.topics(clusterId)) });

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      size="sm"
      testId="delete-topic-dialog"
      title="Delete topic"
      description="The topic and all its records are removed from every broker. This cannot be undone."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" onClick={submit} disabled={!matches || mutation.isPending} data-testid="confirm-delete-button">
            {mutation.isPending ? "Deleting…" : "Delete topic"}
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
        <MutationError action="delete" topic={topic} error={mutation.error} />
        <Field
          label={
            <>
              Type <span className="select-all break-all font-mono font-semibold">{topic}</span> to confirm
            </>
          }
          htmlFor="confirm-delete"
        >
          <Input id="confirm-delete" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus autoComplete="off" spellCheck={false} className="font-mono" data-testid="confirm-delete-input" />
        </Field>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
