import "server-only";
import { perCluster } from "@/server/process-state";
import { Kafka, logLevel, type Admin, type Producer } from "kafkajs";

/** kafkajs's config resource codes, for the services that describe configs through `withAdmin`. */
export { ConfigResourceTypes } from "kafkajs";
/** The kafkajs admin a `withAdmin` callback receives. */
export type { Admin as KafkajsAdmin } from "kafkajs";
import { Admin as ModernAdmin } from "@platformatic/kafka";
import { getClusterConfigOrThrow } from "@/server/config";
import { registerCodecs, registerPlatformaticCodecs } from "./codecs";
import { toKafkaConfig, toPlatformaticOptions } from "./client-config";
import { kafkaErrorType, toApiError } from "./errors";
import type { FetchClient } from "./fetch-records";

type Connectable = { connect(): Promise<void>; disconnect(): Promise<void> };
type Slot = "admin" | "producer";

type Entry = {
  kafka: Kafka;
  /** `@platformatic/kafka` Admin for the APIs kafkajs lacks: created on first use, one connection per broker. */
  modern?: ModernAdmin;
  admin?: Promise<Admin>;
  producer?: Promise<Producer>;
  /** Message-reading `@platformatic/kafka` clients, created on first lease (see leaseFetchClient). */
  fetchers?: (ModernAdmin | undefined)[];
  /** Open message-reading sessions per fetch client. */
  fetchLoad?: number[];
  /** When the last connect failed, and why: callers fail fast for a short while instead of queueing. */
  failure?: { at: number; error: unknown };
};

const FAIL_FAST_MS = 5_000;
/** One entry per cluster, kept on globalThis so dev hot reloads reuse connections. */
const pool: Map<string, Entry> = perCluster<Entry>("Kafka");

registerCodecs();
registerPlatformaticCodecs();

function entryFor(clusterId: string): Entry {
  let entry = pool.get(clusterId);
  if (!entry) {
    const cluster = getClusterConfigOrThrow(clusterId);
    const level = process.env.SLUICE_KAFKA_LOG === "debug" ? logLevel.INFO : logLevel.NOTHING;
    entry = { kafka: new Kafka({ ...toKafkaConfig(cluster), logLevel: level }) };
    pool.set(clusterId, entry);
  }
  return entry;
}

async function connectShared<T extends Connectable>(clusterId: string, slot: Slot, make: (k: Kafka) => T): Promise<T> {
  const entry = entryFor(clusterId);
  const slots = entry as unknown as Record<Slot, Promise<Connectable> | undefined>;
  if (entry.failure && Date.now() - entry.failure.at < FAIL_FAST_MS) throw toApiError(entry.failure.error, clusterId);
  if (!slots[slot]) {
    const client = make(entry.kafka);
    const connecting = client.connect().then(() => client);
    slots[slot] = connecting;
    connecting.then(
      () => (entry.failure = undefined),
      (error) => {
        entry.failure = { at: Date.now(), error };
        if (slots[slot] === connecting) slots[slot] = undefined;
        client.disconnect().catch(() => {});
      },
    );
  }
  try {
    return (await slots[slot]) as T;
  } catch (error) {
    throw toApiError(error, clusterId);
  }
}

/** The cluster's shared admin client, connected once and reused by every request. */
export function getAdmin(clusterId: string): Promise<Admin> {
  return connectShared(clusterId, "admin", (k) => k.admin());
}

/** The cluster's shared producer (idempotent off, so it works on any ACL setup). */
export function getProducer(clusterId: string): Promise<Producer> {
  return connectShared(clusterId, "producer", (k) => k.producer({ allowAutoTopicCreation: false }));
}

/** Message-reading clients per cluster: sessions spread over them, least-loaded first. */
export const FETCH_CONNECTIONS = 4;

/**
 * Leases one of the cluster's message-reading clients (`@platformatic/kafka`, same configuration as the admin,
 * one connection per partition leader it reads from plus the bootstrap one). A broker answers one request per
 * connection at a time, so a tail's long-poll would delay whatever shares its connection: the topic list's offset
 * reads never do, and sessions spread over a few clients. Release when the session ends.
 */
export function leaseFetchClient(clusterId: string): { client: FetchClient; release: () => void } {
  const entry = entryFor(clusterId);
  if (entry.failure && Date.now() - entry.failure.at < FAIL_FAST_MS) throw toApiError(entry.failure.error, clusterId);
  const load = (entry.fetchLoad ??= new Array(FETCH_CONNECTIONS).fill(0));
  const fetchers = (entry.fetchers ??= new Array(FETCH_CONNECTIONS).fill(undefined));
  const index = load.indexOf(Math.min(...load));
  const admin = (fetchers[index] ??= new ModernAdmin(toPlatformaticOptions(getClusterConfigOrThrow(clusterId))));
  load[index]++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    load[index] = Math.max(0, load[index] - 1);
  };
  return { client: admin as unknown as FetchClient, release };
}

/** Closes a message-reading client that failed at the connection level; the next lease creates a fresh one. */
export async function dropFetchClient(clusterId: string, client: FetchClient): Promise<void> {
  const fetchers = pool.get(clusterId)?.fetchers;
  const index = fetchers?.indexOf(client as unknown as ModernAdmin) ?? -1;
  if (!fetchers || index < 0) return;
  const admin = fetchers[index]!;
  fetchers[index] = undefined;
  if (!admin.closed) await admin.close().catch(() => {});
}

/** The cluster's Kafka instance, for ephemeral consumers (consumers are never pooled). */
export function getKafka(clusterId: string): Kafka {
  return entryFor(clusterId).kafka;
}

/**
 * Runs an admin call; a connection-level failure drops the pooled clients so the next call reconnects.
 * kafkajs's admin remembers every topic it has touched and refreshes their metadata before each call, so a
 * topic deleted by anyone else makes every later call fail with UNKNOWN_TOPIC_OR_PARTITION. On that error the
 * admin is replaced by a fresh one and the call runs once more; a topic that really is missing fails again.
 */
export async function withAdmin<T>(clusterId: string, fn: (admin: Admin) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const admin = await getAdmin(clusterId);
    try {
      return await fn(admin);
    } catch (error) {
      if (attempt === 0 && kafkaErrorType(error) === "UNKNOWN_TOPIC_OR_PARTITION") {
        await dropSlot(clusterId, "admin");
        continue;
      }
      const apiError = toApiError(error, clusterId);
      if (apiError.code === "kafka_unavailable") await evictCluster(clusterId, error);
      throw apiError;
    }
  }
}

/** Disconnects and forgets one pooled client of a cluster; the next call connects a fresh one. */
async function dropSlot(clusterId: string, slot: Slot): Promise<void> {
  const slots = pool.get(clusterId) as unknown as Record<Slot, Promise<Connectable> | undefined> | undefined;
  const client = slots?.[slot];
  if (!slots || !client) return;
  slots[slot] = undefined;
  await client.then((c) => c.disconnect()).catch(() => {});
}

/**
 * The cluster's `@platformatic/kafka` Admin, created on first use from the same configuration as kafkajs
 * (client-config.ts). It opens at most one connection per broker (plus the bootstrap one) and is closed with
 * the cluster's other clients on eviction. Only `server/kafka/` modules use it, through `withModernAdmin`.
 */
export function getModernAdmin(clusterId: string): ModernAdmin {
  const entry = entryFor(clusterId);
  if (entry.failure && Date.now() - entry.failure.at < FAIL_FAST_MS) throw toApiError(entry.failure.error, clusterId);
  return (entry.modern ??= new ModernAdmin(toPlatformaticOptions(getClusterConfigOrThrow(clusterId))));
}

/** Runs a call on the modern admin; a connection-level failure evicts the cluster's clients, like withAdmin. */
export async function withModernAdmin<T>(clusterId: string, fn: (admin: ModernAdmin) => Promise<T>): Promise<T> {
  const admin = getModernAdmin(clusterId);
  try {
    return await fn(admin);
  } catch (error) {
    const apiError = toApiError(error, clusterId);
    if (apiError.code === "kafka_unavailable") await evictCluster(clusterId, error);
    throw apiError;
  }
}

/** Whether an error (or its cause) says the cluster could not be reached: refused, timed out, unknown host. */
function isUnreachable(error: unknown): boolean {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (
      /ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|timeout|timed out/i.test(
        `${String(e.code ?? "")} ${String(e.message ?? "")}`,
      )
    ) {
      return true;
    }
    e = (e.cause ?? e.originalError) as typeof e;
  }
  return false;
}

/** Forgets a cluster's clients (connection failure, configuration change). */
export async function evictCluster(clusterId: string, failure?: unknown): Promise<void> {
  const entry = pool.get(clusterId);
  if (!entry) return;
  pool.delete(clusterId);
  // Later calls fail fast for a while only when the cluster could not be reached; a socket of ours that broke
  // mid-call (a teardown race, one odd request) just reconnects on the next call instead of refusing everyone.
  if (failure) {
    pool.set(clusterId, {
      kafka: entry.kafka,
      ...(isUnreachable(failure) ? { failure: { at: Date.now(), error: failure } } : {}),
    });
  }
  if (failure) pool.get(clusterId)!.fetchLoad = entry.fetchLoad;
  // Closing a client whose broker went away can wait on requests that never complete: the old clients close in
  // the background, and the caller (a failed call, a sampler tick) waits at most 2 s for them.
  const closing = Promise.allSettled([
    ...[entry.admin, entry.producer].map((c) => c?.then((x) => x.disconnect())),
    ...[entry.modern, ...(entry.fetchers ?? [])].map((m) => (m && !m.closed ? m.close() : undefined)),
  ]);
  await Promise.race([closing, new Promise<void>((r) => setTimeout(r, 2_000).unref())]);
}

/** Disconnects everything; called on shutdown. */
export async function disconnectAll(): Promise<void> {
  await Promise.allSettled([...pool.keys()].map((id) => evictCluster(id)));
}
