"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { paths } from "@/lib/paths";
import { browsePageOptions, type BrowseParams } from "@/lib/queries/topic-messages";
import type { Message } from "@/lib/schemas/messages";
import { messageId } from "./message-table";
import { useMessageFeed } from "./use-message-feed";

export type Mode = "browse" | "search" | "live";
export type Start = BrowseParams["start"];
export type Field = "key" | "value" | "headers";

/** Where reading starts and which partitions; any change goes back to the first browse page. */
export type Range = { start: Start; offset: string; time: string; partitions: string; limit: number };
/** How keys and values are decoded (every mode). */
export type Formats = { keyFormat: string; valueFormat: string };
/** What a search or live tail keeps: text (in which fields), CEL, and a time window. */
export type Filter = {
  q: string;
  regex: boolean;
  fields: Record<Field, boolean>;
  cel: string;
  from: string;
  to: string;
};

const SEARCH_CAP = 5_000;
const LIVE_CAP = 1_000;
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/**
 * The state of the messages view (held in the component, none of it in the URL): the mode, the range, decoding and
 * filter controls, the browse cursor, the selected record and the dialogs; and what they drive: the browse page, the
 * search stream and the live tail.
 */
export function useMessagesViewState(clusterId: string, topic: string) {
  const [mode, setMode] = useState<Mode>("browse");
  const [range, setRangeState] = useState<Range>({
    start: "newest",
    offset: "0",
    time: "",
    partitions: "",
    limit: 50,
  });
  const [formats, setFormatsState] = useState<Formats>({ keyFormat: "auto", valueFormat: "auto" });
  const [filter, setFilterState] = useState<Filter>({
    q: "",
    regex: false,
    fields: { key: true, value: true, headers: true },
    cel: "",
    from: "",
    to: "",
  });
  const [cursor, setCursor] = useState<string | undefined>();
  const [selected, setSelected] = useState<Message | null>(null);
  const [producing, setProducing] = useState(false);
  const [searchUrl, setSearchUrl] = useState<string | null>(null);
  const [liveUrl, setLiveUrl] = useState<string | null>(null);

  const { start, offset, time, partitions, limit } = range;
  const startQuery = {
    start,
    offset: start === "offset" ? offset : undefined,
    timestamp: start === "timestamp" ? toIso(time) : undefined,
    partitions: partitions.replace(/\s/g, "") || undefined,
  };
  const browseParams: BrowseParams = { ...startQuery, limit, ...formats, cursor };
  const page = useQuery({ ...browsePageOptions(clusterId, topic, browseParams), enabled: mode === "browse" });

  const { q, regex, fields, cel, from, to } = filter;
  const filterQuery = {
    q: q || undefined,
    regex: q && regex ? "true" : undefined,
    in: q ? (Object.keys(fields) as Field[]).filter((f) => fields[f]).join(",") || undefined : undefined,
    cel: cel.trim() || undefined,
    from: toIso(from),
    to: toIso(to),
    ...formats,
  };
  const searchQuery = { ...startQuery, start: start === "newest" ? "oldest" : start, ...filterQuery };
  const search = useMessageFeed(searchUrl, { cap: SEARCH_CAP, newestFirst: false, shared: false });
  const live = useMessageFeed(liveUrl, { cap: LIVE_CAP, newestFirst: true, shared: true });

  const rowsByMode: Record<Mode, () => Message[]> = {
    browse: () => page.data?.messages ?? [],
    search: () => search.state.rows,
    live: () => live.state.rows,
  };

  return {
    mode,
    selectMode: (m: Mode) => {
      setMode(m);
      setSelected(null);
    },
    range,
    setRange: (patch: Partial<Range>) => {
      setRangeState((r) => ({ ...r, ...patch }));
      setCursor(undefined);
    },
    formats,
    setFormats: (patch: Partial<Formats>) => setFormatsState((f) => ({ ...f, ...patch })),
    filter,
    setFilter: (patch: Partial<Filter>) => setFilterState((f) => ({ ...f, ...patch })),
    setCursor,
    page,
    rows: rowsByMode[mode](),
    selected,
    selectedId: selected ? messageId(selected) : null,
    setSelected,
    producing,
    setProducing,
    search,
    searchUrl,
    searchQuery,
    runSearch: () => {
      setSelected(null);
      // A new query string (even the same search again) restarts the stream.
      setSearchUrl(paths.api.messageStream(clusterId, topic, { ...searchQuery, _: Date.now() }));
    },
    stopSearch: () => setSearchUrl(null),
    live,
    liveUrl,
    toggleLive: () => {
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
    },
  };
}

export type MessagesViewState = ReturnType<typeof useMessagesViewState>;
export type Feed = MessagesViewState["search"];
