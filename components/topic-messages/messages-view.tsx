"use client";

import { useQuery } from "@tanstack/react-query";
import { topicDetailOptions } from "@/lib/queries/topics";
import { BrowsePager } from "./browse-pager";
import { FilterFields } from "./filter-fields";
import { LivePanel } from "./live-panel";
import { MessageDetail } from "./message-detail";
import { MessageTable } from "./message-table";
import { MessagesToolbar } from "./messages-toolbar";
import { ProduceDialog } from "./produce-dialog";
import { RangeControls } from "./range-controls";
import { SearchPanel } from "./search-panel";
import { useMessagesViewState, type MessagesViewState, type Mode } from "./use-messages-view-state";

/** What the table says when it has no rows, by mode: before a stream starts and while it waits. */
function emptyText({ mode, page, searchUrl, liveUrl }: MessagesViewState): string {
  const byMode: Record<Mode, () => string> = {
    browse: () => (page.isPending ? "Reading records…" : "No records in this range."),
    search: () =>
      searchUrl
        ? "No matches yet."
        : "Set filters and run a search: the server scans the whole range and streams matches.",
    live: () => (liveUrl ? "Waiting for new records…" : "Start the live tail to see records as they are produced."),
  };
  return byMode[mode]();
}

/** Browse pages, a streamed server-side search, or a live tail of one topic; plus produce. */
export function MessagesView({
  clusterId,
  topic,
  readOnlyReason,
  hasRegistry,
  allowExport,
}: {
  clusterId: string;
  topic: string;
  readOnlyReason?: string;
  hasRegistry: boolean;
  allowExport: boolean;
}) {
  const detail = useQuery(topicDetailOptions(clusterId, topic));
  const partitionCount = detail.data?.partitions.length ?? 0;
  const view = useMessagesViewState(clusterId, topic);
  const { mode, selected, selectedId, setSelected } = view;

  return (
    <div className="space-y-4">
      <MessagesToolbar
        clusterId={clusterId}
        topic={topic}
        mode={mode}
        onMode={view.selectMode}
        live={!!view.liveUrl}
        readOnlyReason={readOnlyReason}
        canProduce={!!detail.data}
        onProduce={() => view.setProducing(true)}
      />
      <RangeControls view={view} partitionCount={partitionCount} />
      {mode !== "browse" ? (
        <div
          className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
          data-testid="filter-form"
        >
          <FilterFields filter={view.filter} onChange={view.setFilter} />
          {mode === "search" ? (
            <SearchPanel view={view} clusterId={clusterId} topic={topic} allowExport={allowExport} />
          ) : (
            <LivePanel view={view} />
          )}
        </div>
      ) : (
        <BrowsePager view={view} />
      )}
      <MessageTable messages={view.rows} selected={selectedId} onSelect={setSelected} emptyText={emptyText(view)} />
      {selected ? (
        <MessageDetail
          key={selectedId}
          clusterId={clusterId}
          topic={topic}
          message={selected}
          formats={view.formats}
          onClose={() => setSelected(null)}
        />
      ) : null}
      {view.producing ? (
        <ProduceDialog
          clusterId={clusterId}
          topic={topic}
          partitions={partitionCount}
          hasRegistry={hasRegistry}
          onClose={() => view.setProducing(false)}
        />
      ) : null}
    </div>
  );
}
