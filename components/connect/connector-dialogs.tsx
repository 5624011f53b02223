"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { ApiClientError } from "@/lib/api/client";
import { useUpdateConnectorMutation, type ConnectorActionInput } from "@/lib/queries/connect";
import type { ConnectorDetail } from "@/lib/schemas/connect";

export type Pending =
  | { kind: "pause" | "resume" | "stop" | "reset-offsets" }
  | { kind: "restart" }
  | { kind: "restart-task"; taskId: number }
  | { kind: "delete" }
  | { kind: "edit" };

const WHAT: Record<"pause" | "resume" | "stop" | "reset-offsets", { title: string; text: string; label: string }> = {
  pause: {
    title: "Pause",
    text: "The connector and its tasks stop processing; they keep their resources and resume where they left off.",
    label: "Pause",
  },
  resume: { title: "Resume", text: "The connector and its tasks start processing again.", label: "Resume" },
  stop: {
    title: "Stop",
    text: "The connector is shut down and its tasks are removed (their config stays). A stopped connector's offsets can be reset.",
    label: "Stop",
  },
  "reset-offsets": {
    title: "Reset offsets of",
    text: "Every offset the connector committed is removed: resumed, a source reads from the start again and a sink from its consumer's reset policy.",
    label: "Reset offsets",
  },
};

/** A connector dialog's footer: a quiet Cancel, then its action. */
function CancelFooter({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  return (
    <>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      {children}
    </>
  );
}

const RESTART_OPTIONS = [
  { key: "includeTasks", label: "Restart its tasks too", testId: "restart-include-tasks" },
  { key: "onlyFailed", label: "Only what has FAILED", testId: "restart-only-failed" },
] as const;

function ConfirmAction({
  pending,
  name,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  pending: { kind: keyof typeof WHAT } | { kind: "restart" } | { kind: "restart-task"; taskId: number };
  name: string;
  busy: boolean;
  error?: string;
  onConfirm: (a: ConnectorActionInput) => void;
  onClose: () => void;
}) {
  const [restart, setRestart] = useState({ includeTasks: true, onlyFailed: false });
  const w =
    pending.kind === "restart"
      ? {
          title: "Restart",
          text: "The connector restarts on its worker; choose whether its tasks restart too.",
          label: "Restart",
        }
      : pending.kind === "restart-task"
        ? { title: `Restart task ${pending.taskId} of`, text: "Only this task restarts.", label: "Restart task" }
        : WHAT[pending.kind];
  const action: ConnectorActionInput = pending.kind === "restart" ? { kind: "restart", ...restart } : pending;
  return (
    <Dialog
      onClose={onClose}
      title={`${w.title} ${name}?`}
      description={w.text}
      size="sm"
      testId="connector-confirm"
      footer={
        <CancelFooter onCancel={onClose}>
          <Button
            variant={pending.kind === "reset-offsets" ? "danger" : "primary"}
            disabled={busy}
            onClick={() => onConfirm(action)}
            data-testid="connector-confirm-button"
          >
            {w.label}
          </Button>
        </CancelFooter>
      }
    >
      {pending.kind === "restart" ? (
        <div className="space-y-2 text-sm">
          {RESTART_OPTIONS.map((o) => (
            <label key={o.key} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={restart[o.key]}
                onChange={(e) => setRestart((r) => ({ ...r, [o.key]: e.target.checked }))}
                data-testid={o.testId}
              />{" "}
              {o.label}
            </label>
          ))}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}

function EditConfigDialog({
  clusterId,
  connectId,
  detail,
  onClose,
}: {
  clusterId: string;
  connectId: string;
  detail: ConnectorDetail;
  onClose: () => void;
}) {
  const [text, setText] = useState(JSON.stringify(detail.config, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const m = useUpdateConnectorMutation(clusterId, connectId, detail.name);
  const submit = () => {
    let config: Record<string, string>;
    try {
      config = JSON.parse(text);
    } catch {
      setParseError("Not valid JSON.");
      return;
    }
    setParseError(null);
    m.mutate(config, { onSuccess: onClose });
  };
  const details = m.error instanceof ApiClientError ? m.error.details : [];
  return (
    <Dialog
      onClose={onClose}
      size="lg"
      title={`Edit the config of ${detail.name}`}
      description='Hidden values ("[hidden]") keep what is stored; the worker validates the new config before it applies.'
      testId="connector-edit"
      footer={
        <CancelFooter onCancel={onClose}>
          <Button variant="primary" disabled={m.isPending} onClick={submit} data-testid="connector-edit-submit">
            Save config
          </Button>
        </CancelFooter>
      }
    >
      <Textarea
        className="h-80 font-mono text-xs"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="connector-edit-json"
      />
      {parseError || m.error ? (
        <div role="alert" className="mt-2 space-y-1 text-sm text-red-700">
          <p>{parseError ?? m.error?.message}</p>
          {details.map((d) => (
            <p key={d.path} className="font-mono text-xs">
              {d.path}: {d.issue}
            </p>
          ))}
        </div>
      ) : null}
    </Dialog>
  );
}

/** The dialog the pending action asks for: typed confirmation to delete, the config editor, or a confirmation. */
export function ConnectorDialog({
  pending,
  clusterId,
  connectId,
  name,
  detail,
  busy,
  error,
  onConfirm,
  onClose,
  onCancel,
}: {
  pending: Pending;
  clusterId: string;
  connectId: string;
  name: string;
  detail: ConnectorDetail;
  busy: boolean;
  error?: string;
  onConfirm: (a: ConnectorActionInput) => void;
  onClose: () => void;
  /** Closes a confirmation, forgetting the action's error. */
  onCancel: () => void;
}): ReactNode {
  if (pending.kind === "delete") {
    return (
      <TypedConfirmDialog
        target={name}
        title={`Delete connector ${name}`}
        description="The connector, its tasks and its config are removed from the Connect cluster. Its topics and their records stay."
        confirmLabel="Delete connector"
        testId="connector-delete-dialog"
        idSuffix="connector-delete"
        isPending={busy}
        error={error}
        onConfirm={() => onConfirm({ kind: "delete" })}
        onClose={onClose}
      />
    );
  }
  if (pending.kind === "edit") {
    return <EditConfigDialog clusterId={clusterId} connectId={connectId} detail={detail} onClose={onClose} />;
  }
  return (
    <ConfirmAction pending={pending} name={name} busy={busy} error={error} onConfirm={onConfirm} onClose={onCancel} />
  );
}
