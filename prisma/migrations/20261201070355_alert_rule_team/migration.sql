-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN "teamId" TEXT;
