-- Provider writes stored before the call and settled with the local change (lib/provider-sync).
-- CreateEnum
CREATE TYPE "ProviderSyncStatus" AS ENUM ('PENDING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "ProviderSync" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "desired" JSONB NOT NULL,
    "status" "ProviderSyncStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "ProviderSync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProviderSync_idempotencyKey_key" ON "ProviderSync"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ProviderSync_status_nextAttemptAt_idx" ON "ProviderSync"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ProviderSync_fleetId_status_idx" ON "ProviderSync"("fleetId", "status");

-- One pending change per object and kind: a second one waits until the first is settled.
CREATE UNIQUE INDEX "ProviderSync_pending_object_key" ON "ProviderSync"("kind", "fleetId", "objectId") WHERE "status" = 'PENDING';

-- AddForeignKey
ALTER TABLE "ProviderSync" ADD CONSTRAINT "ProviderSync_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
