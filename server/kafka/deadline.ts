import "server-only";
import { ApiError } from "@/server/http/api-error";
import { currentRequest } from "@/server/http/request-context";

/**
 * Races work against a deadline; past it the caller gets a 503 naming what did not answer. The work gets a
 * signal that fires at the deadline and when the current request's client goes away: loops check it and stop,
 * so abandoned work does not keep running after its answer (and its session slot) is gone.
 */
export async function withDeadline<T>(ms: number, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const controller = new AbortController();
  const client = currentRequest()?.signal;
  const onClientGone = () => controller.abort(new ApiError("bad_request", "The client closed the request."));
  if (client?.aborted) onClientGone();
  else client?.addEventListener("abort", onClientGone, { once: true });
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ApiError(
        "kafka_unavailable",
        `${what} did not answer within ${(ms / 1000).toFixed(1)} s. Check that its brokers are reachable.`,
      );
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    client?.removeEventListener("abort", onClientGone);
  }
}

/** Runs work that holds a slot, releasing the slot only once the work has really ended (not when its caller gave up). */
export function releaseWhenDone<T>(work: Promise<T>, release: () => void): Promise<T> {
  work.then(release, release);
  return work;
}
