"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Labelled, type LabelledTextProps } from "./labelled";
import type { Field, Filter } from "./use-messages-view-state";

const FIELDS: Field[] = ["key", "value", "headers"];
const check = "inline-flex items-center gap-1.5 pb-2 text-sm";

function DateTimeInput({ id, label, value, onChange }: LabelledTextProps) {
  return (
    <Labelled label={label} htmlFor={id}>
      <Input
        id={id}
        type="datetime-local"
        step="1"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={id}
      />
    </Labelled>
  );
}

/** The filter of a search or live tail: text (plain or regex, in chosen fields), a time window and a CEL expression. */
export function FilterFields({ filter, onChange }: { filter: Filter; onChange: (patch: Partial<Filter>) => void }) {
  return (
    <>
      <div className="flex flex-wrap items-end gap-3">
        <Labelled label="Text" htmlFor="msg-q" className="min-w-64 flex-1">
          <Input
            id="msg-q"
            value={filter.q}
            onChange={(e) => onChange({ q: e.target.value })}
            placeholder={filter.regex ? "RE2 regular expression" : "substring, case-insensitive"}
            className="font-mono"
            data-testid="msg-q"
          />
        </Labelled>
        <Checkbox className={check} checked={filter.regex} onChange={(regex) => onChange({ regex })} testId="msg-regex">
          regex
        </Checkbox>
        {FIELDS.map((f) => (
          <Checkbox
            key={f}
            className={check}
            checked={filter.fields[f]}
            onChange={(on) => onChange({ fields: { ...filter.fields, [f]: on } })}
            testId={`msg-in-${f}`}
          >
            {f}
          </Checkbox>
        ))}
        <DateTimeInput id="msg-from" label="From (local)" value={filter.from} onChange={(from) => onChange({ from })} />
        <DateTimeInput id="msg-to" label="To (local)" value={filter.to} onChange={(to) => onChange({ to })} />
      </div>
      <Labelled label="CEL filter over key, value, headers, partition, offset, timestamp, size" htmlFor="msg-cel">
        <Input
          id="msg-cel"
          value={filter.cel}
          onChange={(e) => onChange({ cel: e.target.value })}
          placeholder={'value.orderId == "X-42" && partition == 0'}
          className="font-mono"
          data-testid="msg-cel"
        />
      </Labelled>
    </>
  );
}
