"use client";

import { Pause, Pencil, Play, RotateCcw, Square, Trash2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Blocked } from "@/components/ui/blocked";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Loading } from "@/components/ui/states";
import { TableHead } from "@/components/ui/table-head";
import { paths } from "@/lib/paths";
import type { ConnectorDetail, ConnectorOffsets } from "@/lib/schemas/connect";
import type { Pending } from "./connector-dialogs";
import { stateTone } from "./use-connect-stream";

function OffsetsTable({ offsets }: { offsets: ConnectorOffsets["offsets"] }) {
  return (
    <table className="w-full text-sm" data-testid="connector-offsets">
      <TableHead cellClassName="px-4 py-2" labels={["Partition", "Offset"]} />
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

/** A card with a title (and a note beside it) over its body. */
function TitledCard({
  title,
  note,
  bodyClassName,
  bodyTestId,
  children,
}: {
  title: string;
  note?: ReactNode;
  bodyClassName: string;
  bodyTestId?: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <h2 className="font-medium">{title}</h2>
        {note}
      </CardHeader>
      <CardBody className={bodyClassName} data-testid={bodyTestId}>
        {children}
      </CardBody>
    </Card>
  );
}

export function TasksCard({
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
    <TitledCard title="Tasks" bodyClassName="p-0">
      {tasks.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">No tasks (a stopped or just-created connector has none).</p>
      ) : (
        <table className="w-full text-sm" data-testid="connector-tasks">
          <TableHead cellClassName="px-4 py-2" labels={["Task", "State", "Worker", ""]} />
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
    </TitledCard>
  );
}

export function TopicsCard({ clusterId, topics }: { clusterId: string; topics: ConnectorDetail["topics"] }) {
  return (
    <TitledCard title="Topics" bodyClassName="text-sm" bodyTestId="connector-topics">
      {topics.length === 0 ? (
        <p className="text-slate-500">No topics used yet (the worker records them as the connector reads or writes).</p>
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
    </TitledCard>
  );
}

export function ConfigCard({
  config,
  maskedKeys,
}: {
  config: ConnectorDetail["config"];
  maskedKeys: ConnectorDetail["maskedKeys"];
}) {
  return (
    <TitledCard
      title="Config"
      note={<span className="text-xs text-slate-500">Secret values are hidden as the worker hides them.</span>}
      bodyClassName="p-0"
    >
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
    </TitledCard>
  );
}

type HeaderAction = {
  kind: "pause" | "resume" | "stop" | "restart" | "edit" | "delete";
  label: string;
  Icon: typeof Play;
  testId?: string;
  danger?: boolean;
  off?: boolean;
};

/** The connector's state, type, class and worker, its failure trace, and the actions on it. */
export function ConnectorHeaderCard({
  detail,
  state,
  blocked,
  onAction,
}: {
  detail: ConnectorDetail;
  state: string;
  blocked?: string;
  onAction: (p: Pending) => void;
}) {
  const actions: HeaderAction[] = [
    state === "PAUSED" || state === "STOPPED"
      ? { kind: "resume", label: "Resume", Icon: Play }
      : { kind: "pause", label: "Pause", Icon: Pause },
    { kind: "stop", label: "Stop", Icon: Square, off: state === "STOPPED" },
    { kind: "restart", label: "Restart", Icon: RotateCcw },
    { kind: "edit", label: "Edit config", Icon: Pencil, testId: "connector-edit-open" },
    { kind: "delete", label: "Delete", Icon: Trash2, danger: true },
  ];
  return (
    <Card>
      <CardHeader className="items-center">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Badge tone={stateTone(state)} className="text-sm" data-testid="connector-state">
            {state}
          </Badge>
          <span className="text-slate-500">{detail.type}</span>
          <span className="font-mono text-xs">{detail.className}</span>
          {detail.workerId ? <span className="text-slate-500">on worker {detail.workerId}</span> : null}
        </div>
        <Blocked reason={blocked}>
          {actions.map(({ kind, label, Icon, testId, danger, off }) => (
            <Button
              key={kind}
              size="sm"
              variant={danger ? "danger" : undefined}
              disabled={!!blocked || off}
              onClick={() => onAction({ kind })}
              data-testid={testId ?? `connector-${kind}`}
            >
              <Icon className="h-4 w-4" /> {label}
            </Button>
          ))}
        </Blocked>
      </CardHeader>
      {detail.trace ? (
        <CardBody>
          <p className="mb-1 text-sm font-medium text-red-700">The connector failed:</p>
          <pre className="max-h-64 overflow-auto rounded bg-red-50 p-2 text-xs text-red-900 dark:bg-red-950/40 dark:text-red-200">
            {detail.trace}
          </pre>
        </CardBody>
      ) : null}
    </Card>
  );
}

/** The offsets the connector committed; resetting them is offered while it is STOPPED. */
export function OffsetsCard({
  offsets,
  state,
  blocked,
  onReset,
}: {
  offsets: { isPending: boolean; error: Error | null; data?: ConnectorOffsets };
  state: string;
  blocked?: string;
  onReset: () => void;
}) {
  let body: ReactNode;
  if (offsets.isPending) {
    body = <Loading label="Loading offsets…" />;
  } else if (offsets.error || !offsets.data) {
    body = <p className="px-4 py-3 text-sm text-red-700">{offsets.error?.message}</p>;
  } else if (offsets.data.offsets.length === 0) {
    body = (
      <p className="px-4 py-3 text-sm text-slate-500" data-testid="connector-offsets-empty">
        No offsets committed.
      </p>
    );
  } else {
    body = <OffsetsTable offsets={offsets.data.offsets} />;
  }
  return (
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
            disabled={!!blocked || state !== "STOPPED"}
            onClick={onReset}
            data-testid="connector-reset-offsets"
          >
            Reset offsets
          </Button>
        </Blocked>
      </CardHeader>
      <CardBody className="p-0">{body}</CardBody>
    </Card>
  );
}
