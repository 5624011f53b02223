"use client";

import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import type { MessagesViewState } from "./use-messages-view-state";

const ORDER_TEXT = {
  "newest-first": { prev: "← Newer", next: "Older →", summary: "newest first" },
  "oldest-first": { prev: "← Older", next: "Newer →", summary: "oldest first" },
};

/** Browse mode's read error, and its pager (the last page read, kept while a refresh fails). */
export function BrowsePager({ view }: { view: MessagesViewState }) {
  const { page } = view;
  return (
    <>
      {page.error ? <ErrorState title="Could not read the records" message={page.error.message} /> : null}
      {page.data ? <Pager view={view} data={page.data} /> : null}
    </>
  );
}

type Page = NonNullable<MessagesViewState["page"]["data"]>;

/** Previous/next page, a summary and each partition's offset range. */
function Pager({ view, data }: { view: MessagesViewState; data: Page }) {
  const { page, setCursor } = view;
  const { messages, order, prevCursor, nextCursor, partitions } = data;
  const text = ORDER_TEXT[order];
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-500" data-testid="browse-pager">
      <Button
        size="sm"
        onClick={() => setCursor(prevCursor!)}
        disabled={!prevCursor || page.isFetching}
        data-testid="browse-prev"
      >
        {text.prev}
      </Button>
      <Button
        size="sm"
        onClick={() => setCursor(nextCursor!)}
        disabled={!nextCursor || page.isFetching}
        data-testid="browse-next"
      >
        {text.next}
      </Button>
      <span data-testid="browse-summary">
        {messages.length} {messages.length === 1 ? "record" : "records"}, {text.summary}
        {page.isFetching ? " · loading…" : ""}
      </span>
      <span className="ml-auto font-mono text-xs">
        {partitions.map((p) => `p${p.partition}: ${p.low}–${p.high}`).join("  ")}
      </span>
    </div>
  );
}
