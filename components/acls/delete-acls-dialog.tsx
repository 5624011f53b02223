"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Loading } from "@/components/ui/states";
import { useDeleteAclsMutation, type AclFilterQuery } from "@/lib/queries/acls";
import type { AclDeleteResponse } from "@/lib/schemas/access";
import { BindingTable } from "./binding-table";
import { PreviewFooter } from "./preview-footer";

/** Delete what a filter matches: the server lists every matching binding first; only those are deleted. */
export function DeleteAclsDialog({
  clusterId,
  filter,
  onClose,
}: {
  clusterId: string;
  filter: AclFilterQuery;
  onClose: () => void;
}) {
  const preview = useDeleteAclsMutation(clusterId);
  const apply = useDeleteAclsMutation(clusterId);
  const [done, setDone] = useState<AclDeleteResponse | null>(null);
  const { mutate } = preview;
  const key = JSON.stringify(filter);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter's content (key), not its identity
  useEffect(() => mutate({ filter, dryRun: true }), [mutate, key]);
  const count = preview.data?.bindings.length ?? 0;
  let outcome: ReactNode = null;
  if (done) {
    outcome = (
      <p className="text-sm text-emerald-700" data-testid="acl-delete-done">
        Deleted {done.bindings.length} binding{done.bindings.length === 1 ? "" : "s"}.
      </p>
    );
  } else if (preview.data) {
    outcome = (
      <div data-testid="acl-delete-preview">
        <p className="mb-2 text-sm">These {count} bindings will be deleted:</p>
        <BindingTable
          clusterId={clusterId}
          bindings={preview.data.bindings}
          testId="acl-delete-preview-table"
          maxHeight={300}
        />
      </div>
    );
  }
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      title="Delete matching ACL bindings"
      description={`Filter: ${
        Object.entries(filter)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ") || "none"
      }`}
      testId="delete-acls-dialog"
      footer={
        <PreviewFooter done={!!done} onClose={onClose}>
          <Button
            variant="danger"
            disabled={!count || apply.isPending}
            data-testid="acl-delete-confirm"
            onClick={() => apply.mutate({ filter, dryRun: false }, { onSuccess: setDone })}
          >
            Delete {count} binding{count === 1 ? "" : "s"}
          </Button>
        </PreviewFooter>
      }
    >
      {preview.isPending ? <Loading label="Listing the bindings this filter matches…" /> : null}
      {preview.error || apply.error ? (
        <p role="alert" className="text-sm text-red-700" data-testid="acl-delete-error">
          {(preview.error ?? apply.error)!.message}
        </p>
      ) : null}
      {outcome}
    </Dialog>
  );
}
