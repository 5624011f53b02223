"use client";

import { Pause, Play, Radio, Square } from "lucide-react";
import { Button } from "@/components/ui/button";
import { pendingCount } from "@/lib/message-feed/feed";
import { formatNumber } from "@/lib/format";
import { LiveStatus } from "./feed-status";
import type { Feed, MessagesViewState } from "./use-messages-view-state";

/** Pause a running tail (records keep arriving, counted) or resume it (they are shown). */
function PauseButton({ live }: { live: Feed }) {
  if (live.state.paused) {
    return (
      <Button onClick={() => live.dispatch({ type: "resume" })} data-testid="live-resume">
        <Play className="h-3.5 w-3.5" /> Resume ({formatNumber(pendingCount(live.state))} new)
      </Button>
    );
  }
  return (
    <Button onClick={() => live.dispatch({ type: "pause" })} data-testid="live-pause">
      <Pause className="h-3.5 w-3.5" /> Pause
    </Button>
  );
}

/** Start, stop, pause and resume the live tail, and its state. */
export function LivePanel({ view }: { view: MessagesViewState }) {
  const { live, liveUrl } = view;
  const failed = live.status.state === "failed" ? live.status.error : null;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant={liveUrl ? "secondary" : "primary"} onClick={view.toggleLive} data-testid="live-toggle">
          {liveUrl ? <Square className="h-3.5 w-3.5" /> : <Radio className="h-3.5 w-3.5" />}{" "}
          {liveUrl ? "Stop live tail" : "Start live tail"}
        </Button>
        {liveUrl ? <PauseButton live={live} /> : null}
      </div>
      <LiveStatus feed={live} failed={failed?.message ?? null} running={!!liveUrl} />
    </>
  );
}
