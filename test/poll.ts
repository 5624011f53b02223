import { setTimeout as wait } from "node:timers/promises";

/** Reads until `ok` holds, every `every` ms; after `ms` it throws, naming `what` and the last value read. */
export async function pollUntil<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  ms: number,
  every = 500,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v).slice(0, 600)}`);
    await wait(every);
  }
}

/**
 * Whether `pred` holds within `ms`: between tries it runs `between` (the alert tests deliver due notifications
 * there) and waits `every` ms. Answers the last try, so a test asserts on it.
 */
export async function holdsWithin(
  pred: () => boolean | Promise<boolean>,
  ms: number,
  every: number,
  between: () => Promise<unknown> = async () => {},
): Promise<boolean> {
  const end = Date.now() + ms;
  while (!(await pred()) && Date.now() < end) {
    await between();
    await wait(every);
  }
  return pred();
}
