/**
 * The one place that turns instants into text. Every time in the console (tables, chart axes, tooltips, dialogs)
 * goes through these functions with the user's time zone: "UTC" or an IANA zone name (the browser's own when the
 * user picks local time, stored on the server so the server render and the browser agree). Always 24-hour,
 * year-month-day, so a table cell and a chart tooltip read the same.
 */
export const UTC = "UTC";

/** Whether `zone` is a time zone this runtime knows (an unknown zone falls back to UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function partsOf(ms: number, zone: string): Record<string, string> {
  const tz = isTimeZone(zone) ? zone : UTC;
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formats.set(tz, f);
  }
  return Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

const toMs = (t: number | string | Date) =>
  t instanceof Date ? t.getTime() : typeof t === "string" ? new Date(t).getTime() : t;

/** "2026-11-30 20:23:24" (with `.390` when `millis`), in the zone; "—" for a missing or invalid instant. */
export function formatDateTime(
  t: number | string | Date | null | undefined,
  zone: string,
  opts: { millis?: boolean } = {},
): string {
  if (t === null || t === undefined) return "—";
  const ms = toMs(t);
  if (!Number.isFinite(ms)) return String(t);
  const p = partsOf(ms, zone);
  const frac = opts.millis ? `.${String(((ms % 1000) + 1000) % 1000).padStart(3, "0")}` : "";
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}${frac}`;
}

/** "20:23:24": a chart tick within a day. */
export function formatClock(t: number, zone: string): string {
  return formatDateTime(t, zone).slice(11);
}

/** "11-30 20:23": a chart tick over days. */
export function formatDayClock(t: number, zone: string): string {
  return formatDateTime(t, zone).slice(5, 16);
}

/** The zone as a reader sees it next to a time: "UTC", "CET", "GMT+1". */
export function zoneLabel(zone: string): string {
  if (!isTimeZone(zone) || zone === UTC) return UTC;
  return partsOf(Date.now(), zone).timeZoneName ?? zone;
}

/** The time zone of this browser (or server), for the "local time" setting. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || UTC;
}
