import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson, jsonInit, unchecked } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import type { TeamDto, UserDto } from "@/lib/schemas/accounts";
import type { ApiTokenDto } from "@/lib/schemas/tokens";

export const usersOptions = () =>
  queryOptions({
    queryKey: ["users"] as const,
    queryFn: ({ signal }) =>
      fetchJson(paths.api.users(), z.object({ users: unchecked<UserDto[]>() }), { signal }).then((r) => r.users),
  });
export const teamsOptions = () =>
  queryOptions({
    queryKey: ["teams"] as const,
    queryFn: ({ signal }) =>
      fetchJson(paths.api.teams(), z.object({ teams: unchecked<TeamDto[]>() }), { signal }).then((r) => r.teams),
  });

/** Saves a user or team and refreshes both lists (memberships show on each). */
export function useAccessMutation<V>(send: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: usersOptions().queryKey });
      void qc.invalidateQueries({ queryKey: teamsOptions().queryKey });
    },
  });
}

export const saveUser = (v: { id?: string; body: object }) =>
  fetchJson(
    v.id ? paths.api.user(v.id) : paths.api.users(),
    unchecked<UserDto>(),
    jsonInit(v.id ? "PATCH" : "POST", v.body),
  );
export const saveTeam = (v: { id?: string; body: object }) =>
  fetchJson(
    v.id ? paths.api.team(v.id) : paths.api.teams(),
    unchecked<TeamDto>(),
    jsonInit(v.id ? "PUT" : "POST", v.body),
  );
export const deleteTeam = (id: string) =>
  fetch(paths.api.team(id), { method: "DELETE" }).then(async (r) => {
    if (!r.ok) {
      throw new Error(
        ((await r.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ??
          `Delete failed (${r.status})`,
      );
    }
  });

export const tokensOptions = () =>
  queryOptions({
    queryKey: ["api-tokens"] as const,
    queryFn: ({ signal }) =>
      fetchJson(paths.api.tokens(), z.object({ tokens: unchecked<ApiTokenDto[]>() }), { signal }).then((r) => r.tokens),
  });
/** Creates an API token; the answer holds the secret, shown once. */
export const createApiToken = (body: object) =>
  fetchJson(paths.api.tokens(), unchecked<{ id: string; token: string; info: ApiTokenDto }>(), {
    method: "POST",
    body: JSON.stringify(body),
  });
export const revokeApiToken = (id: string) =>
  fetchJson(paths.api.token(id), unchecked<ApiTokenDto>(), { method: "DELETE" });
