/** Named stale times: how long fetched data counts as fresh before React Query refetches it. */
export const STALE = {
  metadata: 30_000,
  list: 10_000,
  health: 5_000,
  live: 0,
} as const;

/** How old the server's topic metadata snapshot may be before it refreshes it (server/kafka/topic-snapshot.ts). */
export const TOPIC_METADATA_FRESH_MS = 10_000;
