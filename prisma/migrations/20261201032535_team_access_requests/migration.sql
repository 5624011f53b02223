-- CreateTable
CREATE TABLE "ServicePrincipal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "principal" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServicePrincipal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TopicRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "topicName" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "ownerTeamId" TEXT,
    "principal" TEXT,
    "revokesId" TEXT,
    "revokedAt" DATETIME,
    "secretIssuedAt" DATETIME,
    "spec" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "requesterId" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "deciderId" TEXT,
    "deciderName" TEXT,
    "decisionComment" TEXT,
    "decidedAt" DATETIME,
    "failureReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "provisionedAt" DATETIME,
    "openKey" TEXT,
    "drift" TEXT,
    "driftCheckedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TopicRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TopicRequest_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_TopicRequest" ("attempts", "clusterId", "createdAt", "decidedAt", "deciderId", "deciderName", "decisionComment", "drift", "driftCheckedAt", "failureReason", "id", "justification", "kind", "openKey", "provisionedAt", "requesterId", "requesterName", "spec", "status", "teamId", "topicName", "updatedAt") SELECT "attempts", "clusterId", "createdAt", "decidedAt", "deciderId", "deciderName", "decisionComment", "drift", "driftCheckedAt", "failureReason", "id", "justification", "kind", "openKey", "provisionedAt", "requesterId", "requesterName", "spec", "status", "teamId", "topicName", "updatedAt" FROM "TopicRequest";
DROP TABLE "TopicRequest";
ALTER TABLE "new_TopicRequest" RENAME TO "TopicRequest";
CREATE UNIQUE INDEX "TopicRequest_openKey_key" ON "TopicRequest"("openKey");
CREATE INDEX "TopicRequest_clusterId_status_idx" ON "TopicRequest"("clusterId", "status");
CREATE INDEX "TopicRequest_clusterId_topicName_idx" ON "TopicRequest"("clusterId", "topicName");
CREATE INDEX "TopicRequest_clusterId_principal_idx" ON "TopicRequest"("clusterId", "principal");
CREATE INDEX "TopicRequest_updatedAt_idx" ON "TopicRequest"("updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ServicePrincipal_teamId_idx" ON "ServicePrincipal"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePrincipal_clusterId_principal_key" ON "ServicePrincipal"("clusterId", "principal");
