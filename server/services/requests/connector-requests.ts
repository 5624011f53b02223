import "server-only";
import { prefixesOwn } from "@/lib/auth/ownership";
import { HIDDEN_VALUE } from "@/lib/schemas/connect";
import type { ConnectorSpec, DriftItem, SubmitRequestInput, Violation } from "@/lib/schemas/requests";
import type { Actor } from "@/server/auth/permissions";
import { connectFor } from "@/server/connect/client";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { maskConfig } from "@/server/services/connect/mask-config";
import { storedConfig, validateWith } from "@/server/services/connect/read-connect";
import { submitConnector } from "@/server/services/connect/write-connect";
import type { GrantTeam } from "@/lib/requests/access-grants";
import type { Prepared } from "./prepare-access";
import type { RequestRow } from "./to-dto";

type ConnectorInput = Extract<SubmitRequestInput, { kind: "connector" }>;

/** The topics a connector config names (sources: topic; sinks and MirrorMaker 2: topics). */
const namedTopics = (config: Record<string, string>) =>
  ["topic", "topics"].flatMap((k) =>
    (config[k] ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => ({ key: k, topic: t })),
  );

/** The connector's existing config on the worker, or null when there is none. */
async function onWorker(clusterId: string, connectId: string, name: string): Promise<Record<string, string> | null> {
  try {
    return (await storedConfig(connectFor(clusterId, connectId), name)).config;
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}

/**
 * A connector request: the name and every topic it names carry the team's prefixes (no topics.regex), the Connect
 * cluster exists, the worker validates the config (its errors become violations, per field), and no connector of
 * that name exists yet. Decided by the team's approvers.
 */
export async function prepareConnectorRequest(
  clusterId: string,
  input: ConnectorInput,
  team: GrantTeam,
): Promise<Prepared & { conflict?: string }> {
  const violations: Violation[] = [];
  const plan: string[] = [];
  if (!prefixesOwn(team.prefixes, input.name)) {
    violations.push({
      path: "name",
      issue: `the connector name must start with one of team "${team.name}"'s prefixes (${team.prefixes.join(", ") || "none"})`,
    });
  }
  if (input.config["topics.regex"]) {
    violations.push({
      path: "config.topics.regex",
      issue: 'a topic regex can reach any team\'s topics; name the topics in "topics" instead',
    });
  }
  for (const { key, topic } of namedTopics(input.config)) {
    if (!prefixesOwn(team.prefixes, topic)) {
      violations.push({
        path: `config.${key}`,
        issue: `"${topic}" is not one of team "${team.name}"'s topics; a connector moves only its own team's data`,
      });
    }
  }
  let conflict: string | undefined;
  try {
    const client = connectFor(clusterId, input.connectId);
    const infos = await validateWith(client, { ...input.config, name: input.name });
    for (const c of infos.configs) {
      for (const e of c.value.errors ?? []) {
        violations.push({ path: `config.${c.definition.name}`, issue: `${c.definition.name}: ${e}` });
      }
    }
    if (await onWorker(clusterId, input.connectId, input.name)) {
      conflict = `A connector named "${input.name}" already exists on Kafka Connect "${input.connectId}".`;
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    violations.push({ path: "connectId", issue: error.message });
  }
  const topics = namedTopics(input.config).map((t) => t.topic);
  plan.push(
    `Create connector "${input.name}" (${input.config["connector.class"]}) on Kafka Connect "${input.connectId}"${topics.length ? `, using ${topics.join(", ")}` : ""}.`,
    `Decided by the approvers of team "${team.name}".`,
  );
  const spec: ConnectorSpec = { connectId: input.connectId, name: input.name, config: input.config };
  return {
    violations,
    plan,
    warnings: [],
    conflict,
    row: {
      topicName: input.name,
      principal: null,
      ownerTeamId: team.id,
      spec,
      openKey: `${clusterId}/connector/${input.connectId}/${input.name}`,
    },
  };
}

/** Equal configs, where "[hidden]" (a secret only the worker keeps) matches any value. */
function configDiff(expected: Record<string, string>, live: Record<string, string>): DriftItem[] {
  const out: DriftItem[] = [];
  for (const [k, v] of Object.entries(expected)) {
    if (k === "name" || v === HIDDEN_VALUE) continue;
    if (live[k] !== v) out.push({ kind: "config", name: k, expected: v, actual: live[k] ?? null });
  }
  for (const k of Object.keys(live)) {
    if (!(k in expected) && k !== "name") {
      out.push({ kind: "config", name: k, expected: null, actual: maskConfig({ [k]: live[k] }, new Map()).config[k] });
    }
  }
  return out;
}

/**
 * Provisions a connector request idempotently: a connector that exists with the requested config (an earlier
 * attempt) counts as done, one with another config is a conflict. Afterwards the stored request keeps secrets
 * only as "[hidden]".
 */
export async function applyConnector(r: RequestRow, audit: { actor: Actor; requestId: string }): Promise<void> {
  const s = JSON.parse(r.spec) as ConnectorSpec;
  const live = await onWorker(r.clusterId, s.connectId, s.name);
  if (live) {
    if (configDiff(s.config, live).length) {
      throw new ApiError(
        "conflict",
        `Connector "${s.name}" already exists with another config; it was created outside this request.`,
      );
    }
  } else {
    await submitConnector(r.clusterId, s.connectId, { name: s.name, config: s.config }, audit);
  }
  const scrubbed: ConnectorSpec = { ...s, config: maskConfig(s.config, new Map()).config };
  await prisma.topicRequest.update({ where: { id: r.id }, data: { spec: JSON.stringify(scrubbed) } });
}

/** Drift of provisioned connectors: missing on the worker, or a config changed outside Sluice. */
export async function checkConnectorDrift(
  clusterId: string,
  now: Date,
): Promise<{ checked: number; drifted: { topic: string; requestId: string; drift: DriftItem[] }[] }> {
  const rows = await prisma.topicRequest.findMany({
    where: { clusterId, kind: "connector", status: "PROVISIONED" },
    select: { id: true, spec: true },
  });
  const drifted: { topic: string; requestId: string; drift: DriftItem[] }[] = [];
  for (const row of rows) {
    const s = JSON.parse(row.spec) as ConnectorSpec;
    let live: Record<string, string> | null;
    try {
      live = await onWorker(clusterId, s.connectId, s.name);
    } catch {
      continue; // worker unreachable: no verdict (the Connect pages say it is down)
    }
    const drift: DriftItem[] = live
      ? configDiff(s.config, live)
      : [{ kind: "missing", expected: "exists", actual: "missing" }];
    if (drift.length) drifted.push({ topic: s.name, requestId: row.id, drift });
    await prisma.topicRequest.update({
      where: { id: row.id },
      data: { drift: drift.length ? JSON.stringify(drift) : null, driftCheckedAt: now },
    });
  }
  return { checked: rows.length, drifted };
}
