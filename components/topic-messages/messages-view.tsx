"use client";

import { useQuery } from "@tanstack/react-query";
import { Download, Pause, Play, Radio, Search, Send, Square } from "lucide-react";
import { useState } from "react";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { Tooltip } from "@/components/ui/tooltip";
import { pendingCount } from "@/lib/message-feed/feed";
import { paths } from "@/lib/paths";
import { browsePageOptions, type BrowseParams } from "@/lib/queries/topic-messages";
import { topicDetailOptions } from "@/lib/queries/topics";
import { DECODE_FORMATS, type Message } from "@/lib/schemas/messages";
import { cn } from "@/lib/cn";
import { formatNumber } from "@/lib/format";
import { MessageDetail } from "./message-detail";
import { MessageTable, messageId } from "./message-table";
import { ProduceDialog } from "./produce-dialog";
import { DecodersButton } from "./decoders-dialog";
import { ImportButton } from "./import-dialog";
import { ReplayButton } from "./replay-button";
import { useMessageFeed } from "./use-message-feed";

type Mode = "browse" | "search" | "live";
type Start = BrowseParams["start"];

const SEARCH_CAP = 5_000;
const LIVE_CAP = 1_000;
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

function Labelled({
  label,
  htmlFor,
  children,
  className,
}: {
  label: string;
  htmlFor: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-500">
        {label}
      </label>
      {children}
    </div>
  );
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
  const [mode, setMode] = useState<Mode>("browse");
  const [start, setStart] = useState<Start>("newest");
  const [offset, setOffset] = useState("0");
  const [time, setTime] = useState("");
  const [partitions, setPartitions] = useState("");
  const [limit, setLimit] = useState(50);
  const [keyFormat, setKeyFormat] = useState("auto");
  const [valueFormat, setValueFormat] = useState("auto");
  const [q, setQ] = useState("");
  const [regex, setRegex] = useState(false);
  const [fields, setFields] = useState({ key: true, value: true, headers: true });
  const [cel, setCel] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [cursor, setCursor] = useState<string | undefined>();
  const [selected, setSelected] = useState<Message | null>(null);
  const [producing, setProducing] = useState(false);
  const [searchUrl, setSearchUrl] = useState<string | null>(null);
  const [liveUrl, setLiveUrl] = useState<string | null>(null);

  const formats = { keyFormat, valueFormat };
  const startQuery = {
    start,
    offset: start === "offset" ? offset : undefined,
    timestamp: start === "timestamp" ? toIso(time) : undefined,
    partitions: partitions.replace(/\s/g, "") || undefined,
  };
  const browseParams: BrowseParams = { ...startQuery, limit, ...formats, cursor };
  const page = useQuery({ ...browsePageOptions(clusterId, topic, browseParams), enabled: mode === "browse" });

  const filterQuery = {
    q: q || undefined,
    regex: q && regex ? "true" : undefined,
    in: q
      ? (Object.keys(fields) as (keyof typeof fields)[]).filter((f) => fields[f]).join(",") || undefined
      : undefined,
    cel: cel.trim() || undefined,
    from: toIso(from),
    to: toIso(to),
    ...formats,
  };
  const searchQuery = { ...startQuery, start: start === "newest" ? "oldest" : start, ...filterQuery };
  const search = useMessageFeed(searchUrl, { cap: SEARCH_CAP, newestFirst: false, shared: false });
  const live = useMessageFeed(liveUrl, { cap: LIVE_CAP, newestFirst: true, shared: true });

  const runSearch = () => {
    setSelected(null);
    // A new query string (even the same search again) restarts the stream.
    setSearchUrl(paths.api.messageStream(clusterId, topic, { ...searchQuery, _: Date.now() }));
  };
  const toggleLive = () => {
    setSelected(null);
    setLiveUrl((u) =>
      u
        ? null
        : paths.api.messageStream(clusterId, topic, {
            start: "end",
            follow: "true",
            partitions: startQuery.partitions,
            ...filterQuery,
            _: Date.now(),
          }),
    );
  };

  const rows =
    mode === "browse" ? (page.data?.messages ?? []) : mode === "search" ? search.state.rows : live.state.rows;
  const selectedId = selected ? messageId(selected) : null;
  const tab = (m: Mode, label: string, Icon: typeof Search) => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === m}
      onClick={() => {
        setMode(m);
        setSelected(null);
      }}
      data-testid={`messages-tab-${m}`}
      className={cn(
        "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium",
        mode === m
          ? "border-brand-600 text-brand-700 dark:border-cyan-400 dark:text-cyan-300"
          : "border-transparent text-slate-500 hover:text-slate-800 dark:hover:text-slate-200",
      )}
    >
      <Icon className="h-4 w-4" /> {label}
      {m === "live" && liveUrl ? (
        <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-label="live" />
      ) : null}
    </button>
  );

  const searchFailed = search.status.state === "failed" ? search.status.error : null;
  const liveFailed = live.status.state === "failed" ? live.status.error : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 dark:border-slate-800">
        <div role="tablist" aria-label="Message views" className="flex gap-1">
          {tab("browse", "Browse", Search)}
          {tab("search", "Search", Search)}
          {tab("live", "Live tail", Radio)}
        </div>
        <ReplayButton clusterId={clusterId} topic={topic} />
        <DecodersButton clusterId={clusterId} topic={topic} />
        <ImportButton clusterId={clusterId} topic={topic} disabled={!!readOnlyReason} />
        <Tooltip content={readOnlyReason}>
          <Button
            size="sm"
            variant="primary"
            onClick={() => setProducing(true)}
            disabled={!!readOnlyReason || !detail.data}
            data-testid="produce-button"
            className="mb-1.5"
          >
            <Send className="h-3.5 w-3.5" /> Produce
          </Button>
        </Tooltip>
      </div>

      <div className="flex flex-wrap items-end gap-3" data-testid="messages-controls">
        {mode !== "live" ? (
          <Labelled label="Start" htmlFor="msg-start">
            <Select
              id="msg-start"
              value={mode === "search" && start === "newest" ? "oldest" : start}
              onChange={(e) => {
                setStart(e.target.value as Start);
                setCursor(undefined);
              }}
              data-testid="msg-start"
            >
              {mode === "browse" ? <option value="newest">Newest</option> : null}
              <option value="oldest">Oldest</option>
              <option value="offset">Offset</option>
              <option value="timestamp">Timestamp</option>
            </Select>
          </Labelled>
        ) : null}
        {mode !== "live" && start === "offset" ? (
          <Labelled label="Offset" htmlFor="msg-offset">
            <Input
              id="msg-offset"
              value={offset}
              onChange={(e) => {
                setOffset(e.target.value);
                setCursor(undefined);
              }}
              className="w-32 font-mono"
              inputMode="numeric"
              data-testid="msg-offset"
            />
          </Labelled>
        ) : null}
        {mode !== "live" && start === "timestamp" ? (
          <Labelled label="From time (local)" htmlFor="msg-time">
            <Input
              id="msg-time"
              type="datetime-local"
              step="1"
              value={time}
              onChange={(e) => {
                setTime(e.target.value);
                setCursor(undefined);
              }}
              data-testid="msg-time"
            />
          </Labelled>
        ) : null}
        <Labelled label={`Partitions (of ${partitionCount || "…"})`} htmlFor="msg-partitions">
          <Input
            id="msg-partitions"
            value={partitions}
            onChange={(e) => {
              setPartitions(e.target.value);
              setCursor(undefined);
            }}
            placeholder="all, or 0,2"
            className="w-36 font-mono"
            data-testid="msg-partitions"
          />
        </Labelled>
        {mode === "browse" ? (
          <Labelled label="Per page" htmlFor="msg-limit">
            <Select
              id="msg-limit"
              value={limit}
              onChange={(e) => {
                setLimit(Number(e.target.value));
                setCursor(undefined);
              }}
              data-testid="msg-limit"
            >
              {[20, 50, 100, 250, 500].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Labelled>
        ) : null}
        <Labelled label="Key as" htmlFor="msg-key-format">
          <Select
            id="msg-key-format"
            value={keyFormat}
            onChange={(e) => setKeyFormat(e.target.value)}
            data-testid="msg-key-format"
          >
            {DECODE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Value as" htmlFor="msg-value-format">
          <Select
            id="msg-value-format"
            value={valueFormat}
            onChange={(e) => setValueFormat(e.target.value)}
            data-testid="msg-value-format"
          >
            {DECODE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </Select>
        </Labelled>
      </div>

      {mode !== "browse" ? (
        <div
          className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
          data-testid="filter-form"
        >
          <div className="flex flex-wrap items-end gap-3">
            <Labelled label="Text" htmlFor="msg-q" className="min-w-64 flex-1">
              <Input
                id="msg-q"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={regex ? "RE2 regular expression" : "substring, case-insensitive"}
                className="font-mono"
                data-testid="msg-q"
              />
            </Labelled>
            <label className="inline-flex items-center gap-1.5 pb-2 text-sm">
              <input
                type="checkbox"
                checked={regex}
                onChange={(e) => setRegex(e.target.checked)}
                data-testid="msg-regex"
              />{" "}
              regex
            </label>
            {(["key", "value", "headers"] as const).map((f) => (
              <label key={f} className="inline-flex items-center gap-1.5 pb-2 text-sm">
                <input
                  type="checkbox"
                  checked={fields[f]}
                  onChange={(e) => setFields({ ...fields, [f]: e.target.checked })}
                  data-testid={`msg-in-${f}`}
                />{" "}
                {f}
              </label>
            ))}
            <Labelled label="From (local)" htmlFor="msg-from">
              <Input
                id="msg-from"
                type="datetime-local"
                step="1"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                data-testid="msg-from"
              />
            </Labelled>
            <Labelled label="To (local)" htmlFor="msg-to">
              <Input
                id="msg-to"
                type="datetime-local"
                step="1"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                data-testid="msg-to"
              />
            </Labelled>
          </div>
          <Labelled label="CEL filter over key, value, headers, partition, offset, timestamp, size" htmlFor="msg-cel">
            <Input
              id="msg-cel"
              value={cel}
              onChange={(e) => setCel(e.target.value)}
              placeholder={'value.orderId == "X-42" && partition == 0'}
              className="font-mono"
              data-testid="msg-cel"
            />
          </Labelled>
          <div className="flex flex-wrap items-center gap-2">
            {mode === "search" ? (
              <>
                {searchUrl && !search.done && !search.error && !searchFailed ? (
                  <Button onClick={() => setSearchUrl(null)} data-testid="search-stop">
                    <Square className="h-3.5 w-3.5" /> Stop
                  </Button>
                ) : (
                  <Button variant="primary" onClick={runSearch} data-testid="search-run">
                    <Search className="h-3.5 w-3.5" /> Search
                  </Button>
                )}
                <Tooltip
                  content={
                    allowExport ? undefined : "Export is disabled for this cluster (messages.allowExport: false)."
                  }
                >
                  <Button asChild={allowExport} disabled={!allowExport} data-testid="search-export">
                    {allowExport ? (
                      <a href={paths.api.messageExport(clusterId, topic, searchQuery)} download>
                        <Download className="h-3.5 w-3.5" /> Export JSON Lines
                      </a>
                    ) : (
                      <span>
                        <Download className="h-3.5 w-3.5" /> Export JSON Lines
                      </span>
                    )}
                  </Button>
                </Tooltip>
              </>
            ) : (
              <>
                <Button variant={liveUrl ? "secondary" : "primary"} onClick={toggleLive} data-testid="live-toggle">
                  {liveUrl ? <Square className="h-3.5 w-3.5" /> : <Radio className="h-3.5 w-3.5" />}{" "}
                  {liveUrl ? "Stop live tail" : "Start live tail"}
                </Button>
                {liveUrl ? (
                  live.state.paused ? (
                    <Button onClick={() => live.dispatch({ type: "resume" })} data-testid="live-resume">
                      <Play className="h-3.5 w-3.5" /> Resume ({formatNumber(pendingCount(live.state))} new)
                    </Button>
                  ) : (
                    <Button onClick={() => live.dispatch({ type: "pause" })} data-testid="live-pause">
                      <Pause className="h-3.5 w-3.5" /> Pause
                    </Button>
                  )
                ) : null}
              </>
            )}
          </div>
          {mode === "search" ? (
            <SearchStatus feed={search} failed={searchFailed?.message ?? null} running={!!searchUrl} />
          ) : (
            <LiveStatus feed={live} failed={liveFailed?.message ?? null} running={!!liveUrl} />
          )}
        </div>
      ) : null}

      {mode === "browse" && page.error ? (
        <ErrorState title="Could not read the records" message={page.error.message} />
      ) : null}
      {mode === "browse" && page.data ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-500" data-testid="browse-pager">
          <Button
            size="sm"
            onClick={() => setCursor(page.data.prevCursor!)}
            disabled={!page.data.prevCursor || page.isFetching}
            data-testid="browse-prev"
          >
            {page.data.order === "newest-first" ? "← Newer" : "← Older"}
          </Button>
          <Button
            size="sm"
            onClick={() => setCursor(page.data.nextCursor!)}
            disabled={!page.data.nextCursor || page.isFetching}
            data-testid="browse-next"
          >
            {page.data.order === "newest-first" ? "Older →" : "Newer →"}
          </Button>
          <span data-testid="browse-summary">
            {page.data.messages.length} {page.data.messages.length === 1 ? "record" : "records"},{" "}
            {page.data.order === "newest-first" ? "newest first" : "oldest first"}
            {page.isFetching ? " · loading…" : ""}
          </span>
          <span className="ml-auto font-mono text-xs">
            {page.data.partitions.map((p) => `p${p.partition}: ${p.low}–${p.high}`).join("  ")}
          </span>
        </div>
      ) : null}

      <MessageTable
        messages={rows}
        selected={selectedId}
        onSelect={setSelected}
        emptyText={
          mode === "browse"
            ? page.isPending
              ? "Reading records…"
              : "No records in this range."
            : mode === "search"
              ? searchUrl
                ? "No matches yet."
                : "Set filters and run a search: the server scans the whole range and streams matches."
              : liveUrl
                ? "Waiting for new records…"
                : "Start the live tail to see records as they are produced."
        }
      />
      {selected ? (
        <MessageDetail
          key={selectedId}
          clusterId={clusterId}
          topic={topic}
          message={selected}
          formats={formats}
          onClose={() => setSelected(null)}
        />
      ) : null}
      {producing ? (
        <ProduceDialog
          clusterId={clusterId}
          topic={topic}
          partitions={partitionCount}
          hasRegistry={hasRegistry}
          onClose={() => setProducing(false)}
        />
      ) : null}
    </div>
  );
}

type Feed = ReturnType<typeof useMessageFeed>;

function SearchStatus({ feed, failed, running }: { feed: Feed; failed: string | null; running: boolean }) {
  const p = feed.progress;
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
          {feed.done
            ? ` · done in ${(feed.done.elapsedMs / 1000).toFixed(1)} s (${feed.done.reason})`
            : running
              ? " · scanning…"
              : " · stopped"}
          {feed.state.dropped
            ? ` · ${formatNumber(feed.state.dropped)} earlier matches dropped from view (export keeps all)`
            : ""}
        </p>
      ) : running && !failed ? (
        <p>Starting…</p>
      ) : null}
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

function LiveStatus({ feed, failed, running }: { feed: Feed; failed: string | null; running: boolean }) {
  const s = feed.status;
  const label = !running
    ? "stopped"
    : s.state === "open"
      ? feed.phase?.phase === "reconnecting"
        ? `reconnecting to Kafka: ${feed.phase.message ?? ""}`
        : "live"
      : s.state === "reconnecting"
        ? "reconnecting…"
        : s.state === "connecting"
          ? "connecting…"
          : s.state;
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
