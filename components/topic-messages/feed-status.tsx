"use client";

import { pendingCount } from "@/lib/message-feed/feed";
import { cn } from "@/lib/cn";
import { formatNumber } from "@/lib/format";
import type { Feed } from "./use-messages-view-state";

function scanState(feed: Feed, running: boolean) {
  if (feed.done) return ` · done in ${(feed.done.elapsedMs / 1000).toFixed(1)} s (${feed.done.reason})`;
  return running ? " · scanning…" : " · stopped";
}

/** A search's errors, progress (scanned, matched, where each partition is) and CEL failures. */
export function SearchStatus({ feed, failed, running }: { feed: Feed; failed: string | null; running: boolean }) {
  const p = feed.progress;
  const starting = running && !failed ? <p>Starting…</p> : null;
  return (
    <div className="space-y-1 text-sm" data-testid="search-status" aria-live="polite">
      {failed ? (
        <p className="text-red-600 dark:text-red-400" data-testid="search-error">
          {failed}
        </p>
      ) : null}
      {feed.error ? (
        <p className="text-red-600 dark:text-red-400" data-testid="search-error">
          {feed.error.message}
        </p>
      ) : null}
      {p ? (
        <p data-testid="search-progress">
          Scanned {formatNumber(p.scanned)}, matched {formatNumber(p.matched)}
          {scanState(feed, running)}
          {feed.state.dropped
            ? ` · ${formatNumber(feed.state.dropped)} earlier matches dropped from view (export keeps all)`
            : ""}
        </p>
      ) : (
        starting
      )}
      {p ? (
        <p className="font-mono text-xs text-slate-500" data-testid="search-positions">
          {p.partitions.map((x) => `p${x.partition} @ ${x.offset}/${x.end}`).join("  ")}
        </p>
      ) : null}
      {p?.filterErrors ? (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          The CEL filter failed on {formatNumber(p.filterErrors.count)} records (counted as no match), e.g.{" "}
          {p.filterErrors.example}
        </p>
      ) : null}
    </div>
  );
}

const CONNECTION_LABELS: Partial<Record<Feed["status"]["state"], string>> = {
  reconnecting: "reconnecting…",
  connecting: "connecting…",
};

function liveLabel(feed: Feed, running: boolean): string {
  const s = feed.status;
  if (!running) return "stopped";
  if (s.state !== "open") return CONNECTION_LABELS[s.state] ?? s.state;
  return feed.phase?.phase === "reconnecting" ? `reconnecting to Kafka: ${feed.phase.message ?? ""}` : "live";
}

/** A live tail's connection state, errors and counts. */
export function LiveStatus({ feed, failed, running }: { feed: Feed; failed: string | null; running: boolean }) {
  const label = liveLabel(feed, running);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="live-status" aria-live="polite">
      <span
        className={cn(
          "inline-flex items-center gap-1.5",
          label === "live" ? "text-emerald-700 dark:text-emerald-400" : "text-slate-500",
        )}
        data-testid="live-state"
      >
        <span className={cn("h-2 w-2 rounded-full", label === "live" ? "bg-emerald-500" : "bg-slate-400")} /> {label}
      </span>
      {failed ? (
        <span className="text-red-600" data-testid="live-error">
          {failed}
        </span>
      ) : null}
      {feed.error ? <span className="text-red-600">{feed.error.message}</span> : null}
      <span data-testid="live-counts">
        {formatNumber(feed.state.received)} received
        {feed.state.dropped ? ` · ${formatNumber(feed.state.dropped)} dropped from view` : ""}
        {feed.state.paused ? ` · paused, ${formatNumber(pendingCount(feed.state))} new` : ""}
      </span>
    </div>
  );
}
