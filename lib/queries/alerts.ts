import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AlertHistoryDto, AlertRuleBody, AlertRuleDto, AlertStateDto, SilenceDto } from "@/lib/alerts/rules";
import { fetchJson, jsonInit, unchecked } from "@/lib/api/client";
import { jsonQueryOptions } from "@/lib/queries/json-query";

const enc = encodeURIComponent;
const api = {
  overview: (c: string) => `/api/clusters/${enc(c)}/alerts`,
  rules: (c: string) => `/api/clusters/${enc(c)}/alerts/rules`,
  rule: (c: string, id: string) => `/api/clusters/${enc(c)}/alerts/rules/${enc(id)}`,
  silences: (c: string) => `/api/clusters/${enc(c)}/alerts/silences`,
  silence: (c: string, id: string) => `/api/clusters/${enc(c)}/alerts/silences/${enc(id)}`,
};

export type AlertOverview = {
  rules: AlertRuleDto[];
  states: AlertStateDto[];
  history: AlertHistoryDto[];
  silences: SilenceDto[];
};
export const alertKeys = { overview: (clusterId: string) => ["clusters", clusterId, "alerts"] as const };

/** The alerts page's data, refreshed every 5 s (the sampler evaluates the rules on the server). */
export const alertOverviewOptions = (clusterId: string) =>
  jsonQueryOptions(alertKeys.overview(clusterId), api.overview(clusterId), unchecked<AlertOverview>(), {
    refetchInterval: 5_000,
  });

function useAlertMutation<V>(clusterId: string, fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: alertKeys.overview(clusterId) }),
  });
}

export const useCreateAlertRule = (clusterId: string) =>
  useAlertMutation(clusterId, (body: AlertRuleBody) =>
    fetchJson(api.rules(clusterId), unchecked<AlertRuleDto>(), jsonInit("POST", body)),
  );
export const useDeleteAlertRule = (clusterId: string) =>
  useAlertMutation(clusterId, (id: string) =>
    fetchJson(api.rule(clusterId, id), unchecked<null>(), { method: "DELETE" }),
  );
export const useCreateSilence = (clusterId: string) =>
  useAlertMutation(clusterId, (body: { ruleId?: string; subject?: string; reason: string; minutes: number }) =>
    fetchJson(api.silences(clusterId), unchecked<SilenceDto>(), jsonInit("POST", body)),
  );
export const useDeleteSilence = (clusterId: string) =>
  useAlertMutation(clusterId, (id: string) =>
    fetchJson(api.silence(clusterId, id), unchecked<null>(), { method: "DELETE" }),
  );
