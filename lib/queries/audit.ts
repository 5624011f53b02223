import { infiniteQueryOptions } from "@tanstack/react-query";
import { fetchJson, unchecked } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import type { AuditPage } from "@/lib/schemas/audit";

export type AuditFilters = { q?: string; actor?: string; action?: string; clusterId?: string; result?: string };

export const auditOptions = (f: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ["audit", f] as const,
    queryFn: ({ signal, pageParam }) =>
      fetchJson(paths.api.audit({ ...f, cursor: pageParam, limit: 200 }), unchecked<AuditPage>(), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 10_000,
  });
