"use client";

import hljs from "highlight.js/lib/core";
import json from "highlight.js/lib/languages/json";
import protobuf from "highlight.js/lib/languages/protobuf";
import { useMemo } from "react";

hljs.registerLanguage("json", json);
hljs.registerLanguage("protobuf", protobuf);

/**
 * A schema with syntax highlighting (highlight.js escapes the text; only its own spans are added). Avro and JSON
 * Schema are JSON; Protobuf has its own grammar.
 */
export function SchemaCode({ schemaType, text, testId }: { schemaType: string; text: string; testId?: string }) {
  const html = useMemo(
    () =>
      hljs.highlight(text, { language: schemaType === "PROTOBUF" ? "protobuf" : "json", ignoreIllegals: true }).value,
    [schemaType, text],
  );
  return (
    <pre
      className="schema-code max-h-[32rem] overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs leading-5 dark:bg-slate-950"
      data-testid={testId}
    >
      <code dangerouslySetInnerHTML={{ __html: html }} />
    </pre>
  );
}
