"use client";

import { useLiveMetrics } from "@/lib/queries/metrics";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useCallback, type ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorState, Loading, RetryButton } from "@/components/ui/states";
import { formatNumber } from "@/lib/format";
import { groupListOptions } from "@/lib/queries/groups";
import { GroupTable } from "./group-table";
import { useDebouncedSearch } from "@/components/ui/use-url-search-state";
import { useGroupSearchParams } from "./use-group-search-params";

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** How old the server's snapshot of the groups is, in words. */
function age(ms: number) {
  const s = Math.round(ms / 1000);
  return s < 2 ? "just now" : `${s} s ago`;
}

/** Search and the server-sorted consumer group table; filters live in the URL, the list refreshes every 15 s. */
export function GroupList({ clusterId }: { clusterId: string }) {
  // The cluster's live stream: topics created or deleted anywhere refresh this list at once.
  useLiveMetrics(clusterId);
  const [search, setSearch] = useGroupSearchParams();
  const commitQuery = useCallback((q: string) => setSearch({ q }), [setSearch]);
  const [text, setText] = useDebouncedSearch(search.q, commitQuery);

  const query = useInfiniteQuery({
    ...groupListOptions(clusterId, { q: search.q || undefined, sort: search.sort, dir: search.dir }),
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages;
  const data = pages
    ? { items: pages.flatMap((p) => p.items), total: pages[0].total, ageMs: pages[0].ageMs }
    : undefined;

  let list: ReactNode;
  if (query.isPending) {
    list = <Loading label="Loading consumer groups…" />;
  } else if (query.error && !data) {
    list = (
      <ErrorState
        title="Could not load consumer groups"
        message={query.error.message}
        action={<RetryButton onRetry={() => query.refetch()} />}
      />
    );
  } else {
    list = (
      <>
        {query.error ? (
          <p className="text-sm text-amber-700 dark:text-amber-300" role="alert">
            Refreshing failed, showing the last answer: {query.error.message}
          </p>
        ) : null}
        <GroupTable
          clusterId={clusterId}
          groups={data?.items ?? []}
          sort={search.sort}
          dir={search.dir}
          onSort={(sort, dir) => setSearch({ sort, dir, q: text })}
          onNearEnd={() => {
            if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
          }}
          empty={
            <EmptyState
              title={search.q ? "No group matches" : "No consumer groups yet"}
              message={
                search.q
                  ? `Nothing matches "${search.q}".`
                  : "Groups appear here once a consumer joins or commits offsets."
              }
            />
          }
        />
      </>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <div className="relative w-full max-w-sm">
          <Search
            className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400"
            aria-hidden
          />
          <Input
            type="search"
            aria-label="Search consumer groups"
            placeholder="Search group ids"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="pl-9 font-mono placeholder:font-sans"
            data-testid="groups-search"
          />
        </div>
        <span className="ml-auto text-sm tabular-nums text-slate-500 dark:text-slate-400" aria-live="polite">
          {data ? (
            <>
              <span data-testid="groups-count">
                {plural(data.total, "group", "groups")}
                {data.items.length < data.total ? ` (${formatNumber(data.items.length)} loaded; scroll for more)` : ""}
              </span>
              <span
                className="text-slate-400"
                title="The server reads all groups at most every 10 s; this page refreshes every 15 s."
              >
                {" "}
                · read {age(data.ageMs)}
              </span>
            </>
          ) : null}
        </span>
      </div>

      {list}
    </div>
  );
}
