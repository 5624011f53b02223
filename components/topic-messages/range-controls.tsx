"use client";

import { Input } from "@/components/ui/input";
import { Options, Select } from "@/components/ui/select";
import { DECODE_FORMATS } from "@/lib/schemas/messages";
import { Labelled, type LabelledTextProps } from "./labelled";
import { PAGE_SIZES } from "./use-messages-url-state";
import type { MessagesViewState, Start } from "./use-messages-view-state";

/** Where browsing or a search starts: newest/oldest, an offset, or a time (live tails always start at the end). */
function StartControls({ view }: { view: MessagesViewState }) {
  const { mode, range, setRange } = view;
  return (
    <>
      <Labelled label="Start" htmlFor="msg-start">
        <Select
          id="msg-start"
          value={mode === "search" && range.start === "newest" ? "oldest" : range.start}
          onChange={(e) => setRange({ start: e.target.value as Start })}
          data-testid="msg-start"
        >
          {mode === "browse" ? <option value="newest">Newest</option> : null}
          <option value="oldest">Oldest</option>
          <option value="offset">Offset</option>
          <option value="timestamp">Timestamp</option>
        </Select>
      </Labelled>
      {range.start === "offset" ? (
        <Labelled label="Offset" htmlFor="msg-offset">
          <Input
            id="msg-offset"
            value={range.offset}
            onChange={(e) => setRange({ offset: e.target.value })}
            className="w-32 font-mono"
            inputMode="numeric"
            data-testid="msg-offset"
          />
        </Labelled>
      ) : null}
      {range.start === "timestamp" ? (
        <Labelled label="From time (local)" htmlFor="msg-time">
          <Input
            id="msg-time"
            type="datetime-local"
            step="1"
            value={range.time}
            onChange={(e) => setRange({ time: e.target.value })}
            data-testid="msg-time"
          />
        </Labelled>
      ) : null}
    </>
  );
}

function FormatSelect({ id, label, value, onChange }: LabelledTextProps) {
  return (
    <Labelled label={label} htmlFor={id}>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={id}>
        <Options values={DECODE_FORMATS} />
      </Select>
    </Labelled>
  );
}

/** The controls every mode shares: start, partitions, page size (browse) and how keys and values are decoded. */
export function RangeControls({ view, partitionCount }: { view: MessagesViewState; partitionCount: number }) {
  const { mode, range, setRange, formats, setFormats } = view;
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="messages-controls">
      {mode !== "live" ? <StartControls view={view} /> : null}
      <Labelled label={`Partitions (of ${partitionCount || "…"})`} htmlFor="msg-partitions">
        <Input
          id="msg-partitions"
          value={range.partitions}
          onChange={(e) => setRange({ partitions: e.target.value })}
          placeholder="all, or 0,2"
          className="w-36 font-mono"
          data-testid="msg-partitions"
        />
      </Labelled>
      {mode === "browse" ? (
        <Labelled label="Per page" htmlFor="msg-limit">
          <Select
            id="msg-limit"
            value={range.limit}
            onChange={(e) => setRange({ limit: Number(e.target.value) })}
            data-testid="msg-limit"
          >
            <Options values={PAGE_SIZES} />
          </Select>
        </Labelled>
      ) : null}
      <FormatSelect
        id="msg-key-format"
        label="Key as"
        value={formats.keyFormat}
        onChange={(keyFormat) => setFormats({ keyFormat })}
      />
      <FormatSelect
        id="msg-value-format"
        label="Value as"
        value={formats.valueFormat}
        onChange={(valueFormat) => setFormats({ valueFormat })}
      />
    </div>
  );
}
