-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'DISPATCHER', 'MANAGER', 'DRIVER');

-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('PLUGSURFING', 'PETITMONDE', 'DEPOTFINITY');

-- CreateEnum
CREATE TYPE "IdentityKind" AS ENUM ('PLUGSURFING_USER_ID', 'PETITMONDE_CUSTOMER_ID', 'PETITMONDE_TOKEN_ID', 'DEPOT_RFID');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('SUBMITTING', 'REQUESTED', 'PENDING', 'CONFIRMED', 'ATTENDING', 'COMPLETED', 'EXPIRED', 'NO_SHOW', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "TokenStrategy" AS ENUM ('DRIVER_TOKEN', 'GROUP_TOKEN', 'AD_HOC', 'RFID');

-- CreateEnum
CREATE TYPE "BatchItemStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "ChargingKeyType" AS ENUM ('RFID_CARD', 'RFID_TAG', 'VIRTUAL');

-- CreateEnum
CREATE TYPE "SessionSource" AS ENUM ('PLUGSURFING_SESSION', 'PETITMONDE_BOOKING', 'DEPOT_TRANSACTION');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fleet" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "plugsurfingFleetId" TEXT NOT NULL,
    "petitMondeFleetGroupId" TEXT,
    "spendingLimitMonthlyMinor" INTEGER,
    "spendingLimitSessionMinor" INTEGER,
    "spendingLimitCurrency" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fleet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderIdentity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "IdentityKind" NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "fleetId" TEXT,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvitationCode" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "maxUses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvitationCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvitationRedemption" (
    "id" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvitationRedemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Depot" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Depot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "providerBookingId" TEXT,
    "externalId" TEXT NOT NULL,
    "status" "BookingStatus" NOT NULL DEFAULT 'SUBMITTING',
    "statusUpdatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locationId" TEXT NOT NULL,
    "evseUid" TEXT NOT NULL,
    "connectorId" TEXT,
    "locationSnapshot" JSONB NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "tokenStrategy" "TokenStrategy" NOT NULL,
    "customerId" TEXT,
    "tokenId" TEXT,
    "fleetGroupId" TEXT,
    "rfidValue" TEXT,
    "assignedDriverId" TEXT,
    "createdById" TEXT NOT NULL,
    "priceMinor" INTEGER,
    "feeMinor" INTEGER,
    "currency" TEXT,
    "lastError" TEXT,
    "submitAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingEvent" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "BookingStatus" NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "BookingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingBatch" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BookingBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingBatchItem" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "status" "BatchItemStatus" NOT NULL DEFAULT 'QUEUED',
    "bookingId" TEXT,
    "error" TEXT,
    "alternatives" JSONB,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BookingBatchItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "data" JSONB,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChargingKey" (
    "id" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "keyId" TEXT NOT NULL,
    "fleetId" TEXT,
    "name" TEXT,
    "visualNumber" TEXT,
    "contractId" TEXT,
    "referenceId" TEXT,
    "type" "ChargingKeyType" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "validFrom" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "assignedDriverId" TEXT,
    "source" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChargingKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChargingSession" (
    "id" TEXT NOT NULL,
    "source" "SessionSource" NOT NULL,
    "providerSessionId" TEXT NOT NULL,
    "fleetId" TEXT,
    "driverId" TEXT,
    "chargingKeyId" TEXT,
    "bookingId" TEXT,
    "status" TEXT NOT NULL,
    "balanceStatus" TEXT,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3),
    "durationSeconds" INTEGER,
    "energyWh" INTEGER,
    "priceExclVatMinor" INTEGER,
    "priceInclVatMinor" INTEGER,
    "vatRateBasisPoints" INTEGER,
    "currency" TEXT,
    "paymentMethod" TEXT,
    "receiptAvailable" BOOLEAN NOT NULL DEFAULT false,
    "evseId" TEXT,
    "connectorId" TEXT,
    "chargerName" TEXT,
    "site" TEXT,
    "operatorName" TEXT,
    "country" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChargingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncCursor" (
    "key" TEXT NOT NULL,
    "cursor" TEXT,
    "lastStartTime" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncCursor_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Fleet_plugsurfingFleetId_key" ON "Fleet"("plugsurfingFleetId");

-- CreateIndex
CREATE INDEX "Fleet_organizationId_idx" ON "Fleet"("organizationId");

-- CreateIndex
CREATE INDEX "Membership_fleetId_role_idx" ON "Membership"("fleetId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_fleetId_key" ON "Membership"("userId", "fleetId");

-- CreateIndex
CREATE INDEX "ProviderIdentity_userId_idx" ON "ProviderIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderIdentity_kind_value_key" ON "ProviderIdentity"("kind", "value");

-- CreateIndex
CREATE INDEX "AuditLog_fleetId_at_idx" ON "AuditLog"("fleetId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationCode_codeHash_key" ON "InvitationCode"("codeHash");

-- CreateIndex
CREATE INDEX "InvitationCode_fleetId_idx" ON "InvitationCode"("fleetId");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationRedemption_codeId_userId_key" ON "InvitationRedemption"("codeId", "userId");

-- CreateIndex
CREATE INDEX "Depot_fleetId_idx" ON "Depot"("fleetId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_externalId_key" ON "Booking"("externalId");

-- CreateIndex
CREATE INDEX "Booking_fleetId_status_idx" ON "Booking"("fleetId", "status");

-- CreateIndex
CREATE INDEX "Booking_status_provider_idx" ON "Booking"("status", "provider");

-- CreateIndex
CREATE INDEX "Booking_assignedDriverId_idx" ON "Booking"("assignedDriverId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_provider_providerBookingId_key" ON "Booking"("provider", "providerBookingId");

-- CreateIndex
CREATE INDEX "BookingEvent_bookingId_at_idx" ON "BookingEvent"("bookingId", "at");

-- CreateIndex
CREATE INDEX "BookingBatch_fleetId_createdAt_idx" ON "BookingBatch"("fleetId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BookingBatchItem_bookingId_key" ON "BookingBatchItem"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "BookingBatchItem_batchId_position_key" ON "BookingBatchItem"("batchId", "position");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ChargingKey_fleetId_idx" ON "ChargingKey"("fleetId");

-- CreateIndex
CREATE INDEX "ChargingKey_assignedDriverId_idx" ON "ChargingKey"("assignedDriverId");

-- CreateIndex
CREATE UNIQUE INDEX "ChargingKey_provider_keyId_key" ON "ChargingKey"("provider", "keyId");

-- CreateIndex
CREATE INDEX "ChargingSession_fleetId_startTime_idx" ON "ChargingSession"("fleetId", "startTime");

-- CreateIndex
CREATE INDEX "ChargingSession_driverId_startTime_idx" ON "ChargingSession"("driverId", "startTime");

-- CreateIndex
CREATE INDEX "ChargingSession_status_idx" ON "ChargingSession"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ChargingSession_source_providerSessionId_key" ON "ChargingSession"("source", "providerSessionId");

-- AddForeignKey
ALTER TABLE "Fleet" ADD CONSTRAINT "Fleet_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderIdentity" ADD CONSTRAINT "ProviderIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationCode" ADD CONSTRAINT "InvitationCode_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationRedemption" ADD CONSTRAINT "InvitationRedemption_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "InvitationCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Depot" ADD CONSTRAINT "Depot_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingEvent" ADD CONSTRAINT "BookingEvent_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingBatch" ADD CONSTRAINT "BookingBatch_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingBatchItem" ADD CONSTRAINT "BookingBatchItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "BookingBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingBatchItem" ADD CONSTRAINT "BookingBatchItem_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChargingKey" ADD CONSTRAINT "ChargingKey_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChargingSession" ADD CONSTRAINT "ChargingSession_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The audit trail is append-only: refuse UPDATE and DELETE at the database.
-- The body spells its semicolon as \073 because the migration runner splits statements on every semicolon.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''AuditLog is append-only''\073 END';
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
