import "server-only";

/** DescribeConfigs' configSource numbers (KIP-226); unknown future values are shown as-is. */
const SOURCES: Record<number, string> = {
  0: "unknown",
  1: "dynamic topic config",
  2: "dynamic broker config",
  3: "dynamic default broker config",
  4: "static broker config",
  5: "default config",
  6: "dynamic broker logger config",
  7: "client metrics config",
  8: "group config",
};

export function configSourceName(source: number | undefined): string {
  if (source === undefined) return "unknown";
  return SOURCES[source] ?? `source ${source}`;
}
