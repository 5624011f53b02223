-- CreateTable
CREATE TABLE "ReplayJob" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "sourceCluster" TEXT NOT NULL,
    "sourceTopic" TEXT NOT NULL,
    "destCluster" TEXT NOT NULL,
    "destTopic" TEXT,
    "spec" TEXT NOT NULL,
    "positions" TEXT NOT NULL,
    "ends" TEXT NOT NULL,
    "scanned" INTEGER NOT NULL DEFAULT 0,
    "written" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "skippedList" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplayJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReplayJob_sourceCluster_createdAt_idx" ON "ReplayJob"("sourceCluster", "createdAt");
