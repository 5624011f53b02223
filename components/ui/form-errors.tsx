import { AlertTriangle } from "lucide-react";
import type { z } from "zod";
import { ApiClientError } from "@/lib/api/client";

export type FieldErrors = Record<string, string>;

/** zod issues → { "name": "…", "configs.retention.ms": "…" } (first message per path; "" for the whole form). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    out[path] ??= issue.message;
  }
  return out;
}

/** A detail's issue is either zod's sentence or a machine code such as "above_broker_count". */
const isCode = (issue: string) => /^[a-z]+(_[a-z]+)*$/.test(issue);

/**
 * The server's details (same paths as zod's) → field errors. Zod sentences go under the field; for a machine code the
 * banner already carries the server's message, so the field only gets a pointer to it.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (error instanceof ApiClientError) {
    for (const d of error.details) out[d.path] ??= isCode(d.issue) ? "see the message above" : d.issue;
  }
  return out;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Could not <action> <topic>: <server message>", announced as an alert. */
export function MutationError({
  action,
  topic,
  error,
  testId = "mutation-error",
}: {
  action: string;
  topic?: string;
  error: unknown;
  testId?: string;
}) {
  if (!error) return null;
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
    >
      <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <p className="min-w-0 break-words">
        Could not {action}
        {topic ? (
          <>
            {" "}
            <span className="font-mono font-medium">{topic}</span>
          </>
        ) : null}
        : {messageOf(error)}
      </p>
    </div>
  );
}
