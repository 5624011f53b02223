-- CreateTable
CREATE TABLE "MetricSample" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "resolution" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "data" TEXT NOT NULL,

    CONSTRAINT "MetricSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricSample_clusterId_resolution_at_idx" ON "MetricSample"("clusterId", "resolution", "at");
