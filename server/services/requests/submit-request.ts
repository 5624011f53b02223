import "server-only";
import { checkPolicy } from "@/lib/requests/policy";
import {
  isTopicKind,
  type ConnectorSpec,
  type RequestPreview,
  type RequestSpec,
  type SubmitRequestInput,
  type TopicRequestDto,
  type TopicRequestInput,
  type Violation,
} from "@/lib/schemas/requests";
import { roleOn } from "@/server/auth/permissions";
import { getClusterConfigOrThrow } from "@/server/config";
import { prisma } from "@/server/db/prisma";
import { ApiError } from "@/server/http/api-error";
import { addPartitionsPlan } from "./plans";
import { alterTopicConfig } from "@/server/services/topics/alter-topic-config";
import { createTopic } from "@/server/services/topics/create-topic";
import { getTopicInfoOrThrow } from "@/server/services/topics/get-topic-or-throw";
import type { AuditContext } from "@/server/services/audit/record-audit";
import { getPolicy } from "./policies";
import { maskConfig } from "@/server/services/connect/mask-config";
import { emitEvent } from "@/server/services/alerts/events";
import { prepareConnectorRequest } from "./connector-requests";
import { prepareAccessRequest, prepareTopicGrants, type Prepared } from "./prepare-access";
import { isTeamMember } from "./request-access";
import { requestInclude, toRequestDto } from "./to-dto";

type TopicInput = TopicRequestInput;

/** The spec as the audit log keeps it: a connector's secret values hidden. */
const auditSpec = (kind: string, spec: unknown) =>
  kind === "connector"
    ? { ...(spec as ConnectorSpec), config: maskConfig((spec as ConnectorSpec).config, new Map()).config }
    : spec;

export const openKey = (clusterId: string, topic: string) => `${clusterId}/${topic}`;

export function specOf(input: TopicInput): RequestSpec {
  switch (input.kind) {
    case "create":
      return {
        partitions: input.partitions,
        replicationFactor: input.replicationFactor,
        configs: input.configs,
        ...(input.access?.length ? { access: input.access } : {}),
      };
    case "alter-configs":
      return { set: input.set, reset: input.reset };
    case "add-partitions":
      return { partitions: input.partitions };
    case "delete":
      return {};
  }
}

const brokerViolations = (error: ApiError): Violation[] =>
  error.details?.length
    ? error.details.map((d) => ({ path: d.path, issue: error.message }))
    : [{ path: "", issue: error.message }];

type Full = RequestPreview & { conflict?: string; row: Prepared["row"] };

/**
 * The dry run of a submission: the requesting team's membership, the cluster's policy (topic kinds) or the access
 * rules (access kinds), an open request for the same thing (conflict), the broker's own view of what provisioning
 * would do, and who decides.
 */
async function prepareRequest(clusterId: string, input: SubmitRequestInput, audit: AuditContext): Promise<Full> {
  const team = await prisma.team.findUnique({ where: { id: input.teamId } });
  if (!team) {
    throw new ApiError("unprocessable_entity", "The chosen team does not exist.", [
      { path: "teamId", issue: "not_found" },
    ]);
  }
  if (!isTeamMember(audit.actor, team.id) && roleOn(audit.actor, clusterId) !== "admin") {
    throw new ApiError(
      "forbidden",
      `You are not a member of team "${team.name}"; only its members make requests for it.`,
    );
  }
  const grantTeam = { id: team.id, name: team.name, prefixes: JSON.parse(team.prefixes) as string[] };
  if (input.kind === "connector") {
    const { conflict, ...prepared } = await prepareConnectorRequest(clusterId, input, grantTeam);
    const open = await prisma.topicRequest.findUnique({ where: { openKey: prepared.row.openKey } });
    return {
      ...prepared,
      conflict:
        conflict ??
        (open ? `Request ${open.id} (${open.status}) asks for the same connector and is still open.` : undefined),
    };
  }
  if (input.kind === "access" || input.kind === "credential" || input.kind === "quota") {
    const prepared = await prepareAccessRequest(clusterId, input, grantTeam);
    const open = await prisma.topicRequest.findUnique({ where: { openKey: prepared.row.openKey } });
    const conflict = open
      ? `Request ${open.id} (${open.kind}, ${open.status}) asks for the same thing and is still open; wait for it to be decided or cancel it.`
      : undefined;
    return {
      violations: prepared.violations,
      plan: prepared.plan,
      warnings: prepared.warnings,
      conflict,
      row: prepared.row,
    };
  }
  const preview = await prepareTopicRequest(clusterId, input, grantTeam, audit);
  const grants =
    input.kind === "create"
      ? await prepareTopicGrants(clusterId, grantTeam, input.topicName, input.access ?? [])
      : null;
  const spec = specOf(input);
  if (grants?.bindings.length) {
    preview.violations.push(...grants.violations);
    preview.plan.push(...grants.plan);
    Object.assign(spec, { bindings: grants.bindings });
  }
  return {
    ...preview,
    row: {
      topicName: input.topicName,
      principal: null,
      ownerTeamId: team.id,
      spec,
      openKey: openKey(clusterId, input.topicName),
    },
  };
}

export async function previewRequest(
  clusterId: string,
  input: SubmitRequestInput,
  audit: AuditContext,
): Promise<RequestPreview & { conflict?: string }> {
  const { row: _row, ...preview } = await prepareRequest(clusterId, input, audit);
  return preview;
}

async function prepareTopicRequest(
  clusterId: string,
  input: TopicInput,
  team: { name: string; prefixes: string[] },
  audit: AuditContext,
): Promise<RequestPreview & { conflict?: string }> {
  const cluster = getClusterConfigOrThrow(clusterId);
  const policy = await getPolicy(clusterId);
  const violations = checkPolicy(policy, team.prefixes, input);
  const open = await prisma.topicRequest.findUnique({ where: { openKey: openKey(clusterId, input.topicName) } });
  const conflict = open
    ? `Request ${open.id} (${open.kind}, ${open.status}) is already open for topic "${input.topicName}"; wait for it to be decided or cancel it.`
    : undefined;
  const plan: string[] = [];
  const warnings: string[] = [];
  let configs: RequestPreview["configs"];
  try {
    if (input.kind === "create") {
      const result = await createTopic(
        clusterId,
        {
          name: input.topicName,
          partitions: input.partitions,
          replicationFactor: input.replicationFactor,
          configs: input.configs,
        },
        { dryRun: true, audit },
      );
      configs = result.configs;
      warnings.push(...result.warnings);
      plan.push(
        `Create topic "${input.topicName}" on cluster "${cluster.name}" with ${input.partitions} partition${input.partitions === 1 ? "" : "s"} and replication factor ${input.replicationFactor}.`,
      );
      for (const [k, v] of Object.entries(input.configs)) plan.push(`Set ${k} = ${v}.`);
    } else {
      const info = await getTopicInfoOrThrow(clusterId, cluster.name, input.topicName);
      if (input.kind === "alter-configs") {
        const diff = await alterTopicConfig(
          clusterId,
          input.topicName,
          { set: input.set, reset: input.reset },
          { dryRun: true, audit },
        );
        if (diff.changes.length === 0) {
          violations.push({ path: "set", issue: "these values are already in place; there is nothing to change" });
        }
        for (const c of diff.changes) {
          plan.push(
            c.after === null
              ? `Reset ${c.name} (now ${c.before}) to the broker default.`
              : `Set ${c.name}: ${c.before ?? "(default)"} → ${c.after}.`,
          );
        }
      } else if (input.kind === "add-partitions") {
        const line = addPartitionsPlan(input.topicName, info.partitions.length, input.partitions);
        if (line.violation) violations.push({ path: "partitions", issue: line.violation });
        else plan.push(line.plan!);
      } else {
        plan.push(
          `Delete topic "${input.topicName}" (${info.partitions.length} partitions) and every record in it. This cannot be undone.`,
        );
      }
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "conflict" && input.kind === "create") {
      return { violations, plan, warnings, conflict: conflict ?? error.message };
    }
    // The broker's objections, except for a field the policy already objected to (one message per problem).
    if (error.code === "not_found" || error.code === "unprocessable_entity") {
      violations.push(...brokerViolations(error).filter((v) => !violations.some((p) => p.path === v.path)));
    } else {
      throw error;
    }
  }
  return { violations, plan, configs, warnings, conflict };
}

/** Submits a request (after the same checks as the preview): 409 on a clash, 422 listing every violation. */
export async function submitRequest(
  clusterId: string,
  input: SubmitRequestInput,
  audit: AuditContext,
): Promise<TopicRequestDto> {
  const preview = await prepareRequest(clusterId, input, audit);
  if (preview.conflict) throw new ApiError("conflict", preview.conflict, [{ path: "topicName", issue: "conflict" }]);
  if (preview.violations.length) {
    throw new ApiError(
      "unprocessable_entity",
      `The request breaks ${preview.violations.length} rule${preview.violations.length > 1 ? "s" : ""}: ${preview.violations.map((v) => v.issue).join("; ")}.`,
      preview.violations,
    );
  }
  const { row: asked } = preview;
  const data = {
    clusterId,
    kind: input.kind,
    topicName: asked.topicName,
    teamId: input.teamId,
    ownerTeamId: asked.ownerTeamId,
    principal: asked.principal,
    spec: JSON.stringify(asked.spec),
    justification: input.justification,
    requesterId: audit.actor.id,
    requesterName: audit.actor.name,
    openKey: asked.openKey,
  };
  try {
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.topicRequest.create({ data, include: requestInclude });
      await tx.auditEvent.create({
        data: {
          actor: audit.actor.email,
          actorId: audit.actor.id,
          clusterId,
          action: "request.submitted",
          targetType: "topic-request",
          target: created.id,
          result: "success",
          after: JSON.stringify({
            kind: input.kind,
            topic: asked.topicName || undefined,
            principal: asked.principal ?? undefined,
            team: created.team.name,
            spec: auditSpec(input.kind, asked.spec),
          }),
          requestId: audit.requestId,
        },
      });
      return created;
    });
    void emitEvent({
      kind: "request.submitted",
      clusterId,
      subject: row.id,
      data: {
        kind: input.kind,
        topic: asked.topicName || undefined,
        principal: asked.principal ?? undefined,
        team: row.team.name,
        requester: audit.actor.name,
        decidedBy: row.ownerTeam?.name ?? (isTopicKind(input.kind) ? row.team.name : "cluster admins"),
      },
    });
    return toRequestDto(row, audit.actor);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError(
        "conflict",
        `Another request for ${asked.topicName ? `"${asked.topicName}"` : asked.principal} was submitted a moment ago; see the requests list.`,
      );
    }
    throw error;
  }
}
