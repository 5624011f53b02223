import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/server/db/prisma";

/** This process's identity among Sluice replicas sharing a database. */
export const REPLICA_ID = `${process.env.HOSTNAME ?? "sluice"}-${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * Takes or renews the sampling lease of a cluster for `holder`: a conditional write that succeeds only when the
 * lease is free, expired, or already ours, so two replicas racing get exactly one leader. True = we sample.
 */
export async function acquireLease(
  clusterId: string,
  holder: string,
  ttlMs: number,
  now = Date.now(),
): Promise<boolean> {
  const expiresAt = new Date(now + ttlMs);
  const renewed = await prisma.samplerLease.updateMany({
    where: { clusterId, OR: [{ holder }, { expiresAt: { lt: new Date(now) } }] },
    data: { holder, expiresAt },
  });
  if (renewed.count === 1) return true;
  try {
    await prisma.samplerLease.create({ data: { clusterId, holder, expiresAt } });
    return true;
  } catch {
    return false; // it exists and someone else holds it
  }
}

/** Gives the lease up (the last viewer left), so another replica can take over at once. */
export async function releaseLease(clusterId: string, holder: string): Promise<void> {
  await prisma.samplerLease.deleteMany({ where: { clusterId, holder } });
}
