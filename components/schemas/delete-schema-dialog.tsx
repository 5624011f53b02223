"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MutationError } from "@/components/topics/form-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { paths } from "@/lib/paths";
import { useDeleteSchemaMutation } from "@/lib/queries/schemas";

type Props = { clusterId: string; subject: string; version: number | null; permanent: boolean; onClose: () => void };

/**
 * Soft or permanent delete of a subject (version = null) or one version. The button enables once the subject (or
 * "subject/version") is typed exactly. A whole-subject delete goes back to the list.
 */
export function DeleteSchemaDialog({ clusterId, subject, version, permanent, onClose }: Props) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const mutation = useDeleteSchemaMutation(clusterId, subject);
  const target = version === null ? subject : `${subject}/${version}`;
  const matches = typed === target;
  const what = version === null ? "subject" : "version";
  const submit = () =>
    matches &&
    mutation.mutate({ version, permanent }, { onSuccess: () => (onClose(), version === null ? router.push(paths.schemas(clusterId)) : undefined) });

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      size="sm"
      testId="delete-schema-dialog"
      title={`${permanent ? "Permanently delete" : "Delete"} ${what}`}
      description={
        permanent
          ? `The soft-deleted ${what} is removed from the registry for good; its schema ids may be reused. This cannot be undone.`
          : `A soft delete: producers can no longer register or look up the ${what}, but it can still be listed and permanently deleted later.`
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" onClick={submit} disabled={!matches || mutation.isPending} data-testid="confirm-delete-schema-button">
            {mutation.isPending ? "Deleting…" : permanent ? "Delete permanently" : `Delete ${what}`}
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
        <MutationError action="delete" topic={target} error={mutation.error} />
        <Field
          label={
            <>
              Type <span className="select-all break-all font-mono font-semibold">{target}</span> to confirm
            </>
          }
          htmlFor="confirm-delete-schema"
        >
          <Input id="confirm-delete-schema" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus autoComplete="off" spellCheck={false} className="font-mono" data-testid="confirm-delete-schema-input" />
        </Field>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
