import type { Message } from "@/lib/schemas/messages";

/**
 * The browser side of a search or live tail: arrivals are collected in a ref and flushed here in batches
 * (every ~250 ms), never one render per record. The window is capped; what falls out of it is counted, and
 * while paused new records wait (also capped) with their count shown.
 */
export type FeedState = {
  /** Newest last for searches (scan order), newest first for tails. */
  rows: Message[];
  /** Records pushed out of the capped window. */
  dropped: number;
  paused: boolean;
  /** Records that arrived while paused (shown on resume). */
  waiting: Message[];
  /** Arrived while paused but beyond the waiting cap: counted only. */
  waitingDropped: number;
  /** All records received since the start. */
  received: number;
};

export type FeedAction =
  { type: "append"; batch: Message[] } | { type: "pause" } | { type: "resume" } | { type: "clear" };

export type FeedOptions = { cap: number; newestFirst: boolean };

export const emptyFeed: FeedState = {
  rows: [],
  dropped: 0,
  paused: false,
  waiting: [],
  waitingDropped: 0,
  received: 0,
};

function place(rows: Message[], batch: Message[], o: FeedOptions): { rows: Message[]; dropped: number } {
  if (o.newestFirst) {
    const merged = [...[...batch].reverse(), ...rows];
    return merged.length > o.cap
      ? { rows: merged.slice(0, o.cap), dropped: merged.length - o.cap }
      : { rows: merged, dropped: 0 };
  }
  const merged = rows.concat(batch);
  return merged.length > o.cap
    ? { rows: merged.slice(merged.length - o.cap), dropped: merged.length - o.cap }
    : { rows: merged, dropped: 0 };
}

export function feedReducer(state: FeedState, action: FeedAction, o: FeedOptions): FeedState {
  switch (action.type) {
    case "append": {
      if (action.batch.length === 0) return state;
      const received = state.received + action.batch.length;
      if (state.paused) {
        const waiting = state.waiting.concat(action.batch);
        const over = Math.max(0, waiting.length - o.cap);
        return {
          ...state,
          received,
          waiting: over ? waiting.slice(over) : waiting,
          waitingDropped: state.waitingDropped + over,
        };
      }
      const { rows, dropped } = place(state.rows, action.batch, o);
      return { ...state, received, rows, dropped: state.dropped + dropped };
    }
    case "pause":
      return state.paused ? state : { ...state, paused: true };
    case "resume": {
      if (!state.paused) return state;
      const { rows, dropped } = place(state.rows, state.waiting, o);
      return {
        ...state,
        paused: false,
        rows,
        waiting: [],
        waitingDropped: 0,
        dropped: state.dropped + dropped + state.waitingDropped,
      };
    }
    case "clear":
      return emptyFeed;
  }
}

/** Pending = records waiting while paused, including those counted beyond the cap. */
export const pendingCount = (s: FeedState) => s.waiting.length + s.waitingDropped;
