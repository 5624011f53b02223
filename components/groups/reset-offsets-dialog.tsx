"use client";

import { MutationError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import { formatNumber } from "@/lib/format";
import type { GroupDetail, ResetPreview } from "@/lib/schemas/groups";
import { MembersWarning, TargetPicker, TopicPartitionPicker } from "./reset-offsets-fields";
import { PreviewTable } from "./reset-preview-table";
import { useResetOffsetsForm, type ResetOffsetsForm } from "./use-reset-offsets-form";

type Props = { clusterId: string; group: GroupDetail; onClose: () => void };

function ResetFooter({ form, onClose }: { form: ResetOffsetsForm; onClose: () => void }) {
  const { preview, apply } = form;
  if (apply.data) {
    return (
      <Button variant="primary" onClick={onClose} data-testid="reset-done">
        Done
      </Button>
    );
  }
  return (
    <FormDialogFooter onCancel={onClose}>
      <BusyButton
        onClick={form.runPreview}
        disabled={preview.isPending || apply.isPending}
        busy={preview.isPending}
        busyLabel="Previewing…"
        data-testid="preview-reset-button"
      >
        Preview
      </BusyButton>
      <Tooltip content={form.applyBlocked}>
        <BusyButton
          variant="danger"
          onClick={form.runApply}
          disabled={!!form.applyBlocked || apply.isPending || preview.isPending}
          busy={apply.isPending}
          busyLabel="Applying…"
          data-testid="apply-reset-button"
        >
          Apply
        </BusyButton>
      </Tooltip>
    </FormDialogFooter>
  );
}

function AppliedResult({ done }: { done: ResetPreview }) {
  return (
    <div className="space-y-3">
      <p className="text-sm" role="status" data-testid="reset-applied">
        Offsets reset on {formatNumber(done.partitions.length)} partition{done.partitions.length === 1 ? "" : "s"}.
      </p>
      <PreviewTable preview={done} applied />
    </div>
  );
}

function PreviewSection({ preview, fresh }: { preview: ResetPreview; fresh: boolean }) {
  return (
    <div className={cn("space-y-2", !fresh && "opacity-50")}>
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">
        Preview{" "}
        {fresh ? null : (
          <span className="font-normal text-slate-500">(out of date: the form changed, preview again)</span>
        )}
      </h3>
      <PreviewTable preview={preview} applied={false} />
    </div>
  );
}

function ResetForm({ form, group }: { form: ResetOffsetsForm; group: GroupDetail }) {
  const { preview, apply } = form;
  return (
    <div className="space-y-5">
      {group.members.length > 0 ? <MembersWarning members={group.members} /> : null}
      <MutationError
        action="reset the offsets of"
        topic={group.groupId}
        error={apply.error}
        testId="reset-apply-error"
      />
      <TopicPartitionPicker form={form} />
      <TargetPicker form={form} />
      {form.error ? (
        <p className="text-xs text-red-600 dark:text-red-400" role="alert" data-testid="reset-form-error">
          {form.error}
        </p>
      ) : null}
      <MutationError
        action="preview the reset of"
        topic={group.groupId}
        error={preview.error}
        testId="reset-preview-error"
      />
      {preview.data && !preview.error ? <PreviewSection preview={preview.data} fresh={form.previewFresh} /> : null}
    </div>
  );
}

/**
 * Reset a group's committed offsets: choose topics (and optionally partitions) and a target, preview the broker's
 * answer as a dry run, then apply it. Applying needs a fresh preview and a group without active members.
 */
export function ResetOffsetsDialog({ clusterId, group, onClose }: Props) {
  const form = useResetOffsetsForm(clusterId, group);
  const done = form.apply.data;
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      testId="reset-offsets-dialog"
      title="Reset offsets"
      description={
        <>
          Moves the committed offsets of <span className="font-mono">{group.groupId}</span>. Its consumers continue from
          the new offsets when they next start.
        </>
      }
      footer={<ResetFooter form={form} onClose={onClose} />}
    >
      {done ? <AppliedResult done={done} /> : <ResetForm form={form} group={group} />}
    </Dialog>
  );
}
