"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";

/** Virtualises `count` rows of a fixed height inside the scrolling element `scrollRef` points at. */
export function useRowVirtualizer(count: number, rowHeight: number, overscan: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns new functions each render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  return { scrollRef, virtualizer, items: virtualizer.getVirtualItems() };
}
