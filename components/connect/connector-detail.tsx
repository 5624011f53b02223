"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ErrorState, Loading } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import {
  connectorOffsetsOptions,
  connectorOptions,
  useConnectorActionMutation,
  type ConnectorActionInput,
} from "@/lib/queries/connect";
import { ConfigCard, ConnectorHeaderCard, OffsetsCard, TasksCard, TopicsCard } from "./connector-cards";
import { ConnectorDialog, type Pending } from "./connector-dialogs";
import { useConnectStream } from "./use-connect-stream";

/** The connector, its offsets and its live state; a state change seen on the stream reloads the first two. */
function useLiveConnector(clusterId: string, connectId: string, name: string) {
  const q = useQuery(connectorOptions(clusterId, connectId, name));
  const offsets = useQuery(connectorOffsetsOptions(clusterId, connectId, name));
  const { states, unavailable } = useConnectStream(clusterId, connectId);
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
  return { q, offsets, live, unavailable };
}

/** One connector: live state, actions, tasks with their failure traces, topics, config (secrets hidden) and offsets. */
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
  const { q, offsets, live, unavailable } = useLiveConnector(clusterId, connectId, name);
  const [pending, setPending] = useState<Pending | null>(null);
  const act = useConnectorActionMutation(clusterId, connectId, name);

  if (q.isPending) return <Loading label="Loading the connector…" />;
  if (q.error) {
    const missing = q.error instanceof ApiClientError && q.error.status === 404;
    return (
      <ErrorState title={missing ? "No such connector" : "Could not load the connector"} message={q.error.message} />
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
  const close = () => setPending(null);
  const cancel = () => {
    act.reset();
    close();
  };
  const dialog = { clusterId, connectId, name, detail: d, busy: act.isPending, error: act.error?.message };
  return (
    <div className="space-y-4">
      {unavailable ? <ErrorState title="The Connect worker does not answer" message={unavailable} /> : null}
      <ConnectorHeaderCard detail={d} state={state} blocked={blocked} onAction={setPending} />

      <div className="grid gap-4 xl:grid-cols-2">
        <TasksCard
          tasks={d.tasks}
          taskState={taskState}
          can={!blocked}
          onRestart={(taskId) => setPending({ kind: "restart-task", taskId })}
        />
        <TopicsCard clusterId={clusterId} topics={d.topics} />
      </div>

      <ConfigCard config={d.config} maskedKeys={d.maskedKeys} />

      <OffsetsCard
        offsets={offsets}
        state={state}
        blocked={blocked}
        onReset={() => setPending({ kind: "reset-offsets" })}
      />

      {pending ? (
        <ConnectorDialog pending={pending} {...dialog} onConfirm={run} onClose={close} onCancel={cancel} />
      ) : null}
    </div>
  );
}
