"use client";

import { Radio, Search, Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import { DecodersButton } from "./decoders-dialog";
import { ImportButton } from "./import-dialog";
import { ReplayButton } from "./replay-button";
import type { Mode } from "./use-messages-view-state";

function Tab({
  mode,
  current,
  label,
  Icon,
  live,
  onSelect,
}: {
  mode: Mode;
  current: Mode;
  label: string;
  Icon: typeof Search;
  live: boolean;
  onSelect: (m: Mode) => void;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={current === mode}
      onClick={() => onSelect(mode)}
      data-testid={`messages-tab-${mode}`}
      className={cn(
        "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium",
        current === mode
          ? "border-brand-600 text-brand-700 dark:border-cyan-400 dark:text-cyan-300"
          : "border-transparent text-slate-500 hover:text-slate-800 dark:hover:text-slate-200",
      )}
    >
      <Icon className="h-4 w-4" /> {label}
      {mode === "live" && live ? (
        <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-label="live" />
      ) : null}
    </button>
  );
}

const TABS = [
  { mode: "browse", label: "Browse", Icon: Search },
  { mode: "search", label: "Search", Icon: Search },
  { mode: "live", label: "Live tail", Icon: Radio },
] as const;

/** The mode tabs, and the buttons that open the replay, decoders, import and produce dialogs. */
export function MessagesToolbar({
  clusterId,
  topic,
  mode,
  onMode,
  live,
  readOnlyReason,
  canProduce,
  onProduce,
}: {
  clusterId: string;
  topic: string;
  mode: Mode;
  onMode: (m: Mode) => void;
  /** A live tail is running. */
  live: boolean;
  readOnlyReason?: string;
  canProduce: boolean;
  onProduce: () => void;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 dark:border-slate-800">
      <div role="tablist" aria-label="Message views" className="flex gap-1">
        {TABS.map((t) => (
          <Tab key={t.mode} {...t} current={mode} live={live} onSelect={onMode} />
        ))}
      </div>
      <ReplayButton clusterId={clusterId} topic={topic} />
      <DecodersButton clusterId={clusterId} topic={topic} />
      <ImportButton clusterId={clusterId} topic={topic} disabled={!!readOnlyReason} />
      <Tooltip content={readOnlyReason}>
        <Button
          size="sm"
          variant="primary"
          onClick={onProduce}
          disabled={!!readOnlyReason || !canProduce}
          data-testid="produce-button"
          className="mb-1.5"
        >
          <Send className="h-3.5 w-3.5" /> Produce
        </Button>
      </Tooltip>
    </div>
  );
}
