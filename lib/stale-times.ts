/** Named stale times: how long fetched data counts as fresh before React Query refetches it. */
export const STALE = {
  metadata: 30_000,
  list: 10_000,
  health: 5_000,
  live: 0,
} as const;
