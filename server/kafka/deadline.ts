import "server-only";
import { ApiError } from "@/server/http/api-error";

/** Races work against a deadline; past it the caller gets a 503 naming what did not answer. */
export async function withDeadline<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ApiError("kafka_unavailable", `${what} did not answer within ${(ms / 1000).toFixed(1)} s. Check that its brokers are reachable.`)),
      ms,
    );
  });
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
