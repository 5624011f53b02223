-- CreateTable
CREATE TABLE "SamplerLease" (
    "clusterId" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);
