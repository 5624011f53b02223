"use client";

import { AlertTriangle } from "lucide-react";
import { useState } from "react";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useAddPartitionsMutation } from "@/lib/queries/topics";
import { addPartitionsBodySchema } from "@/lib/schemas/topics";
import { MutationError } from "@/components/ui/form-errors";

type Props = { clusterId: string; topic: string; current: number; onClose: () => void };

/** Raise the partition count. Kafka cannot lower it, and keyed records hash to different partitions afterwards. */
export function AddPartitionsDialog({ clusterId, topic, current, onClose }: Props) {
  const [count, setCount] = useState(String(current + 1));
  const [error, setError] = useState<string>();
  const mutation = useAddPartitionsMutation(clusterId, topic);

  const submit = () => {
    const n = count.trim() === "" ? Number.NaN : Number(count);
    const parsed = addPartitionsBodySchema.safeParse({ count: n });
    const problem = !parsed.success
      ? parsed.error.issues[0].message
      : n <= current
        ? `the new total must be larger than the current ${current}`
        : undefined;
    setError(problem);
    if (!problem) mutation.mutate(n, { onSuccess: onClose });
  };

  return (
    <Dialog
      onClose={onClose}
      size="sm"
      testId="add-partitions-dialog"
      title="Add partitions"
      description={
        <>
          <span className="font-mono">{topic}</span> has {current} partition{current === 1 ? "" : "s"}. Enter the new
          total.
        </>
      }
      footer={
        <FormDialogFooter onCancel={onClose}>
          <BusyButton
            variant="primary"
            onClick={submit}
            disabled={mutation.isPending}
            busy={mutation.isPending}
            busyLabel="Adding…"
            data-testid="add-partitions-submit"
          >
            Add partitions
          </BusyButton>
        </FormDialogFooter>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <MutationError action="add partitions to" topic={topic} error={mutation.error} />
        <Field
          label="New partition count"
          htmlFor="partition-count"
          error={error}
          hint={`More than ${current}; partitions can never be removed.`}
          testId="partition-count"
        >
          <Input
            id="partition-count"
            type="number"
            min={current + 1}
            value={count}
            onChange={(e) => {
              setCount(e.target.value);
              setError(undefined);
            }}
            autoFocus
            aria-invalid={!!error || undefined}
            data-testid="partition-count-input"
          />
        </Field>
        <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          Records with a key are assigned by hashing the key over the partition count, so from now on a key may land on
          a different partition than its earlier records: per-key ordering across the change is lost.
        </p>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
