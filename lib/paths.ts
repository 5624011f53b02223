const enc = encodeURIComponent;

function qs(query?: Record<string, string | number | boolean | undefined>): string {
  if (!query) return "";
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Typed URL builders for pages and API routes; no URL is written by hand elsewhere. */
export const paths = {
  home: () => "/",
  cluster: (clusterId: string) => `/clusters/${enc(clusterId)}`,
  brokers: (clusterId: string) => `/clusters/${enc(clusterId)}/brokers`,
  broker: (clusterId: string, brokerId: number) => `/clusters/${enc(clusterId)}/brokers/${brokerId}`,
  topics: (clusterId: string) => `/clusters/${enc(clusterId)}/topics`,
  topic: (clusterId: string, topicName: string) => `/clusters/${enc(clusterId)}/topics/${enc(topicName)}`,
  api: {
    clusters: () => "/api/clusters",
    cluster: (clusterId: string) => `/api/clusters/${enc(clusterId)}`,
    brokers: (clusterId: string) => `/api/clusters/${enc(clusterId)}/brokers`,
    brokerConfigs: (clusterId: string, brokerId: number) => `/api/clusters/${enc(clusterId)}/brokers/${brokerId}/configs`,
    topics: (clusterId: string, query?: Record<string, string | number | boolean | undefined>) => `/api/clusters/${enc(clusterId)}/topics${qs(query)}`,
    topic: (clusterId: string, topicName: string) => `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}`,
    topicConfigs: (clusterId: string, topicName: string, dryRun = false) => `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/configs${dryRun ? "?dryRun=true" : ""}`,
    topicPartitions: (clusterId: string, topicName: string) => `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/partitions`,
    topicPurge: (clusterId: string, topicName: string) => `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/purge`,
  },
};
