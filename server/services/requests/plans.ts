import "server-only";
/** What adding partitions would do, or why it cannot. */
export function addPartitionsPlan(
  topic: string,
  current: number,
  wanted: number,
): { plan?: string; violation?: string } {
  if (wanted <= current) {
    return {
      violation: `"${topic}" already has ${current} partitions; ask for more than ${current} (Kafka cannot remove partitions)`,
    };
  }
  return {
    plan: `Raise the partitions of "${topic}" from ${current} to ${wanted}. Keyed records may map to different partitions afterwards.`,
  };
}
