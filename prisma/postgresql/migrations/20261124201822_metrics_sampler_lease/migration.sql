-- CreateTable
CREATE TABLE "SamplerLease" (
    "clusterId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamplerLease_pkey" PRIMARY KEY ("clusterId")
);
