"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { BusyButton, FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { Tooltip } from "@/components/ui/tooltip";
import { paths } from "@/lib/paths";
import { brokerListOptions } from "@/lib/queries/clusters";
import { useCreateTopicMutation } from "@/lib/queries/topics";
import { createTopicBodySchema, type CreateTopicBody, type CreateTopicResult } from "@/lib/schemas/topics";
import { CreateTopicForm, type TopicDraft } from "./create-topic-form";
import { CreateTopicPreview } from "./create-topic-preview";
import { MutationError, serverFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";

const toNumber = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/** Turns the draft into the request body, or field errors (the same zod schema the server uses, plus duplicate rows). */
function toBody(draft: TopicDraft): { body?: CreateTopicBody; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const configs: Record<string, string> = {};
  for (const row of draft.overrides) {
    if (!row.key && !row.value) continue;
    if (!row.key) errors[`overrides.${row.id}`] = "choose a config or remove the row";
    else configs[row.key] = row.value;
  }
  const body = {
    name: draft.name.trim(),
    partitions: toNumber(draft.partitions),
    replicationFactor: toNumber(draft.replicationFactor),
    configs,
  };
  const parsed = createTopicBodySchema.safeParse(body);
  if (!parsed.success) Object.assign(errors, zodFieldErrors(parsed.error));
  return Object.keys(errors).length ? { errors } : { body, errors };
}

/** "Create topic": a form, a dry-run preview from the broker, then the real create; lands on the new topic. */
export function CreateTopicButton({ clusterId, blockedReason }: { clusterId: string; blockedReason?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Blocked reason={blockedReason}>
      <Tooltip content={blockedReason}>
        <Button
          variant="primary"
          onClick={() => setOpen(true)}
          disabled={!!blockedReason}
          data-testid="create-topic-button"
        >
          <Plus className="h-4 w-4" /> Create topic
        </Button>
      </Tooltip>
      {open ? <CreateTopicDialog clusterId={clusterId} onClose={() => setOpen(false)} /> : null}
    </Blocked>
  );
}

/** The footer of each step: Preview on the form; Back and Create topic on the review. */
function CreateTopicFooter({
  reviewing,
  pending,
  onCancel,
  onBack,
  onPreview,
  onCreate,
}: {
  reviewing: boolean;
  pending: boolean;
  onCancel: () => void;
  onBack: () => void;
  onPreview: () => void;
  onCreate: () => void;
}) {
  const submit = reviewing
    ? { label: "Create topic", busyLabel: "Creating…", testId: "create-topic-submit", onClick: onCreate }
    : { label: "Preview", busyLabel: "Validating…", testId: "create-topic-preview-button", onClick: onPreview };
  return (
    <FormDialogFooter
      onCancel={onCancel}
      back={
        reviewing ? (
          <Button
            variant="ghost"
            onClick={onBack}
            disabled={pending}
            data-testid="create-topic-back"
            className="mr-auto"
          >
            <ArrowLeft className="h-4 w-4" /> Back
          </Button>
        ) : undefined
      }
    >
      <BusyButton
        variant="primary"
        onClick={submit.onClick}
        disabled={pending}
        busy={pending}
        busyLabel={submit.busyLabel}
        data-testid={submit.testId}
      >
        {submit.label}
      </BusyButton>
    </FormDialogFooter>
  );
}

function CreateTopicDialog({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const router = useRouter();
  const brokers = useQuery(brokerListOptions(clusterId));
  const brokerCount = brokers.data?.brokers.length;
  const [draft, setDraft] = useState<TopicDraft>({ name: "", partitions: "3", replicationFactor: "", overrides: [] });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<{ body: CreateTopicBody; result: CreateTopicResult } | null>(null);
  const mutation = useCreateTopicMutation(clusterId);
  // Until the user types one, the replication factor follows the cluster: 3, or fewer brokers.
  const effectiveDraft =
    draft.replicationFactor === "" && brokerCount
      ? { ...draft, replicationFactor: String(Math.min(3, brokerCount)) }
      : draft;

  const onDraftChange = (d: TopicDraft) => {
    setDraft(d);
    if (Object.keys(errors).length) setErrors({});
    if (mutation.error) mutation.reset();
  };

  const runPreview = () => {
    const { body, errors: found } = toBody(effectiveDraft);
    setErrors(found);
    if (!body) return;
    mutation.mutate(
      { body, dryRun: true },
      { onSuccess: (result) => setPreview({ body, result }), onError: (e) => setErrors(serverFieldErrors(e)) },
    );
  };

  const create = () => {
    if (!preview) return;
    mutation.mutate(
      { body: preview.body, dryRun: false },
      { onSuccess: (r) => router.push(paths.topic(clusterId, r.name)) },
    );
  };

  const action = preview ? "create" : "validate";
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      testId="create-topic-dialog"
      title={preview ? "Review the new topic" : "Create topic"}
      description={
        preview
          ? "The broker validated this request without creating anything. Create it if it looks right."
          : "Preview asks the broker to validate the topic first; nothing is created until you confirm."
      }
      footer={
        <CreateTopicFooter
          reviewing={!!preview}
          pending={mutation.isPending}
          onCancel={onClose}
          onBack={() => {
            mutation.reset();
            setPreview(null);
          }}
          onPreview={runPreview}
          onCreate={create}
        />
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (preview) create();
          else runPreview();
        }}
      >
        <MutationError
          action={action}
          topic={(preview?.body.name ?? draft.name.trim()) || "the topic"}
          error={mutation.error}
          testId="create-topic-error"
        />
        {preview ? (
          <CreateTopicPreview result={preview.result} />
        ) : (
          <CreateTopicForm draft={effectiveDraft} onChange={onDraftChange} errors={errors} brokerCount={brokerCount} />
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
