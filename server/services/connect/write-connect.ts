import "server-only";
import type { ConnectorDetail, ConnectorOffsets } from "@/lib/schemas/connect";
import { can, roleOn, type Actor } from "@/server/auth/permissions";
import { connectFor, seg, type ConnectClient } from "@/server/connect/client";
import { ApiError } from "@/server/http/api-error";
import { audited, type AuditContext } from "@/server/services/audit/record-audit";
import { maskConfig, unmaskConfig } from "./mask-config";
import { getConnector, getConnectorStatus, storedConfig, validateWith } from "./read-connect";
import type { WorkerInfo } from "./worker-types";

/** The config keys that name the topics a connector reads or writes (sources: topic; sinks and MirrorMaker 2: topics). */
const TOPIC_KEYS = ["topic", "topics"];

/**
 * Operators act on connectors within their teams' prefixes, like topics: the connector's name (checked by the route)
 * and every topic its config names. A topic regex (`topics.regex`) cannot be checked, so it is for admins.
 */
export function assertTopicsOwned(actor: Actor, clusterId: string, config: Record<string, string>): void {
  if (roleOn(actor, clusterId) === "admin") return;
  if (config["topics.regex"]) {
    throw new ApiError(
      "forbidden",
      'A connector with topics.regex can read any topic; only admins may configure one. Name the topics in "topics" instead.',
      [{ path: "config.topics.regex", issue: "admin_only" }],
    );
  }
  for (const key of TOPIC_KEYS) {
    for (const topic of (config[key] ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean)) {
      if (/[|()[\]^$+?{}\\]/.test(topic) || !can(actor, "connect:manage", clusterId, topic)) {
        throw new ApiError(
          "forbidden",
          `The connector's ${key} names "${topic}", which your teams do not own; operators may only connect their teams' topics.`,
          [{ path: `config.${key}`, issue: "not_owned" }],
        );
      }
    }
  }
}

/** Validates a config with the worker; any error → 422 with one detail per field, so nothing is created. */
async function assertValid(
  client: ConnectClient,
  name: string,
  config: Record<string, string>,
): Promise<Map<string, string>> {
  const infos = await validateWith(client, { ...config, name });
  if (infos.error_count === 0) return new Map(infos.configs.map((c) => [c.definition.name, c.definition.type]));
  const details = infos.configs
    .filter((c) => c.value.errors?.length)
    .map((c) => ({ path: `config.${c.definition.name}`, issue: c.value.errors.join("; ") }));
  const first = details[0];
  throw new ApiError(
    "unprocessable_entity",
    `The worker found ${infos.error_count} error(s) in the config${first ? `; ${first.path.slice(7)}: ${first.issue}` : ""}.`,
    details,
  );
}

const target = (client: ConnectClient, name: string) => `${client.name}/${name}`;

async function exists(client: ConnectClient, name: string): Promise<boolean> {
  try {
    await client.request({ path: `/connectors/${seg(name)}` });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return false;
    throw error;
  }
}

/** Creates a connector and reads it back as the connector page shows it. */
export async function createConnector(
  clusterId: string,
  connectId: string,
  input: { name: string; config: Record<string, string> },
  audit: AuditContext,
): Promise<ConnectorDetail> {
  await submitConnector(clusterId, connectId, input, audit);
  return getConnector(clusterId, connectId, input.name);
}

/**
 * Creates a connector: the actor owns its topics, no connector of that name exists, the worker validates the config,
 * then the worker accepts it (audited). Done once the worker has it; its tasks start on the worker's own time.
 */
export async function submitConnector(
  clusterId: string,
  connectId: string,
  input: { name: string; config: Record<string, string> },
  audit: AuditContext,
): Promise<void> {
  const client = connectFor(clusterId, connectId);
  assertTopicsOwned(audit.actor, clusterId, input.config);
  const clash = () =>
    new ApiError("conflict", `A connector named "${input.name}" already exists on Kafka Connect "${client.name}".`, [
      { path: "name", issue: "already_exists" },
    ]);
  if (await exists(client, input.name)) throw clash();
  const types = await assertValid(client, input.name, input.config);
  await audited(
    { ...audit, clusterId },
    { action: "connector.created", targetType: "connector", target: target(client, input.name) },
    async () => {
      try {
        return await client.request<WorkerInfo>({
          method: "POST",
          path: "/connectors",
          body: { name: input.name, config: input.config },
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === "conflict" && /already exists/i.test(error.message)) {
          throw clash();
        }
        throw error;
      }
    },
    () => ({ config: maskConfig(input.config, types).config }),
  );
}

export async function updateConnectorConfig(
  clusterId: string,
  connectId: string,
  name: string,
  submitted: Record<string, string>,
  audit: AuditContext,
): Promise<ConnectorDetail> {
  const client = connectFor(clusterId, connectId);
  // PUT /config creates a connector that does not exist: edits only change existing ones.
  const stored = await storedConfig(client, name);
  const config = unmaskConfig(submitted, stored.config, stored.maskedKeys);
  if (config["connector.class"] !== stored.config["connector.class"]) {
    throw new ApiError("unprocessable_entity", "connector.class cannot change; create another connector instead.", [
      { path: "config.connector.class", issue: "immutable" },
    ]);
  }
  assertTopicsOwned(audit.actor, clusterId, config);
  const types = await assertValid(client, name, config);
  // The audit row never holds a secret: what was hidden before, and what the plugin declares PASSWORD now.
  for (const k of stored.maskedKeys) types.set(k, "PASSWORD");
  await audited(
    { ...audit, clusterId },
    {
      action: "connector.config-updated",
      targetType: "connector",
      target: target(client, name),
      before: { config: maskConfig(stored.config, types).config },
    },
    () => client.request({ method: "PUT", path: `/connectors/${seg(name)}/config`, body: { ...config, name } }),
    () => ({ config: maskConfig(config, types).config }),
  );
  return getConnector(clusterId, connectId, name);
}

export async function deleteConnector(
  clusterId: string,
  connectId: string,
  name: string,
  audit: AuditContext,
): Promise<{ deleted: string }> {
  const client = connectFor(clusterId, connectId);
  await audited(
    { ...audit, clusterId },
    { action: "connector.deleted", targetType: "connector", target: target(client, name) },
    () => client.request({ method: "DELETE", path: `/connectors/${seg(name)}` }),
  );
  return { deleted: name };
}

export type ConnectorAction = "pause" | "resume" | "stop";
const PAST: Record<ConnectorAction, string> = { pause: "paused", resume: "resumed", stop: "stopped" };

/** Pause, resume or stop: the worker answers 202 and changes the state shortly after (the SSE stream shows it). */
export async function connectorAction(
  clusterId: string,
  connectId: string,
  name: string,
  action: ConnectorAction,
  audit: AuditContext,
): Promise<{ name: string; action: ConnectorAction }> {
  const client = connectFor(clusterId, connectId);
  await audited(
    { ...audit, clusterId },
    { action: `connector.${PAST[action]}`, targetType: "connector", target: target(client, name) },
    () => client.request({ method: "PUT", path: `/connectors/${seg(name)}/${action}` }),
  );
  return { name, action };
}

export async function restartConnector(
  clusterId: string,
  connectId: string,
  name: string,
  opts: { includeTasks: boolean; onlyFailed: boolean },
  audit: AuditContext,
): Promise<{ name: string; restarted: true }> {
  const client = connectFor(clusterId, connectId);
  await audited(
    { ...audit, clusterId },
    { action: "connector.restarted", targetType: "connector", target: target(client, name), before: opts },
    () =>
      client.request({
        method: "POST",
        path: `/connectors/${seg(name)}/restart`,
        query: { includeTasks: opts.includeTasks, onlyFailed: opts.onlyFailed },
      }),
  );
  return { name, restarted: true };
}

export async function restartTask(
  clusterId: string,
  connectId: string,
  name: string,
  taskId: number,
  audit: AuditContext,
): Promise<{ name: string; task: number; restarted: true }> {
  const client = connectFor(clusterId, connectId);
  await audited(
    { ...audit, clusterId },
    { action: "connector.task-restarted", targetType: "connector", target: `${target(client, name)}#${taskId}` },
    () => client.request({ method: "POST", path: `/connectors/${seg(name)}/tasks/${taskId}/restart` }),
  );
  return { name, task: taskId, restarted: true };
}

/** Kafka Connect changes offsets only of a STOPPED connector: say so before asking the worker. */
async function assertStopped(client: ConnectClient, name: string): Promise<void> {
  const status = await getConnectorStatus(client, name);
  if (status.connector.state !== "STOPPED") {
    throw new ApiError(
      "conflict",
      `Connector "${name}" is ${status.connector.state}; offsets can be changed only while it is STOPPED. Stop it first.`,
      [{ path: "state", issue: "not_stopped" }],
    );
  }
}

export async function alterConnectorOffsets(
  clusterId: string,
  connectId: string,
  name: string,
  body: ConnectorOffsets,
  audit: AuditContext,
): Promise<{ message: string }> {
  return changeOffsets(clusterId, connectId, name, audit, {
    action: "connector.offsets-altered",
    method: "PATCH",
    body,
    done: "The offsets were altered.",
  });
}

export async function resetConnectorOffsets(
  clusterId: string,
  connectId: string,
  name: string,
  audit: AuditContext,
): Promise<{ message: string }> {
  return changeOffsets(clusterId, connectId, name, audit, {
    action: "connector.offsets-reset",
    method: "DELETE",
    done: "The offsets were reset.",
  });
}

/**
 * Alters (PATCH with the new offsets, audited as the result) or resets (DELETE, audited with the worker's answer) a
 * STOPPED connector's offsets; the audit row keeps the offsets before.
 */
async function changeOffsets(
  clusterId: string,
  connectId: string,
  name: string,
  audit: AuditContext,
  change: { action: string; method: "PATCH" | "DELETE"; body?: ConnectorOffsets; done: string },
): Promise<{ message: string }> {
  const client = connectFor(clusterId, connectId);
  await assertStopped(client, name);
  const path = `/connectors/${seg(name)}/offsets`;
  const before = await client.request<ConnectorOffsets>({ path });
  const { body } = change;
  const r = await audited(
    { ...audit, clusterId },
    { action: change.action, targetType: "connector", target: target(client, name), before },
    () => client.request<{ message?: string }>({ method: change.method, path, body }),
    body === undefined ? undefined : () => body,
  );
  return { message: r?.message ?? change.done };
}
