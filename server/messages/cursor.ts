import "server-only";
import { z } from "zod";
import { ApiError } from "@/server/http/api-error";

/**
 * A browse cursor carries everything the next page needs, so any replica can serve it and nothing is kept
 * on the server: the direction, the display order, and one offset per partition (fwd: read from it; back:
 * read before it).
 */
export type BrowseCursor = { dir: "fwd" | "back"; order: "newest-first" | "oldest-first"; pos: Map<number, bigint> };

const wire = z.object({
  v: z.literal(1),
  d: z.enum(["fwd", "back"]),
  o: z.enum(["newest-first", "oldest-first"]),
  p: z.record(z.string().regex(/^\d+$/), z.string().regex(/^\d+$/)),
});

export function encodeCursor(c: BrowseCursor): string {
  const p: Record<string, string> = {};
  for (const [partition, offset] of c.pos) p[partition] = offset.toString();
  return Buffer.from(JSON.stringify({ v: 1, d: c.dir, o: c.order, p })).toString("base64url");
}

export function decodeCursor(s: string): BrowseCursor {
  let parsed: z.infer<typeof wire>;
  try {
    parsed = wire.parse(JSON.parse(Buffer.from(s, "base64url").toString("utf8")));
  } catch {
    throw new ApiError(
      "unprocessable_entity",
      "The page cursor is not valid; start browsing again from the first page.",
      [{ path: "cursor", issue: "malformed" }],
    );
  }
  return {
    dir: parsed.d,
    order: parsed.o,
    pos: new Map(Object.entries(parsed.p).map(([k, v]) => [Number(k), BigInt(v)])),
  };
}

/** Stream resume position (Last-Event-ID): one offset per partition, compact. "0:12,1:40". */
export function encodePositions(pos: Map<number, bigint>): string {
  return [...pos.entries()].map(([p, o]) => `${p}:${o}`).join(",");
}

export function decodePositions(s: string): Map<number, bigint> | null {
  if (!/^\d+:\d+(,\d+:\d+)*$/.test(s)) return null;
  return new Map(
    s.split(",").map((pair) => {
      const [p, o] = pair.split(":");
      return [Number(p), BigInt(o)] as const;
    }),
  );
}
