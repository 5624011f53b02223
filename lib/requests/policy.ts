import { prefixesOwn } from "../auth/ownership";
import { safeRegex } from "../safe-regex";
import type { Policy, TopicRequestInput, Violation } from "../schemas/requests";

/** The policy a cluster has until an admin sets one. */
export const DEFAULT_POLICY: Policy = {
  namePattern: null,
  requireTeamPrefix: true,
  minPartitions: 1,
  maxPartitions: 64,
  minReplication: 1,
  maxReplication: 3,
  minRetentionMs: null,
  maxRetentionMs: null,
  requiredConfigs: [],
};

const fmtMs = (ms: string) => {
  const n = Number(ms);
  if (n % 86_400_000 === 0) return `${n / 86_400_000} d`;
  if (n % 3_600_000 === 0) return `${n / 3_600_000} h`;
  return `${ms} ms`;
};

function retentionViolation(policy: Policy, value: string | undefined): string | null {
  if (value === undefined) return null;
  // -1 keeps data forever: above any maximum.
  const v = BigInt(value);
  if (policy.maxRetentionMs && (v < 0n || v > BigInt(policy.maxRetentionMs))) {
    return `retention.ms ${value === "-1" ? "-1 (forever)" : value} is above the maximum of ${fmtMs(policy.maxRetentionMs)}`;
  }
  if (policy.minRetentionMs && v >= 0n && v < BigInt(policy.minRetentionMs)) {
    return `retention.ms ${value} is below the minimum of ${fmtMs(policy.minRetentionMs)}`;
  }
  return null;
}

/** RE2, whole-name match; a pattern RE2 refuses matches nothing (the schema refuses to store one). */
function namePatternMatches(pattern: string, name: string): boolean {
  try {
    return safeRegex(pattern, { whole: true }).test(name);
  } catch {
    return false;
  }
}

/**
 * Every rule of the cluster's policy the request breaks (empty = compliant). `teamPrefixes` are the owning team's.
 * Changes and deletions always need the topic to carry one of the team's prefixes: a team changes only what it owns.
 */
export function checkPolicy(policy: Policy, teamPrefixes: string[], input: TopicRequestInput): Violation[] {
  const out: Violation[] = [];
  const owned = prefixesOwn(teamPrefixes, input.topicName);
  if (!owned && (policy.requireTeamPrefix || input.kind !== "create")) {
    out.push({
      path: "topicName",
      issue: `the name must start with one of the team's prefixes, ending at a separator (. - _): ${teamPrefixes.join(", ") || "(the team has none)"}`,
    });
  }
  if (input.kind === "create" && policy.namePattern && !namePatternMatches(policy.namePattern, input.topicName)) {
    out.push({ path: "topicName", issue: `the name must match the pattern ${policy.namePattern}` });
  }
  if (input.kind === "create" || input.kind === "add-partitions") {
    if (input.partitions < policy.minPartitions) {
      out.push({
        path: "partitions",
        issue: `${input.partitions} partitions is below the minimum of ${policy.minPartitions}`,
      });
    }
    if (input.partitions > policy.maxPartitions) {
      out.push({
        path: "partitions",
        issue: `${input.partitions} partitions is above the maximum of ${policy.maxPartitions}`,
      });
    }
  }
  if (input.kind === "create") {
    if (input.replicationFactor < policy.minReplication) {
      out.push({
        path: "replicationFactor",
        issue: `replication factor ${input.replicationFactor} is below the minimum of ${policy.minReplication}`,
      });
    }
    if (input.replicationFactor > policy.maxReplication) {
      out.push({
        path: "replicationFactor",
        issue: `replication factor ${input.replicationFactor} is above the maximum of ${policy.maxReplication}`,
      });
    }
    for (const key of policy.requiredConfigs) {
      if (!(key in input.configs)) out.push({ path: `configs.${key}`, issue: `${key} must be set` });
    }
  }
  const configs = input.kind === "create" ? input.configs : input.kind === "alter-configs" ? input.set : {};
  const retention = retentionViolation(policy, configs["retention.ms"]);
  if (retention) out.push({ path: "configs.retention.ms", issue: retention });
  if (input.kind === "alter-configs") {
    for (const key of input.reset) {
      if (policy.requiredConfigs.includes(key)) {
        out.push({ path: `reset.${key}`, issue: `${key} is required by the policy and cannot be reset` });
      }
    }
  }
  return out;
}
