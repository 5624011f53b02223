import "server-only";
import { processState } from "@/server/process-state";
import { AsyncLocalStorage } from "node:async_hooks";

/** Who a route handler runs for, and the request's abort signal (the client went away). */
export type RequestContext = { userId: string | null; signal: AbortSignal | undefined };

// On globalThis: Next may bundle this module once per route, and every copy must share one store.
const store: AsyncLocalStorage<RequestContext> = processState<AsyncLocalStorage<RequestContext>>(
  "RequestContext",
  () => new AsyncLocalStorage<RequestContext>(),
);

/** Runs a route handler with its context; `defineRoute` calls this, services read it with `currentRequest`. */
export function runWithRequest<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

export function currentRequest(): RequestContext | undefined {
  return store.getStore();
}
