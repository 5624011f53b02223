-- CreateTable
CREATE TABLE "TopicDecoder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "options" TEXT NOT NULL DEFAULT '{}',
    "schema" BLOB,
    "fileName" TEXT,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "TopicDecoder_clusterId_topic_side_key" ON "TopicDecoder"("clusterId", "topic", "side");
