"use client";

import { Download, Search, Square } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { paths } from "@/lib/paths";
import { SearchStatus } from "./feed-status";
import type { MessagesViewState } from "./use-messages-view-state";

const EXPORT_DISABLED = "Export is disabled for this cluster (messages.allowExport: false).";

function ExportButton({ href, allowExport }: { href: string; allowExport: boolean }) {
  const label = (
    <>
      <Download className="h-3.5 w-3.5" /> Export JSON Lines
    </>
  );
  return (
    <Tooltip content={allowExport ? undefined : EXPORT_DISABLED}>
      <Button asChild={allowExport} disabled={!allowExport} data-testid="search-export">
        {allowExport ? (
          <a href={href} download>
            {label}
          </a>
        ) : (
          <span>{label}</span>
        )}
      </Button>
    </Tooltip>
  );
}

/** Run or stop a server-side search, export its whole result, and its progress. */
export function SearchPanel({
  view,
  clusterId,
  topic,
  allowExport,
}: {
  view: MessagesViewState;
  clusterId: string;
  topic: string;
  allowExport: boolean;
}) {
  const { search, searchUrl } = view;
  const failed = search.status.state === "failed" ? search.status.error : null;
  const running = searchUrl && !search.done && !search.error && !failed;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        {running ? (
          <Button onClick={view.stopSearch} data-testid="search-stop">
            <Square className="h-3.5 w-3.5" /> Stop
          </Button>
        ) : (
          <Button variant="primary" onClick={view.runSearch} data-testid="search-run">
            <Search className="h-3.5 w-3.5" /> Search
          </Button>
        )}
        <ExportButton href={paths.api.messageExport(clusterId, topic, view.searchQuery)} allowExport={allowExport} />
      </div>
      <SearchStatus feed={search} failed={failed?.message ?? null} running={!!searchUrl} />
    </>
  );
}
