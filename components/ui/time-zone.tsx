"use client";

import { Clock } from "lucide-react";
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from "react";
import { fetchJson } from "@/lib/api/client";
import { paths } from "@/lib/paths";
import { preferencesBodySchema } from "@/lib/schemas/preferences";
import { formatDateTime, localTimeZone, UTC, zoneLabel } from "@/lib/time";

type Zone = { zone: string; setZone: (zone: string) => Promise<void> };
const ZoneContext = createContext<Zone>({ zone: UTC, setZone: async () => {} });

/** The signed-in user's time zone (from the server, so server and browser render the same text), changeable. */
export function TimeZoneProvider({ initial, children }: { initial: string; children: ReactNode }) {
  const [zone, setLocal] = useState(initial);
  const setZone = async (next: string) => {
    const saved = await fetchJson(paths.api.preferences(), preferencesBodySchema, {
      method: "PUT",
      body: JSON.stringify({ timeZone: next }),
    });
    setLocal(saved.timeZone);
  };
  return <ZoneContext.Provider value={{ zone, setZone }}>{children}</ZoneContext.Provider>;
}

/** The zone every time in the console is shown in ("UTC" or an IANA name). */
export function useTimeZone(): string {
  return useContext(ZoneContext).zone;
}

/** An instant as the user reads every time in the console: "2026-11-30 20:23:24" in their zone. */
export function Time({
  t,
  millis,
  className,
}: {
  t: number | string | null | undefined;
  millis?: boolean;
  className?: string;
}) {
  const zone = useTimeZone();
  const ms = t === null || t === undefined ? Number.NaN : new Date(t).getTime();
  if (!Number.isFinite(ms)) return <span className={className}>{t ?? "—"}</span>;
  return (
    <time dateTime={new Date(ms).toISOString()} className={className} title={zoneLabel(zone)} data-testid="time">
      {formatDateTime(t, zone, { millis })}
    </time>
  );
}

const subscribe = () => () => {};

/** The zone's short name as shown next to times: "UTC", "CET". */
export function TimeZoneLabel() {
  return <>{zoneLabel(useTimeZone())}</>;
}

/** The sidebar setting: show times in UTC or in this browser's zone (kept on the server for this user). */
export function TimeZoneSetting() {
  const { zone, setZone } = useContext(ZoneContext);
  const [error, setError] = useState<string>();
  // The browser's zone is only known in the browser; the server renders the option without it.
  const browser = useSyncExternalStore(subscribe, localTimeZone, () => "");
  const local = zone === UTC ? browser : zone;
  const change = (next: string) =>
    setZone(next).then(
      () => setError(undefined),
      (e: Error) => setError(e.message),
    );
  return (
    <label className="flex items-center gap-2 px-3 text-sm text-slate-700 dark:text-slate-300">
      <Clock className="h-4 w-4" />
      <span>Times</span>
      <select
        value={zone === UTC ? UTC : "local"}
        onChange={(e) => change(e.target.value === UTC ? UTC : localTimeZone())}
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
        data-testid="time-zone-setting"
        aria-label="Show times in"
      >
        <option value={UTC}>UTC</option>
        <option value="local">{local ? `Local (${local})` : "Local"}</option>
      </select>
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
    </label>
  );
}
