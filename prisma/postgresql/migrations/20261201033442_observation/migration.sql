-- CreateTable
CREATE TABLE "GroupHealthState" (
    "clusterId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "windows" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupHealthState_pkey" PRIMARY KEY ("clusterId","groupId")
);

-- CreateTable
CREATE TABLE "LogEndHistory" (
    "clusterId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LogEndHistory_pkey" PRIMARY KEY ("clusterId")
);

-- CreateTable
CREATE TABLE "ObservationEvent" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMP(3),

    CONSTRAINT "ObservationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "forSeconds" INTEGER NOT NULL DEFAULT 0,
    "repeatSeconds" INTEGER NOT NULL DEFAULT 3600,
    "channels" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertState" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "message" TEXT NOT NULL,
    "pendingSince" TIMESTAMP(3),
    "firedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "lastNotifiedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertHistory" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertSilence" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "ruleId" TEXT,
    "subject" TEXT,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSilence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationOutbox" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "channelType" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationAttempt" (
    "id" TEXT NOT NULL,
    "outboxId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "detail" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ObservationEvent_clusterId_at_idx" ON "ObservationEvent"("clusterId", "at");

-- CreateIndex
CREATE INDEX "ObservationEvent_handledAt_idx" ON "ObservationEvent"("handledAt");

-- CreateIndex
CREATE INDEX "AlertRule_clusterId_idx" ON "AlertRule"("clusterId");

-- CreateIndex
CREATE INDEX "AlertState_clusterId_state_idx" ON "AlertState"("clusterId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "AlertState_ruleId_subject_key" ON "AlertState"("ruleId", "subject");

-- CreateIndex
CREATE INDEX "AlertHistory_ruleId_at_idx" ON "AlertHistory"("ruleId", "at");

-- CreateIndex
CREATE INDEX "AlertHistory_clusterId_at_idx" ON "AlertHistory"("clusterId", "at");

-- CreateIndex
CREATE INDEX "AlertSilence_clusterId_expiresAt_idx" ON "AlertSilence"("clusterId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationOutbox_idempotencyKey_key" ON "NotificationOutbox"("idempotencyKey");

-- CreateIndex
CREATE INDEX "NotificationOutbox_status_nextAttemptAt_idx" ON "NotificationOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotificationOutbox_ruleId_createdAt_idx" ON "NotificationOutbox"("ruleId", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationAttempt_ruleId_at_idx" ON "NotificationAttempt"("ruleId", "at");
