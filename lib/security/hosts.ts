/**
 * The hosts Sluice answers to (the DNS rebinding defence): SLUICE_PUBLIC_URL's host, the SLUICE_ALLOWED_HOSTS list
 * and, when nothing is configured or Sluice listens on a loopback address, the loopback names (127.0.0.1,
 * localhost, [::1]) at the listening port. Pure: proxy.ts, the same-origin check and better-auth all read one policy.
 */
type Env = Record<string, string | undefined>;

export type HostPolicy = {
  /** Configured hosts, lower-case `host[:port]` as a browser sends them in Host (default ports omitted). */
  hosts: string[];
  /** Configured origins (`scheme://host[:port]`). */
  origins: string[];
  /** Whether the loopback names are accepted. */
  loopback: boolean;
  /** The listening port (process.env.PORT, set by `next start`); undefined accepts loopback names at any port. */
  port?: string;
};

export const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"] as const;

/** Splits `name[:port]` (IPv6 in brackets); null when it is not a plausible host. */
export function splitHost(host: string): { name: string; port?: string } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!m) return null;
  return { name: m[1].replace(/\.$/, ""), port: m[2] };
}

function isLoopbackAddress(hostname: string): boolean {
  return /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === "[::1]" || hostname === "::1";
}

/** Reads the policy from the environment (SLUICE_PUBLIC_URL, SLUICE_ALLOWED_HOSTS, PORT, Next's bound origin). */
export function hostPolicy(env: Env): HostPolicy {
  const hosts = new Set<string>();
  const origins = new Set<string>();
  const add = (raw: string) => {
    const entry = raw.trim().replace(/\/+$/, "");
    if (!entry) return;
    if (entry.includes("://")) {
      try {
        const url = new URL(entry);
        if (url.protocol !== "http:" && url.protocol !== "https:") return;
        hosts.add(url.host.toLowerCase());
        origins.add(url.origin.toLowerCase());
      } catch {
        /* not a URL: ignored */
      }
      return;
    }
    const split = splitHost(entry);
    if (!split) return;
    const host = split.port ? `${split.name}:${split.port}` : split.name;
    hosts.add(host);
    origins.add(`https://${host}`);
    origins.add(`http://${host}`);
  };
  if (env.SLUICE_PUBLIC_URL) add(env.SLUICE_PUBLIC_URL);
  for (const entry of (env.SLUICE_ALLOWED_HOSTS ?? "").split(",")) add(entry);
  // `next start -H 127.0.0.1` (npm start, the demo) records its bound origin; loopback names are then always fine.
  let boundToLoopback = false;
  try {
    boundToLoopback = !!env.__NEXT_PRIVATE_ORIGIN && isLoopbackAddress(new URL(env.__NEXT_PRIVATE_ORIGIN).hostname);
  } catch {
    /* no bound origin */
  }
  const port = env.PORT && /^\d{1,5}$/.test(env.PORT) ? env.PORT : undefined;
  return { hosts: [...hosts], origins: [...origins], loopback: hosts.size === 0 || boundToLoopback, port };
}

/** Whether a Host (or X-Forwarded-Host) value names this Sluice. */
export function isAllowedHost(host: string | null | undefined, policy: HostPolicy): boolean {
  if (!host) return false;
  const split = splitHost(host);
  if (!split) return false;
  const normalised = split.port ? `${split.name}:${split.port}` : split.name;
  if (policy.hosts.includes(normalised)) return true;
  if (!policy.loopback || !(LOOPBACK_NAMES as readonly string[]).includes(split.name)) return false;
  return policy.port === undefined || (split.port ?? "80") === policy.port;
}

/** Whether a browser Origin header is one of Sluice's own origins. */
export function isAllowedOrigin(origin: string, policy: HostPolicy): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (policy.origins.includes(url.origin.toLowerCase())) return true;
  if (policy.hosts.includes(url.host.toLowerCase())) return false; // a configured host under another scheme
  return isAllowedHost(url.host, policy); // a loopback name
}

/** The allowed hosts as better-auth patterns (loopback names with the port, or any port when it is unknown). */
export function trustedHostPatterns(policy: HostPolicy): string[] {
  const loopback = policy.loopback ? LOOPBACK_NAMES.map((n) => `${n}:${policy.port ?? "*"}`) : [];
  return [...policy.hosts, ...loopback];
}

/** The allowed origins for better-auth's trustedOrigins. */
export function trustedOrigins(policy: HostPolicy): string[] {
  const loopback = policy.loopback
    ? LOOPBACK_NAMES.flatMap((n) => [`http://${n}:${policy.port ?? "*"}`, `https://${n}:${policy.port ?? "*"}`])
    : [];
  return [...policy.origins, ...loopback];
}

/**
 * Which header values a request's host must pass: Host, and X-Forwarded-Host when present (a page on a rebound
 * name can set it on same-origin requests, so it is checked, never trusted). Returns the first refused value.
 */
export function refusedHost(host: string | null, forwardedHost: string | null, policy: HostPolicy): string | null {
  if (!isAllowedHost(host, policy)) return host ?? "";
  if (forwardedHost !== null) {
    for (const h of forwardedHost.split(",")) if (!isAllowedHost(h.trim(), policy)) return h.trim();
  }
  return null;
}
