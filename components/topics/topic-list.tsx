"use client";

import { useLiveMetrics } from "@/lib/queries/metrics";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useCallback, type ReactNode } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorState, Loading, RetryButton } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api/client";
import { formatNumber } from "@/lib/format";
import { topicListInfiniteOptions } from "@/lib/queries/topics";
import { TopicTable } from "./topic-table";
import { useDebouncedSearch } from "@/components/ui/use-url-search-state";
import { useTopicSearchParams, type TopicSearch } from "./use-topic-search-params";

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

function FilterCheckbox({
  label,
  checked,
  onChange,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}) {
  return (
    <Checkbox
      className="inline-flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300"
      inputClassName="h-4 w-4 accent-brand-600"
      checked={checked}
      onChange={onChange}
      testId={testId}
    >
      {label}
    </Checkbox>
  );
}

/** The search box, the regex and internal-topic switches, and the totals. */
function TopicFilterBar({
  search,
  setSearch,
  text,
  setText,
  badRegex,
  count,
}: {
  search: TopicSearch;
  setSearch: (patch: Partial<TopicSearch>) => void;
  text: string;
  setText: (text: string) => void;
  badRegex: boolean;
  count: string | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
      <div className="relative w-full max-w-sm">
        <Search
          className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400"
          aria-hidden
        />
        <Input
          type="search"
          aria-label="Search topics"
          placeholder={search.regex ? "Regular expression, e.g. ^orders\\." : "Search topic names"}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="pl-9 font-mono placeholder:font-sans"
          data-testid="topics-search"
          aria-invalid={badRegex || undefined}
        />
      </div>
      <FilterCheckbox
        label="regex"
        checked={search.regex}
        onChange={(regex) => setSearch({ regex, q: text })}
        testId="topics-regex"
      />
      <FilterCheckbox
        label="show internal topics"
        checked={search.internal}
        onChange={(internal) => setSearch({ internal, q: text })}
        testId="topics-internal"
      />
      <span
        className="ml-auto text-sm tabular-nums text-slate-500 dark:text-slate-400"
        data-testid="topics-count"
        aria-live="polite"
      >
        {count}
      </span>
    </div>
  );
}

/** Search, filters and the server-sorted, infinitely scrolling topic table; all state lives in the URL. */
export function TopicList({ clusterId }: { clusterId: string }) {
  // The cluster's live stream: topics created or deleted anywhere refresh this list at once.
  useLiveMetrics(clusterId);
  const [search, setSearch] = useTopicSearchParams();
  const commitQuery = useCallback((q: string) => setSearch({ q }), [setSearch]);
  const [text, setText] = useDebouncedSearch(search.q, commitQuery);

  const filters = {
    q: search.q || undefined,
    regex: search.regex || undefined,
    internal: search.internal,
    sort: search.sort,
    dir: search.dir,
  };
  const query = useInfiniteQuery({
    ...topicListInfiniteOptions(clusterId, filters),
    placeholderData: keepPreviousData,
  });
  const first = query.data?.pages[0];
  const topics = query.data?.pages.flatMap((p) => p.items) ?? [];
  const badRegex = query.error instanceof ApiClientError && query.error.status === 422 && search.regex;

  let list: ReactNode;
  if (query.isPending) {
    list = <Loading label="Loading topics…" />;
  } else if (query.error && !badRegex && !query.data) {
    list = (
      <ErrorState
        title="Could not load topics"
        message={query.error?.message}
        action={<RetryButton onRetry={() => query.refetch()} />}
      />
    );
  } else {
    list = (
      <TopicTable
        // A new filter or sort starts at the top again.
        key={`${search.q}|${search.regex}|${search.internal}|${search.sort}|${search.dir}`}
        clusterId={clusterId}
        topics={badRegex ? [] : topics}
        sort={search.sort}
        dir={search.dir}
        onSort={(sort, dir) => setSearch({ sort, dir, q: text })}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={() => void query.fetchNextPage()}
        empty={
          <EmptyState
            title={search.q ? "No topic matches" : "No topics yet"}
            message={
              search.q
                ? `Nothing matches ${search.regex ? "the pattern " : ""}"${search.q}"${search.internal ? "" : " (internal topics are hidden)"}.`
                : "Create one with the button above."
            }
          />
        }
      />
    );
  }
  return (
    <div className="space-y-3">
      <TopicFilterBar
        search={search}
        setSearch={setSearch}
        text={text}
        setText={setText}
        badRegex={badRegex}
        count={
          first
            ? `${plural(first.total, "topic", "topics")} · ${plural(first.totalPartitions, "partition", "partitions")}`
            : null
        }
      />

      {first?.sizeUnavailable ? (
        <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="topics-size-unavailable">
          Sizes unavailable: {first.sizeUnavailable}
        </p>
      ) : null}

      {badRegex ? (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert" data-testid="topics-search-error">
          {query.error?.message}
        </p>
      ) : null}

      {list}
    </div>
  );
}
