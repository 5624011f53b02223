import "server-only";
import { getClusterConfigOrThrow } from "@/server/config";
import { ApiError } from "@/server/http/api-error";
import { kafkaErrorType, toApiError } from "@/server/kafka/errors";
import {
  fetchRound,
  partitionLeaders,
  partitionOffsets,
  type FetchClient,
  type FetchOptions,
  type PartitionFetch,
} from "@/server/kafka/fetch-records";
import { dropFetchClient, leaseFetchClient } from "@/server/kafka/registry";
import type { PackedPartition } from "@/server/kafka/scan-batch";
import { scanPool, scanRound, type ScanRoundInput } from "@/server/kafka/scan-pool";

export type PartitionRange = { partition: number; low: bigint; high: bigint };

const RETRIABLE = new Set([
  "NOT_LEADER_FOR_PARTITION",
  "NOT_LEADER_OR_FOLLOWER",
  "LEADER_NOT_AVAILABLE",
  "UNKNOWN_LEADER_EPOCH",
  "FENCED_LEADER_EPOCH",
  "REPLICA_NOT_AVAILABLE",
]);

/**
 * One topic opened for reading on a leased fetch connection: partition leaders, watermarks, and Fetch rounds
 * that survive leader moves (metadata refreshed and the round retried). Close it to return the connection.
 */
export class TopicReader {
  private leaders = new Map<number, number>();
  private constructor(
    readonly clusterId: string,
    readonly topic: string,
    private cluster: FetchClient,
    private releaseLease: () => void,
  ) {}

  /** After a connection failure: a fresh fetch connection and fresh leaders (throws while the cluster is down). */
  async reconnect(): Promise<void> {
    this.releaseLease();
    await dropFetchClient(this.clusterId, this.cluster);
    this.releaseLease = () => {};
    const { client: cluster, release } = leaseFetchClient(this.clusterId);
    this.cluster = cluster;
    this.releaseLease = release;
    await this.refreshLeaders();
  }

  static async open(clusterId: string, topic: string): Promise<TopicReader> {
    const { client: cluster, release } = leaseFetchClient(clusterId);
    const reader = new TopicReader(clusterId, topic, cluster, release);
    try {
      await reader.refreshLeaders();
    } catch (error) {
      reader.close();
      throw error;
    }
    return reader;
  }

  get partitions(): number[] {
    return [...this.leaders.keys()].sort((a, b) => a - b);
  }

  async refreshLeaders(): Promise<void> {
    let leaders: Map<number, number> | null;
    try {
      leaders = await partitionLeaders(this.cluster, this.topic);
    } catch (error) {
      if (kafkaErrorType(error) === "UNKNOWN_TOPIC_OR_PARTITION") leaders = null;
      else throw this.apiError(error);
    }
    if (!leaders) {
      throw new ApiError(
        "not_found",
        `Topic "${this.topic}" does not exist on cluster "${getClusterConfigOrThrow(this.clusterId).name}".`,
      );
    }
    this.leaders = leaders;
  }

  /** Selected partitions, checked against the topic: unknown ones → 422 naming the valid range. */
  select(partitions: number[] | undefined): number[] {
    const all = this.partitions;
    if (!partitions?.length) return all;
    const unknown = partitions.filter((p) => !this.leaders.has(p));
    if (unknown.length) {
      throw new ApiError(
        "unprocessable_entity",
        `Topic "${this.topic}" has partitions 0–${all.length - 1}; ${unknown.join(", ")} ${unknown.length === 1 ? "does" : "do"} not exist.`,
        [{ path: "partitions", issue: `unknown partition ${unknown.join(", ")}` }],
      );
    }
    return [...partitions].sort((a, b) => a - b);
  }

  /** Start (low) and end (high) offsets of the partitions: one ListOffsets pair per leader. */
  async ranges(partitions: number[]): Promise<Map<number, PartitionRange>> {
    const offsets = await this.retrying(() =>
      partitionOffsets(
        this.cluster,
        this.clusterId,
        partitions.map((partition) => ({ topic: this.topic, partition, leader: this.leaders.get(partition) ?? -1 })),
      ),
    );
    const byPartition = offsets.get(this.topic) ?? new Map();
    const out = new Map<number, PartitionRange>();
    for (const partition of partitions) {
      const o = byPartition.get(partition);
      if (!o) {
        throw new ApiError(
          "kafka_unavailable",
          `Partition ${partition} of "${this.topic}" has no leader right now; retry in a few seconds.`,
        );
      }
      out.set(partition, { partition, low: BigInt(o.start), high: BigInt(o.end) });
    }
    return out;
  }

  /** One Fetch round; leader moves refresh metadata and retry (twice). */
  fetch(positions: Map<number, bigint>, options: FetchOptions): Promise<Map<number, PartitionFetch>> {
    return this.retrying(() => fetchRound(this.cluster, this.topic, this.leaders, positions, options));
  }

  /** Whether scans of this reader can run in the worker pool (scan-pool.ts). */
  get scansInWorkers(): boolean {
    return scanPool() !== null;
  }

  /**
   * One round of a scan in the worker pool: fetched, decompressed and pre-filtered off the main thread, the
   * candidates packed (scan-batch.ts); null once `input.cancel` is set. Leader moves retry as in `fetch`.
   */
  scan(input: Omit<ScanRoundInput, "clusterId" | "topic" | "leaders">): Promise<Map<number, PackedPartition> | null> {
    const pool = scanPool();
    if (!pool) throw new ApiError("internal", "The scan workers are not running.");
    return this.retrying(() =>
      scanRound(pool, { ...input, clusterId: this.clusterId, topic: this.topic, leaders: this.leaders }),
    );
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const type = kafkaErrorType(error) ?? (error as { type?: string }).type;
        if (attempt < 2 && type && RETRIABLE.has(type)) {
          await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
          await this.refreshLeaders();
          continue;
        }
        throw this.apiError(error);
      }
    }
  }

  private apiError(error: unknown): ApiError {
    if (kafkaErrorType(error) === "OFFSET_OUT_OF_RANGE") {
      return new ApiError(
        "conflict",
        `Records of "${this.topic}" were deleted by retention while reading; start again from the oldest offset.`,
      );
    }
    if (error instanceof ApiError) return error;
    let apiError = toApiError(error, this.clusterId);
    // A reading connection that stopped answering (a broker shutting down keeps its socket open for a while) is
    // an outage for the reader: the connection is dropped and a live view reconnects instead of ending.
    if (apiError.code === "upstream_timeout") apiError = new ApiError("kafka_unavailable", apiError.message);
    if (apiError.code === "kafka_unavailable") void dropFetchClient(this.clusterId, this.cluster);
    return apiError;
  }

  close(): void {
    this.releaseLease();
  }
}
