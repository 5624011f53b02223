"use client";

import { useQuery } from "@tanstack/react-query";
import { Bell, BellRing } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import { notificationsOptions, useMarkRead } from "@/lib/queries/notifications";
import type { NotificationsDto } from "@/lib/schemas/notifications";
import { Time } from "@/components/ui/time-zone";

/**
 * The signed-in user's bell: unread count, and on click their notifications (their requests' changes, requests
 * waiting for their decision) and the alerts firing on clusters they have a role on.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const { data } = useQuery(notificationsOptions());
  const markRead = useMarkRead();
  const unread = data?.unread ?? 0;
  const firing = data?.alerts.length ?? 0;
  const label = `Notifications: ${unread} unread${firing ? `, ${firing} alert${firing === 1 ? "" : "s"} firing` : ""}`;
  return (
    <>
      <Button
        variant="ghost"
        className="relative w-full justify-start gap-2"
        onClick={() => setOpen(true)}
        aria-label={label}
        title={label}
        data-testid="notification-bell"
      >
        {firing ? <BellRing className="h-4 w-4 text-red-600" aria-hidden /> : <Bell className="h-4 w-4" aria-hidden />}
        <span className="text-sm">Notifications</span>
        {unread > 0 ? (
          <span
            className="ml-auto rounded-full bg-blue-600 px-1.5 text-xs font-semibold text-white"
            data-testid="notification-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Button>
      {open ? (
        <Dialog
          onClose={() => setOpen(false)}
          title="Notifications"
          testId="notification-panel"
          footer={
            <Button
              size="sm"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
              data-testid="mark-all-read"
            >
              Mark all read
            </Button>
          }
        >
          <RequestNotifications
            notifications={data?.notifications ?? []}
            markRead={(id) => markRead.mutate({ ids: [id] })}
            onNavigate={() => setOpen(false)}
          />
          <FiringAlerts alerts={data?.alerts ?? []} onNavigate={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}

function RequestNotifications({
  notifications,
  markRead,
  onNavigate,
}: {
  notifications: NotificationsDto["notifications"];
  markRead: (id: string) => void;
  onNavigate: () => void;
}) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold">Requests</h3>
      {notifications.length ? (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="notification-list">
          {notifications.map((n) => (
            <li
              key={n.id}
              className="flex items-start gap-2 py-2 text-sm"
              data-testid="notification-item"
              data-read={n.read}
            >
              <span
                className={cn("mt-1.5 h-2 w-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-blue-600")}
                aria-label={n.read ? undefined : "unread"}
              />
              <div className="min-w-0 flex-1">
                <Link
                  href={n.link}
                  className={cn("break-words hover:underline", !n.read && "font-medium")}
                  onClick={() => {
                    if (!n.read) markRead(n.id);
                    onNavigate();
                  }}
                >
                  {n.message}
                </Link>
                <p className="text-xs text-slate-500">
                  <Time t={n.createdAt} /> · {n.clusterId}
                </p>
              </div>
              {!n.read ? (
                <Button size="sm" variant="ghost" onClick={() => markRead(n.id)} aria-label="Mark read">
                  Mark read
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">
          Nothing yet. Requests you submit, and requests waiting for your decision, show up here.
        </p>
      )}
    </section>
  );
}

function FiringAlerts({ alerts, onNavigate }: { alerts: NotificationsDto["alerts"]; onNavigate: () => void }) {
  return (
    <section className="mt-4 space-y-2">
      <h3 className="text-sm font-semibold">Firing alerts</h3>
      {alerts.length ? (
        <ul className="space-y-1" data-testid="notification-alerts">
          {alerts.map((a) => (
            <li key={a.id} className="flex items-start gap-2 text-sm text-red-800 dark:text-red-300">
              <BellRing className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
              <Link href={a.link} className="break-words hover:underline" onClick={onNavigate}>
                <strong>{a.ruleName}</strong> on {a.clusterId}: {a.message}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No alerts firing on your clusters.</p>
      )}
    </section>
  );
}
