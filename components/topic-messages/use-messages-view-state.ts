"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { paths } from "@/lib/paths";
import { browsePageOptions, type BrowseParams } from "@/lib/queries/topic-messages";
import type { Message } from "@/lib/schemas/messages";
import { messageId } from "./message-table";
import { useMessageFeed } from "./use-message-feed";
import { useMessagesUrlState, type Field, type Mode, type Range } from "./use-messages-url-state";

export type { Field, Filter, Formats, Mode, Range, Start } from "./use-messages-url-state";

const SEARCH_CAP = 5_000;
const LIVE_CAP = 1_000;
const toIso = (local: string) => {
  const t = local ? new Date(local) : null;
  return t && !Number.isNaN(t.getTime()) ? t.toISOString() : undefined;
};

/**
 * The state of the messages view: the mode, the range, decoding and filter controls (in the URL); the browse cursor,
 * the selected record and the dialogs (in the component); and what they drive: the browse page, the search stream and
 * the live tail.
 */
export function useMessagesViewState(clusterId: string, topic: string) {
  const { mode, setMode, range, setRange, formats, setFormats, filter, setFilter } = useMessagesUrlState();
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
      setRange(patch);
      setCursor(undefined);
    },
    formats,
    setFormats,
    filter,
    setFilter,
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
