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
  groups: (clusterId: string) => `/clusters/${enc(clusterId)}/consumer-groups`,
  group: (clusterId: string, groupId: string) => `/clusters/${enc(clusterId)}/consumer-groups/${enc(groupId)}`,
  shareGroup: (clusterId: string, groupId: string) => `/clusters/${enc(clusterId)}/share-groups/${enc(groupId)}`,
  topic: (clusterId: string, topicName: string) => `/clusters/${enc(clusterId)}/topics/${enc(topicName)}`,
  schemas: (clusterId: string) => `/clusters/${enc(clusterId)}/schemas`,
  subject: (clusterId: string, subject: string) => `/clusters/${enc(clusterId)}/schemas/${enc(subject)}`,
  topicMessages: (clusterId: string, topicName: string) =>
    `/clusters/${enc(clusterId)}/topics/${enc(topicName)}/messages`,
  requests: (clusterId: string) => `/clusters/${enc(clusterId)}/requests`,
  request: (clusterId: string, requestId: string) => `/clusters/${enc(clusterId)}/requests/${enc(requestId)}`,
  acls: (clusterId: string, query?: Record<string, string | undefined>) =>
    `/clusters/${enc(clusterId)}/acls${qs(query)}`,
  principal: (clusterId: string, principal: string) => `/clusters/${enc(clusterId)}/acls/principals/${enc(principal)}`,
  scramUsers: (clusterId: string) => `/clusters/${enc(clusterId)}/scram-users`,
  servicePrincipals: (clusterId: string) => `/clusters/${enc(clusterId)}/principals`,
  quotas: (clusterId: string) => `/clusters/${enc(clusterId)}/quotas`,
  connect: (clusterId: string) => `/clusters/${enc(clusterId)}/connect`,
  connectors: (clusterId: string, connectId: string) => `/clusters/${enc(clusterId)}/connect/${enc(connectId)}`,
  connectorNew: (clusterId: string, connectId: string) => `/clusters/${enc(clusterId)}/connect/${enc(connectId)}/new`,
  connector: (clusterId: string, connectId: string, name: string) =>
    `/clusters/${enc(clusterId)}/connect/${enc(connectId)}/connectors/${enc(name)}`,
  alerts: (clusterId: string) => `/clusters/${enc(clusterId)}/alerts`,
  audit: () => "/audit",
  apiDocs: () => "/api-docs",
  access: () => "/access",
  login: (next?: string) => `/login${qs({ next })}`,
  setup: () => "/setup",
  api: {
    session: () => "/api/session",
    setup: () => "/api/setup",
    me: () => "/api/me",
    preferences: () => "/api/me/preferences",
    notifications: () => "/api/me/notifications",
    notificationsRead: () => "/api/me/notifications/read",
    users: () => "/api/users",
    user: (userId: string) => `/api/users/${enc(userId)}`,
    teams: () => "/api/teams",
    team: (teamId: string) => `/api/teams/${enc(teamId)}`,
    tokens: () => "/api/tokens",
    token: (tokenId: string) => `/api/tokens/${enc(tokenId)}`,
    audit: (query?: Record<string, string | number | undefined>) => `/api/audit${qs(query)}`,
    openapi: () => "/api/openapi.json",
    auditExport: (query?: Record<string, string | number | undefined>) => `/api/audit/export${qs(query)}`,
    requests: (clusterId: string, query?: Record<string, string | boolean | undefined>) =>
      `/api/clusters/${enc(clusterId)}/requests${qs(query)}`,
    request: (
      clusterId: string,
      requestId: string,
      action?: "decision" | "cancel" | "retry" | "revoke" | "credential",
    ) => `/api/clusters/${enc(clusterId)}/requests/${enc(requestId)}${action ? `/${action}` : ""}`,
    principals: (clusterId: string, id?: string) =>
      `/api/clusters/${enc(clusterId)}/principals${id ? `/${enc(id)}` : ""}`,
    requestsStream: (clusterId: string) => `/api/clusters/${enc(clusterId)}/requests/stream`,
    requestsDrift: (clusterId: string) => `/api/clusters/${enc(clusterId)}/requests/drift`,
    policy: (clusterId: string) => `/api/clusters/${enc(clusterId)}/policy`,
    /** GET: one page (browse); POST: produce a record. */
    messages: (clusterId: string, topicName: string, query?: Record<string, string | number | boolean | undefined>) =>
      `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/messages${qs(query)}`,
    /** GET: one record in full (no preview cut). */
    message: (
      clusterId: string,
      topicName: string,
      partition: number,
      offset: string,
      query?: { keyFormat?: string; valueFormat?: string },
    ) => `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/messages/${partition}/${enc(offset)}${qs(query)}`,
    /** SSE: live throughput and lag (cluster, or one topic / group). */
    metricsStream: (clusterId: string, scope?: { topic?: string; group?: string }) =>
      `/api/clusters/${enc(clusterId)}/metrics/stream${qs(scope)}`,
    metricsHistory: (clusterId: string, query: { range: string; topic?: string; group?: string }) =>
      `/api/clusters/${enc(clusterId)}/metrics/history${qs(query)}`,
    /** SSE: search and live tail. */
    messageStream: (
      clusterId: string,
      topicName: string,
      query?: Record<string, string | number | boolean | undefined>,
    ) => `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/messages/stream${qs(query)}`,
    /** JSON Lines download of a search result. */
    messageExport: (
      clusterId: string,
      topicName: string,
      query?: Record<string, string | number | boolean | undefined>,
    ) => `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/messages/export${qs(query)}`,
    clusters: () => "/api/clusters",
    cluster: (clusterId: string) => `/api/clusters/${enc(clusterId)}`,
    brokers: (clusterId: string) => `/api/clusters/${enc(clusterId)}/brokers`,
    brokerConfigs: (clusterId: string, brokerId: number) =>
      `/api/clusters/${enc(clusterId)}/brokers/${brokerId}/configs`,
    quorum: (clusterId: string) => `/api/clusters/${enc(clusterId)}/quorum`,
    brokerDefaults: (clusterId: string) => `/api/clusters/${enc(clusterId)}/broker-defaults`,
    topics: (clusterId: string, query?: Record<string, string | number | boolean | undefined>) =>
      `/api/clusters/${enc(clusterId)}/topics${qs(query)}`,
    topic: (clusterId: string, topicName: string) => `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}`,
    topicConfigs: (clusterId: string, topicName: string, dryRun = false) =>
      `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/configs${dryRun ? "?dryRun=true" : ""}`,
    sizes: (clusterId: string) => `/api/clusters/${enc(clusterId)}/sizes`,
    topicSizes: (clusterId: string, topicName: string) =>
      `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/sizes`,
    topicPartitions: (clusterId: string, topicName: string) =>
      `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/partitions`,
    groups: (clusterId: string, query?: Record<string, string | number | boolean | undefined>) =>
      `/api/clusters/${enc(clusterId)}/consumer-groups${qs(query)}`,
    group: (clusterId: string, groupId: string) => `/api/clusters/${enc(clusterId)}/consumer-groups/${enc(groupId)}`,
    shareGroup: (clusterId: string, groupId: string) => `/api/clusters/${enc(clusterId)}/share-groups/${enc(groupId)}`,
    groupLagSeconds: (clusterId: string, groupId: string) =>
      `/api/clusters/${enc(clusterId)}/consumer-groups/${enc(groupId)}/lag-seconds`,
    groupTopicOffsets: (clusterId: string, groupId: string, topic: string) =>
      `/api/clusters/${enc(clusterId)}/consumer-groups/${enc(groupId)}/offsets?topic=${enc(topic)}`,
    groupReset: (clusterId: string, groupId: string, dryRun: boolean) =>
      `/api/clusters/${enc(clusterId)}/consumer-groups/${enc(groupId)}/offsets/reset${dryRun ? "?dryRun=true" : ""}`,
    topicPurge: (clusterId: string, topicName: string) =>
      `/api/clusters/${enc(clusterId)}/topics/${enc(topicName)}/purge`,
    schemaSubjects: (clusterId: string, query?: { q?: string; deleted?: boolean }) =>
      `/api/clusters/${enc(clusterId)}/schemas/subjects${qs(query)}`,
    schemaSubject: (clusterId: string, subject: string, query?: { deleted?: boolean; permanent?: boolean }) =>
      `/api/clusters/${enc(clusterId)}/schemas/subjects/${enc(subject)}${qs(query)}`,
    schemaVersions: (clusterId: string, subject: string) =>
      `/api/clusters/${enc(clusterId)}/schemas/subjects/${enc(subject)}/versions`,
    schemaVersion: (clusterId: string, subject: string, version: number, query?: { permanent?: boolean }) =>
      `/api/clusters/${enc(clusterId)}/schemas/subjects/${enc(subject)}/versions/${version}${qs(query)}`,
    schemaCompatibilityCheck: (clusterId: string, subject: string) =>
      `/api/clusters/${enc(clusterId)}/schemas/subjects/${enc(subject)}/compatibility`,
    schemaConfig: (clusterId: string) => `/api/clusters/${enc(clusterId)}/schemas/config`,
    schemaMode: (clusterId: string) => `/api/clusters/${enc(clusterId)}/schemas/mode`,
    schemaSubjectConfig: (clusterId: string, subject: string) =>
      `/api/clusters/${enc(clusterId)}/schemas/subjects/${enc(subject)}/config`,
    acls: (clusterId: string, query?: Record<string, string | boolean | undefined>) =>
      `/api/clusters/${enc(clusterId)}/acls${qs(query)}`,
    scramUsers: (clusterId: string) => `/api/clusters/${enc(clusterId)}/scram-users`,
    scramUser: (clusterId: string, name: string) => `/api/clusters/${enc(clusterId)}/scram-users/${enc(name)}`,
    scramRotate: (clusterId: string, name: string) => `/api/clusters/${enc(clusterId)}/scram-users/${enc(name)}/rotate`,
    quotas: (clusterId: string) => `/api/clusters/${enc(clusterId)}/quotas`,
    connect: (clusterId: string) => `/api/clusters/${enc(clusterId)}/connect`,
    connectors: (clusterId: string, connectId: string) =>
      `/api/clusters/${enc(clusterId)}/connect/${enc(connectId)}/connectors`,
    connector: (clusterId: string, connectId: string, name: string) =>
      `/api/clusters/${enc(clusterId)}/connect/${enc(connectId)}/connectors/${enc(name)}`,
    /** POST: pause, resume, stop; restart takes ?includeTasks&onlyFailed. */
    connectorAction: (
      clusterId: string,
      connectId: string,
      name: string,
      action: "pause" | "resume" | "stop" | "restart",
      query?: { includeTasks?: boolean; onlyFailed?: boolean },
    ) => `/api/clusters/${enc(clusterId)}/connect/${enc(connectId)}/connectors/${enc(name)}/${action}${qs(query)}`,
    connectorTaskRestart: (clusterId: string, connectId: string, name: string, taskId: number) =>
      `/api/clusters/${enc(clusterId)}/connect/${enc(connectId)}/connectors/${enc(name)}/tasks/${taskId}/restart`,
    connectorOffsets: (clusterId: string, connectId: string, name: string) =>
      `/api/clusters/${enc(clusterId)}/connect/${enc(connectId)}/connectors/${enc(name)}/offsets`,
    connectPlugins: (clusterId: string, connectId: string) =>
      `/api/clusters/${enc(clusterId)}/connect/${enc(connectId)}/plugins`,
    /** GET: the plugin's config definition; POST {config}: the worker's validation of it. */
    connectPluginConfig: (clusterId: string, connectId: string, className: string) =>
      `/api/clusters/${enc(clusterId)}/connect/${enc(connectId)}/plugins/${enc(className)}/config`,
    /** SSE: connector and task states. */
    connectStream: (clusterId: string, connectId: string) =>
      `/api/clusters/${enc(clusterId)}/connect/${enc(connectId)}/stream`,
  },
};
