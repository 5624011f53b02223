-- CreateTable
CREATE TABLE "MetricSample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "resolution" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "data" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "MetricSample_clusterId_resolution_at_idx" ON "MetricSample"("clusterId", "resolution", "at");
