-- AlterTable
ALTER TABLE "TopicRequest" ADD COLUMN     "ownerTeamId" TEXT,
ADD COLUMN     "principal" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "revokesId" TEXT,
ADD COLUMN     "secretIssuedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ServicePrincipal" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "principal" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServicePrincipal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ServicePrincipal_teamId_idx" ON "ServicePrincipal"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePrincipal_clusterId_principal_key" ON "ServicePrincipal"("clusterId", "principal");

-- CreateIndex
CREATE INDEX "TopicRequest_clusterId_principal_idx" ON "TopicRequest"("clusterId", "principal");

-- AddForeignKey
ALTER TABLE "TopicRequest" ADD CONSTRAINT "TopicRequest_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePrincipal" ADD CONSTRAINT "ServicePrincipal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
