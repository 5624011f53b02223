-- CreateTable
CREATE TABLE "TopicDecoder" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "options" TEXT NOT NULL DEFAULT '{}',
    "schema" BYTEA,
    "fileName" TEXT,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicDecoder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TopicDecoder_clusterId_topic_side_key" ON "TopicDecoder"("clusterId", "topic", "side");
