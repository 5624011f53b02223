import { regexError } from "../safe-regex";
import { z } from "zod";
import { configValuesSchema, topicNameSchema } from "./topics";

export const REQUEST_KINDS = ["create", "alter-configs", "add-partitions", "delete"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ["PENDING", "APPROVED", "PROVISIONED", "FAILED", "REJECTED", "CANCELLED"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const justification = z.string().trim().min(10, "explain in at least 10 characters why the team needs this").max(2000);
const base = { topicName: topicNameSchema, teamId: z.string().min(1, "choose the owning team"), justification };

export const submitRequestBodySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("create"),
    ...base,
    partitions: z.number({ error: "partitions must be a number" }).int().min(1, "partitions must be at least 1").max(100_000),
    replicationFactor: z.number({ error: "replication factor must be a number" }).int().min(1, "replication factor must be at least 1").max(32),
    configs: configValuesSchema.optional().default({}),
  }),
  z.object({
    kind: z.literal("alter-configs"),
    ...base,
    set: configValuesSchema.optional().default({}),
    reset: z.array(z.string().min(1)).max(100).optional().default([]),
  }),
  z.object({ kind: z.literal("add-partitions"), ...base, partitions: z.number().int().min(2, "the new partition count must be at least 2").max(100_000) }),
  z.object({ kind: z.literal("delete"), ...base }),
]);
export type SubmitRequestBody = z.input<typeof submitRequestBodySchema>;
export type SubmitRequestInput = z.output<typeof submitRequestBodySchema>;

/** What a request asks for, stored as JSON on the request. */
export type RequestSpec =
  | { partitions: number; replicationFactor: number; configs: Record<string, string> }
  | { set: Record<string, string>; reset: string[] }
  | { partitions: number }
  | Record<string, never>;

export const decideRequestBodySchema = z.object({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(2000).optional().default(""),
}).refine((b) => b.decision === "approve" || b.comment.length > 0, { message: "say why when rejecting", path: ["comment"] });

export const requestParamsSchema = z.object({ clusterId: z.string().min(1), requestId: z.string().min(1) });
export const listRequestsQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  scope: z.enum(["all", "mine", "queue"]).optional().default("all"),
  topic: z.string().max(249).optional(),
});

export const policyBodySchema = z
  .object({
    namePattern: z.string().max(500).nullish().transform((v) => v || null),
    requireTeamPrefix: z.boolean(),
    minPartitions: z.number().int().min(1),
    maxPartitions: z.number().int().min(1).max(100_000),
    minReplication: z.number().int().min(1),
    maxReplication: z.number().int().min(1).max(32),
    minRetentionMs: z.string().regex(/^\d+$/, "a whole number of milliseconds").nullish().transform((v) => v || null),
    maxRetentionMs: z.string().regex(/^\d+$/, "a whole number of milliseconds").nullish().transform((v) => v || null),
    requiredConfigs: z.array(z.string().min(1)).max(50).default([]),
  })
  .refine((p) => p.minPartitions <= p.maxPartitions, { message: "the minimum partitions exceed the maximum", path: ["minPartitions"] })
  .refine((p) => p.minReplication <= p.maxReplication, { message: "the minimum replication exceeds the maximum", path: ["minReplication"] })
  .refine((p) => !p.minRetentionMs || !p.maxRetentionMs || BigInt(p.minRetentionMs) <= BigInt(p.maxRetentionMs), { message: "the minimum retention exceeds the maximum", path: ["minRetentionMs"] })
  .refine(
    (p) => {
      // RE2 syntax (no lookarounds or backreferences): the pattern never runs on a backtracking engine.
      return !p.namePattern || regexError(p.namePattern) === null;
    },
    { message: "the name pattern is not a valid RE2 regular expression", path: ["namePattern"] },
  );
export type Policy = z.output<typeof policyBodySchema>;

export type Violation = { path: string; issue: string };

export type DriftItem = { kind: "missing" | "partitions" | "config"; name?: string; expected: string | null; actual: string | null };

export type TopicRequestDto = {
  id: string;
  clusterId: string;
  kind: RequestKind;
  topicName: string;
  team: { id: string; name: string };
  spec: RequestSpec;
  justification: string;
  status: RequestStatus;
  requester: { id: string; name: string };
  decider: { id: string; name: string } | null;
  decisionComment: string | null;
  decidedAt: string | null;
  failureReason: string | null;
  attempts: number;
  provisionedAt: string | null;
  drift: DriftItem[] | null;
  driftCheckedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** what the signed-in user may do with it now */
  can: { approve: boolean; reject: boolean; cancel: boolean; retry: boolean; whyNot?: string };
};

/** The dry run of a submission: the policy's verdict and exactly what provisioning would do. */
export type RequestPreview = {
  violations: Violation[];
  /** human-readable lines: what will be created or changed */
  plan: string[];
  /** effective configs of a new topic (override or broker default) */
  configs?: { name: string; value: string | null; source: "override" | "default" }[];
  warnings: string[];
};
