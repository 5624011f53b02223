const enc = encodeURIComponent;

/** Typed URL builders for pages and API routes; no URL is written by hand elsewhere. */
export const paths = {
  home: () => "/",
  cluster: (clusterId: string) => `/clusters/${enc(clusterId)}`,
  brokers: (clusterId: string) => `/clusters/${enc(clusterId)}/brokers`,
  broker: (clusterId: string, brokerId: number) => `/clusters/${enc(clusterId)}/brokers/${brokerId}`,
  api: {
    clusters: () => "/api/clusters",
    cluster: (clusterId: string) => `/api/clusters/${enc(clusterId)}`,
    brokers: (clusterId: string) => `/api/clusters/${enc(clusterId)}/brokers`,
    brokerConfigs: (clusterId: string, brokerId: number) => `/api/clusters/${enc(clusterId)}/brokers/${brokerId}/configs`,
  },
};
