"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMe } from "@/components/ui/me-context";
import { ApiClientError } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import { connectClustersOptions } from "@/lib/queries/connect";
import { usePreviewRequest, useSubmitRequest } from "@/lib/queries/requests";
import { EMPTY_ACCESS, type AccessDraft } from "./access-fields";
import { toBody, type Draft } from "./request-draft";

/** The draft of a new request, its dry run ("check") and its submission; editing the draft forgets both answers. */
export function useNewRequest(clusterId: string) {
  const me = useMe();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({
    kind: "create",
    topicName: me.teams[0]?.prefixes[0] ?? "",
    teamId: me.teams[0]?.id ?? "",
    partitions: "3",
    replicationFactor: "1",
    configs: "",
    reset: "",
    justification: "",
    access: EMPTY_ACCESS,
    connectId: "",
  });
  const connect = useQuery({ ...connectClustersOptions(clusterId), enabled: draft.kind === "connector" });
  const connectId = draft.connectId || connect.data?.connect[0]?.name || "";
  const [localError, setLocalError] = useState<string>();
  const preview = usePreviewRequest(clusterId);
  const submit = useSubmitRequest(clusterId);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    preview.reset();
    submit.reset();
  };
  const run = (what: "check" | "submit") => {
    const { body, error } = toBody({ ...draft, connectId });
    setLocalError(error);
    if (!body) return;
    if (what === "check") preview.mutate(body);
    else submit.mutate(body, { onSuccess: (r) => router.push(paths.request(clusterId, r.id)) });
  };
  const err = submit.error ?? preview.error;
  const details = err instanceof ApiClientError ? err.details : [];
  const fieldError = (path: string) => details.find((d) => d.path === path)?.issue;
  const configsError = fieldError("configs.retention.ms") ?? details.find((d) => d.path.startsWith("config."))?.issue;
  const clean = !!preview.data && preview.data.violations.length === 0 && !preview.data.conflict;
  const setAccess = (patch: Partial<AccessDraft>) => set({ access: { ...draft.access, ...patch } });
  return {
    draft,
    set,
    setAccess,
    connectId,
    connectClusters: connect.data?.connect,
    localError,
    preview,
    submit,
    run,
    err,
    fieldError,
    configsError,
    clean,
  };
}

export type NewRequest = ReturnType<typeof useNewRequest>;
