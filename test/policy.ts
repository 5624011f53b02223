import { PUT as policyRoute } from "@/app/api/clusters/[clusterId]/policy/route";
import { jsonAs, type TestUser } from "./auth";
import { callRoute } from "./call-route";

/** Cluster "local"'s request policy for the tests: team prefixes required, 1–12 partitions, replication 1. */
export const TEST_POLICY = {
  namePattern: null,
  requireTeamPrefix: true,
  minPartitions: 1,
  maxPartitions: 12,
  minReplication: 1,
  maxReplication: 1,
  minRetentionMs: null,
  maxRetentionMs: null,
  requiredConfigs: [],
};

/** Sets cluster "local"'s request policy, as `admin`: TEST_POLICY with `changes`. */
export const putPolicy = (admin: TestUser, changes: Record<string, unknown> = {}) =>
  callRoute(
    policyRoute,
    "/api/clusters/local/policy",
    { clusterId: "local" },
    jsonAs("PUT", { ...TEST_POLICY, ...changes }, admin),
  );
