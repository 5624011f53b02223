import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, unchecked } from "@/lib/api/client";
import type { MarkReadBody, NotificationsDto } from "@/lib/schemas/notifications";
import { paths } from "@/lib/paths";
import { jsonQueryOptions } from "@/lib/queries/json-query";

export const notificationKeys = { mine: ["me", "notifications"] as const };

/** The signed-in user's notifications and firing alerts, refreshed every 15 s. */
export const notificationsOptions = () =>
  jsonQueryOptions(notificationKeys.mine, paths.api.notifications(), unchecked<NotificationsDto>(), {
    refetchInterval: 15_000,
  });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadBody) =>
      fetchJson(paths.api.notificationsRead(), unchecked<{ marked: number; unread: number }>(), {
        method: "POST",
        body: JSON.stringify(body),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.mine }),
  });
}
