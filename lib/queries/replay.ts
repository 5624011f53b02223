import { useMutation } from "@tanstack/react-query";
import { fetchJson, jsonInit } from "@/lib/api/client";
import { DryRunResultSchema, ReplayJobSchema } from "@/lib/schemas/replay";

const enc = encodeURIComponent;

/** URLs of the replay API (kept beside their hooks). */
export const replayPaths = {
  start: (clusterId: string, topic: string, kind: "replay" | "redrive", dryRun: boolean) =>
    `/api/clusters/${enc(clusterId)}/topics/${enc(topic)}/${kind}${dryRun ? "?dryRun=true" : ""}`,
  job: (clusterId: string, jobId: string) => `/api/clusters/${enc(clusterId)}/replays/${enc(jobId)}`,
  stream: (clusterId: string, jobId: string) => `/api/clusters/${enc(clusterId)}/replays/${enc(jobId)}/stream`,
  action: (clusterId: string, jobId: string, verb: "cancel" | "resume") =>
    `/api/clusters/${enc(clusterId)}/replays/${enc(jobId)}/${verb}`,
};

/** Dry run of a replay or redrive: the count, a sample and what would be skipped; writes nothing. */
export function useReplayDryRunMutation(clusterId: string, topic: string, kind: "replay" | "redrive") {
  return useMutation({
    mutationFn: (body: unknown) =>
      fetchJson(replayPaths.start(clusterId, topic, kind, true), DryRunResultSchema, jsonInit("POST", body)),
  });
}

/** Starts the job; its progress then comes over the job's stream. */
export function useStartReplayMutation(clusterId: string, topic: string, kind: "replay" | "redrive") {
  return useMutation({
    mutationFn: (body: unknown) =>
      fetchJson(replayPaths.start(clusterId, topic, kind, false), ReplayJobSchema, jsonInit("POST", body)),
  });
}

export function useReplayActionMutation(clusterId: string) {
  return useMutation({
    mutationFn: ({ jobId, verb }: { jobId: string; verb: "cancel" | "resume" }) =>
      fetchJson(replayPaths.action(clusterId, jobId, verb), ReplayJobSchema, { method: "POST" }),
  });
}
