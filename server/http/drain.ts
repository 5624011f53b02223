import "server-only";
import { processState } from "@/server/process-state";

/**
 * A replica's shutdown state (one per process, on globalThis because Next bundles route code and instrumentation
 * apart). On SIGTERM (server/start-up.ts) the replica drains: readiness answers 503 so a proxy or orchestrator stops
 * sending it traffic, new mutations and new streams are refused with 503 (the client retries, through the proxy, on
 * another replica), open streams end with a short `retry:` hint (clients reconnect with Last-Event-ID), and
 * mutations already running are awaited before the process exits.
 */
type DrainState = { draining: boolean; inFlight: number; idle: Set<() => void>; streams: Set<() => void> };

const state: DrainState = processState<DrainState>("Drain", () => ({
  draining: false,
  inFlight: 0,
  idle: new Set(),
  streams: new Set(),
}));

/** How long a client waits before reconnecting to a stream a draining replica ended (ms). */
export const DRAIN_RETRY_MS = 500;

export const isDraining = () => state.draining;

/** Counts one running mutation until the returned function is called (once). */
export function trackMutation(): () => void {
  state.inFlight++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    state.inFlight--;
    if (state.inFlight === 0) for (const resolve of state.idle) resolve();
  };
}

/** Registers an open stream's ender, run when draining begins; returns the unregistration. */
export function onDrain(end: () => void): () => void {
  if (state.draining) {
    end();
    return () => {};
  }
  state.streams.add(end);
  return () => state.streams.delete(end);
}

/** Starts draining: from now on readiness fails, new mutations and streams are refused, open streams end. */
export function beginDrain(): void {
  if (state.draining) return;
  state.draining = true;
  for (const end of [...state.streams]) {
    try {
      end();
    } catch {
      /* one stream's teardown must not keep the others open */
    }
  }
  state.streams.clear();
}

/** Waits until no mutation is running, at most `timeoutMs`; true when they all finished. */
export function mutationsSettled(timeoutMs: number): Promise<boolean> {
  if (state.inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      state.idle.delete(onIdle);
      resolve(ok);
    };
    const onIdle = () => settle(true);
    const timer = setTimeout(() => settle(false), timeoutMs);
    state.idle.add(onIdle);
  });
}

/** Running mutations now (for the shutdown log). */
export const mutationsInFlight = () => state.inFlight;
