"use client";

import { z } from "zod";
import { useUrlSearchState } from "@/components/ui/use-url-search-state";
import type { BrowseParams } from "@/lib/queries/topic-messages";
import { DECODE_FORMATS } from "@/lib/schemas/messages";

export type Start = BrowseParams["start"];
export type Field = "key" | "value" | "headers";
const MODES = ["browse", "search", "live"] as const;
export type Mode = (typeof MODES)[number];

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

export const PAGE_SIZES = [20, 50, 100, 250, 500] as const;
const FIELDS: Field[] = ["key", "value", "headers"];

/** The shareable part of the view, flat, as it sits in the query string (`in` lists the searched fields). */
type MessagesSearch = {
  mode: Mode;
  start: Start;
  offset: string;
  time: string;
  partitions: string;
  limit: string;
  keyFormat: string;
  valueFormat: string;
  q: string;
  regex: boolean;
  in: string;
  cel: string;
  from: string;
  to: string;
};

const DEFAULTS: MessagesSearch = {
  mode: "browse",
  start: "newest",
  offset: "0",
  time: "",
  partitions: "",
  limit: "50",
  keyFormat: "auto",
  valueFormat: "auto",
  q: "",
  regex: false,
  in: FIELDS.join(","),
  cel: "",
  from: "",
  to: "",
};

/** No field ticked: an empty value would be left out of the URL (and so read back as the default, all of them). */
const NO_FIELDS = "none";

/** Text the user types goes to the URL as is (it must read back unchanged); only its length is bounded. */
const text = (max: number) => z.string().max(max).optional().catch(undefined);
/** A `datetime-local` value that names a real time (anything else would break `toISOString`). */
const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/)
  .refine((s) => !Number.isNaN(new Date(s).getTime()))
  .optional()
  .catch(undefined);

/** The view's URL state; anything malformed falls back to the default instead of breaking the page. */
export const messagesSearchSchema = z.object({
  mode: z.enum(MODES).optional().catch(undefined),
  start: z.enum(["newest", "oldest", "offset", "timestamp"]).optional().catch(undefined),
  offset: text(40),
  time: localTime,
  partitions: text(200),
  limit: z.enum(["20", "50", "100", "250", "500"]).optional().catch(undefined),
  keyFormat: z.enum(DECODE_FORMATS).optional().catch(undefined),
  valueFormat: z.enum(DECODE_FORMATS).optional().catch(undefined),
  q: text(2_000),
  regex: z
    .enum(["1", "true"])
    .transform(() => true)
    .optional()
    .catch(undefined),
  in: z
    .string()
    .regex(/^(none|(key|value|headers)(,(key|value|headers))*)$/)
    .optional()
    .catch(undefined),
  cel: text(4_000),
  from: localTime,
  to: localTime,
});

const fieldsOf = (list: string): Record<Field, boolean> => {
  const on = list.split(",");
  return { key: on.includes("key"), value: on.includes("value"), headers: on.includes("headers") };
};
const listOf = (fields: Record<Field, boolean>) => FIELDS.filter((f) => fields[f]).join(",") || NO_FIELDS;

/**
 * The mode, range, decoding and filter of the messages view, kept in the URL (defaults left out) so a reload or a
 * shared link shows the same view.
 */
export function useMessagesUrlState() {
  const [s, update] = useUrlSearchState<MessagesSearch>(messagesSearchSchema, DEFAULTS);
  const range: Range = {
    start: s.start,
    offset: s.offset,
    time: s.time,
    partitions: s.partitions,
    limit: Number(s.limit),
  };
  const filter: Filter = { q: s.q, regex: s.regex, fields: fieldsOf(s.in), cel: s.cel, from: s.from, to: s.to };
  return {
    mode: s.mode,
    setMode: (mode: Mode) => update({ mode }),
    range,
    setRange: ({ limit, ...patch }: Partial<Range>) =>
      update({ ...patch, ...(limit === undefined ? {} : { limit: String(limit) }) }),
    formats: { keyFormat: s.keyFormat, valueFormat: s.valueFormat } satisfies Formats,
    setFormats: (patch: Partial<Formats>) => update(patch),
    filter,
    setFilter: ({ fields, ...patch }: Partial<Filter>) =>
      update({ ...patch, ...(fields === undefined ? {} : { in: listOf(fields) }) }),
  };
}
