"use client";

import { useQuery } from "@tanstack/react-query";
import { Pause, Pencil, Play, RotateCcw, Square, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, Loading } from "@/components/ui/states";
import { Textarea } from "@/components/ui/textarea";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { ApiClientError } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import {
  connectorOffsetsOptions,
  connectorOptions,
  useConnectorActionMutation,
  useUpdateConnectorMutation,
  type ConnectorActionInput,
} from "@/lib/queries/connect";
import type { ConnectorDetail, ConnectorOffsets } from "@/lib/schemas/connect";
import { stateTone, useConnectStream } from "./use-connect-stream";

type Pending =
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
  const [includeTasks, setIncludeTasks] = useState(true);
  const [onlyFailed, setOnlyFailed] = useState(false);
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
  const action: ConnectorActionInput =
    pending.kind === "restart" ? { kind: "restart", includeTasks, onlyFailed } : pending;
  return (
    <Dialog
      onClose={onClose}
      title={`${w.title} ${name}?`}
      description={w.text}
      size="sm"
      testId="connector-confirm"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant={pending.kind === "reset-offsets" ? "danger" : "primary"}
            disabled={busy}
            onClick={() => onConfirm(action)}
            data-testid="connector-confirm-button"
          >
            {w.label}
          </Button>
        </>
      }
    >
      {pending.kind === "restart" ? (
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={includeTasks}
              onChange={(e) => setIncludeTasks(e.target.checked)}
              data-testid="restart-include-tasks"
            />{" "}
            Restart its tasks too
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={onlyFailed}
              onChange={(e) => setOnlyFailed(e.target.checked)}
              data-testid="restart-only-failed"
            />{" "}
            Only what has FAILED
          </label>
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
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" disabled={m.isPending} onClick={submit} data-testid="connector-edit-submit">
            Save config
          </Button>
        </>
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

/** One connector: live state, actions, tasks with their failure traces, topics, config (secrets hidden) and offsets. */
function OffsetsTable({ offsets }: { offsets: ConnectorOffsets["offsets"] }) {
  return (
    <table className="w-full text-sm" data-testid="connector-offsets">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="px-4 py-2">Partition</th>
          <th className="px-4 py-2">Offset</th>
        </tr>
      </thead>
      <tbody>
        {offsets.map((o, i) => (
          <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
            <td className="break-all px-4 py-1.5 font-mono text-xs">{JSON.stringify(o.partition)}</td>
            <td className="break-all px-4 py-1.5 font-mono text-xs">{JSON.stringify(o.offset)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TasksCard({
  tasks,
  taskState,
  can,
  onRestart,
}: {
  tasks: ConnectorDetail["tasks"];
  taskState: (id: number, fallback: string) => string;
  can: boolean;
  onRestart: (taskId: number) => void;
}) {
  return (
    <Card>
      <CardHeader>
        <h2 className="font-medium">Tasks</h2>
      </CardHeader>
      <CardBody className="p-0">
        {tasks.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">No tasks (a stopped or just-created connector has none).</p>
        ) : (
          <table className="w-full text-sm" data-testid="connector-tasks">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="px-4 py-2">Task</th>
                <th className="px-4 py-2">State</th>
                <th className="px-4 py-2">Worker</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {tasks.map((t) => (
                <tr
                  key={t.id}
                  className="border-t border-slate-100 align-top dark:border-slate-800"
                  data-testid={`task-${t.id}`}
                >
                  <td className="px-4 py-2 font-mono">{t.id}</td>
                  <td className="px-4 py-2">
                    <Badge tone={stateTone(taskState(t.id, t.state))} data-testid={`task-state-${t.id}`}>
                      {taskState(t.id, t.state)}
                    </Badge>
                    {t.trace ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-red-700">Failure trace</summary>
                        <pre
                          className="max-h-64 max-w-xl overflow-auto whitespace-pre-wrap rounded bg-red-50 p-2 text-xs text-red-900 dark:bg-red-950/40 dark:text-red-200"
                          data-testid={`task-trace-${t.id}`}
                        >
                          {t.trace}
                        </pre>
                      </details>
                    ) : null}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{t.workerId ?? "—"}</td>
                  <td className="px-4 py-2 text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={!can}
                      onClick={() => onRestart(t.id)}
                      data-testid={`task-restart-${t.id}`}
                    >
                      <RotateCcw className="h-4 w-4" /> Restart
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardBody>
    </Card>
  );
}

function TopicsCard({ clusterId, topics }: { clusterId: string; topics: ConnectorDetail["topics"] }) {
  return (
    <Card>
      <CardHeader>
        <h2 className="font-medium">Topics</h2>
      </CardHeader>
      <CardBody className="text-sm" data-testid="connector-topics">
        {topics.length === 0 ? (
          <p className="text-slate-500">
            No topics used yet (the worker records them as the connector reads or writes).
          </p>
        ) : (
          <ul className="space-y-1">
            {topics.map((t) => (
              <li key={t}>
                <Link
                  href={paths.topic(clusterId, t)}
                  className="font-mono text-brand-700 hover:underline dark:text-cyan-300"
                >
                  {t}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function ConfigCard({
  config,
  maskedKeys,
}: {
  config: ConnectorDetail["config"];
  maskedKeys: ConnectorDetail["maskedKeys"];
}) {
  return (
    <Card>
      <CardHeader>
        <h2 className="font-medium">Config</h2>
        <span className="text-xs text-slate-500">Secret values are hidden as the worker hides them.</span>
      </CardHeader>
      <CardBody className="p-0">
        <table className="w-full text-sm" data-testid="connector-config">
          <tbody>
            {Object.entries(config)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => (
                <tr key={k} className="border-t border-slate-100 first:border-t-0 dark:border-slate-800">
                  <td className="w-1/3 px-4 py-1.5 font-mono text-xs text-slate-600 dark:text-slate-400">{k}</td>
                  <td
                    className={`break-all px-4 py-1.5 font-mono text-xs ${maskedKeys.includes(k) ? "text-slate-400" : ""}`}
                  >
                    {v}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </CardBody>
    </Card>
  );
}

export function ConnectorDetailView({
  clusterId,
  connectId,
  name,
  blocked,
}: {
  clusterId: string;
  connectId: string;
  name: string;
  blocked?: string;
}) {
  const router = useRouter();
  const q = useQuery(connectorOptions(clusterId, connectId, name));
  const offsets = useQuery(connectorOffsetsOptions(clusterId, connectId, name));
  const { states, unavailable } = useConnectStream(clusterId, connectId);
  const [pending, setPending] = useState<Pending | null>(null);
  const act = useConnectorActionMutation(clusterId, connectId, name);
  const live = states?.get(name);
  const liveKey = live ? `${live.state}|${live.tasks.map((t) => `${t.id}:${t.state}:${t.workerId}`).join(",")}` : null;
  const { refetch } = q;
  const refetchOffsets = offsets.refetch;
  // A state change seen on the stream: reload the detail (traces, workers) and the offsets.
  useEffect(() => {
    if (liveKey) {
      void refetch();
      void refetchOffsets();
    }
  }, [liveKey, refetch, refetchOffsets]);

  if (q.isPending) return <Loading label="Loading the connector…" />;
  if (q.error) {
    return (
      <ErrorState
        title={
          q.error instanceof ApiClientError && q.error.status === 404
            ? "No such connector"
            : "Could not load the connector"
        }
        message={q.error.message}
      />
    );
  }
  const d = q.data;
  const state = live?.state ?? d.state;
  const taskState = (id: number, fallback: string) => live?.tasks.find((t) => t.id === id)?.state ?? fallback;
  const run = (a: ConnectorActionInput) =>
    act.mutate(a, {
      onSuccess: () => {
        setPending(null);
        if (a.kind === "delete") router.push(paths.connectors(clusterId, connectId));
        else void offsets.refetch();
      },
    });
  const can = !blocked;

  let offsetsBody: ReactNode;
  if (offsets.isPending) {
    offsetsBody = <Loading label="Loading offsets…" />;
  } else if (offsets.error) {
    offsetsBody = <p className="px-4 py-3 text-sm text-red-700">{offsets.error.message}</p>;
  } else if (offsets.data.offsets.length === 0) {
    offsetsBody = (
      <p className="px-4 py-3 text-sm text-slate-500" data-testid="connector-offsets-empty">
        No offsets committed.
      </p>
    );
  } else {
    offsetsBody = <OffsetsTable offsets={offsets.data.offsets} />;
  }
  let dialog: ReactNode = null;
  if (pending?.kind === "delete") {
    dialog = (
      <TypedConfirmDialog
        target={name}
        title={`Delete connector ${name}`}
        description="The connector, its tasks and its config are removed from the Connect cluster. Its topics and their records stay."
        confirmLabel="Delete connector"
        testId="connector-delete-dialog"
        idSuffix="connector-delete"
        isPending={act.isPending}
        error={act.error?.message}
        onConfirm={() => run({ kind: "delete" })}
        onClose={() => setPending(null)}
      />
    );
  } else if (pending?.kind === "edit") {
    dialog = (
      <EditConfigDialog clusterId={clusterId} connectId={connectId} detail={d} onClose={() => setPending(null)} />
    );
  } else if (pending) {
    dialog = (
      <ConfirmAction
        pending={pending}
        name={name}
        busy={act.isPending}
        error={act.error?.message}
        onConfirm={run}
        onClose={() => {
          act.reset();
          setPending(null);
        }}
      />
    );
  }
  return (
    <div className="space-y-4">
      {unavailable ? <ErrorState title="The Connect worker does not answer" message={unavailable} /> : null}
      <Card>
        <CardHeader className="items-center">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Badge tone={stateTone(state)} className="text-sm" data-testid="connector-state">
              {state}
            </Badge>
            <span className="text-slate-500">{d.type}</span>
            <span className="font-mono text-xs">{d.className}</span>
            {d.workerId ? <span className="text-slate-500">on worker {d.workerId}</span> : null}
          </div>
          <Blocked reason={blocked}>
            {state === "PAUSED" || state === "STOPPED" ? (
              <Button
                size="sm"
                disabled={!can}
                onClick={() => setPending({ kind: "resume" })}
                data-testid="connector-resume"
              >
                <Play className="h-4 w-4" /> Resume
              </Button>
            ) : (
              <Button
                size="sm"
                disabled={!can}
                onClick={() => setPending({ kind: "pause" })}
                data-testid="connector-pause"
              >
                <Pause className="h-4 w-4" /> Pause
              </Button>
            )}
            <Button
              size="sm"
              disabled={!can || state === "STOPPED"}
              onClick={() => setPending({ kind: "stop" })}
              data-testid="connector-stop"
            >
              <Square className="h-4 w-4" /> Stop
            </Button>
            <Button
              size="sm"
              disabled={!can}
              onClick={() => setPending({ kind: "restart" })}
              data-testid="connector-restart"
            >
              <RotateCcw className="h-4 w-4" /> Restart
            </Button>
            <Button
              size="sm"
              disabled={!can}
              onClick={() => setPending({ kind: "edit" })}
              data-testid="connector-edit-open"
            >
              <Pencil className="h-4 w-4" /> Edit config
            </Button>
            <Button
              size="sm"
              variant="danger"
              disabled={!can}
              onClick={() => setPending({ kind: "delete" })}
              data-testid="connector-delete"
            >
              <Trash2 className="h-4 w-4" /> Delete
            </Button>
          </Blocked>
        </CardHeader>
        {d.trace ? (
          <CardBody>
            <p className="mb-1 text-sm font-medium text-red-700">The connector failed:</p>
            <pre className="max-h-64 overflow-auto rounded bg-red-50 p-2 text-xs text-red-900 dark:bg-red-950/40 dark:text-red-200">
              {d.trace}
            </pre>
          </CardBody>
        ) : null}
      </Card>

      <div className="grid gap-4 xl:grid-cols-2">
        <TasksCard
          tasks={d.tasks}
          taskState={taskState}
          can={can}
          onRestart={(taskId) => setPending({ kind: "restart-task", taskId })}
        />
        <TopicsCard clusterId={clusterId} topics={d.topics} />
      </div>

      <ConfigCard config={d.config} maskedKeys={d.maskedKeys} />

      <Card>
        <CardHeader className="items-center">
          <div>
            <h2 className="font-medium">Offsets</h2>
            <p className="text-xs text-slate-500">Offsets can be reset only while the connector is STOPPED.</p>
          </div>
          <Blocked reason={blocked}>
            <Button
              size="sm"
              variant="danger"
              disabled={!can || state !== "STOPPED"}
              onClick={() => setPending({ kind: "reset-offsets" })}
              data-testid="connector-reset-offsets"
            >
              Reset offsets
            </Button>
          </Blocked>
        </CardHeader>
        <CardBody className="p-0">{offsetsBody}</CardBody>
      </Card>

      {dialog}
    </div>
  );
}
