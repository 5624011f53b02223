import "server-only";
import type { ConnectorState, ConnectorTask, TaskCounts } from "@/lib/schemas/connect";

/** What the worker's REST API answers (only the fields Sluice reads). */
export type WorkerStatus = {
  name: string;
  connector: { state: string; worker_id?: string; trace?: string };
  tasks: { id: number; state: string; worker_id?: string; trace?: string }[];
  type?: string;
};
export type WorkerInfo = {
  name: string;
  config: Record<string, string>;
  tasks: { connector: string; task: number }[];
  type?: string;
};
export type WorkerExpanded = Record<string, { status?: WorkerStatus; info?: WorkerInfo }>;
export type WorkerConfigInfos = {
  name: string;
  error_count: number;
  groups: string[];
  configs: {
    definition: {
      name: string;
      type: string;
      required: boolean;
      default_value: string | null;
      importance: string;
      documentation: string | null;
      group: string | null;
      order_in_group: number;
      display_name: string | null;
    };
    value: { name: string; value: string | null; recommended_values: string[]; errors: string[]; visible: boolean };
  }[];
};

const STATES = new Set(["RUNNING", "PAUSED", "STOPPED", "FAILED", "UNASSIGNED", "RESTARTING"]);
export const toState = (s: string | undefined): ConnectorState =>
  s && STATES.has(s) ? (s as ConnectorState) : "UNKNOWN";

export function taskCounts(status: WorkerStatus | undefined): TaskCounts {
  const tasks = status?.tasks ?? [];
  return {
    total: tasks.length,
    running: tasks.filter((t) => t.state === "RUNNING").length,
    failed: tasks.filter((t) => t.state === "FAILED").length,
    paused: tasks.filter((t) => t.state === "PAUSED").length,
  };
}

export const toTasks = (status: WorkerStatus | undefined): ConnectorTask[] =>
  (status?.tasks ?? [])
    .map((t) => ({ id: t.id, state: toState(t.state), workerId: t.worker_id ?? null, trace: t.trace ?? null }))
    .sort((a, b) => a.id - b.id);
