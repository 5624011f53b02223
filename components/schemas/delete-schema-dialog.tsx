"use client";

import { useRouter } from "next/navigation";
import { MutationError } from "@/components/ui/form-errors";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { paths } from "@/lib/paths";
import { useDeleteSchemaMutation } from "@/lib/queries/schemas";

type Props = { clusterId: string; subject: string; version: number | null; permanent: boolean; onClose: () => void };

/**
 * Soft or permanent delete of a subject (version = null) or one version. The button enables once the subject (or
 * "subject/version") is typed exactly. A whole-subject delete goes back to the list.
 */
export function DeleteSchemaDialog({ clusterId, subject, version, permanent, onClose }: Props) {
  const router = useRouter();
  const mutation = useDeleteSchemaMutation(clusterId, subject);
  const target = version === null ? subject : `${subject}/${version}`;
  const what = version === null ? "subject" : "version";
  return (
    <TypedConfirmDialog
      target={target}
      title={`${permanent ? "Permanently delete" : "Delete"} ${what}`}
      description={
        permanent
          ? `The soft-deleted ${what} is removed from the registry for good; its schema ids may be reused. This cannot be undone.`
          : `A soft delete: producers can no longer register or look up the ${what}, but it can still be listed and permanently deleted later.`
      }
      confirmLabel={permanent ? "Delete permanently" : `Delete ${what}`}
      testId="delete-schema-dialog"
      idSuffix="delete-schema"
      isPending={mutation.isPending}
      error={<MutationError action="delete" topic={target} error={mutation.error} />}
      onConfirm={() =>
        mutation.mutate(
          { version, permanent },
          {
            onSuccess: () => {
              onClose();
              if (version === null) router.push(paths.schemas(clusterId));
            },
          },
        )
      }
      onClose={onClose}
    />
  );
}
