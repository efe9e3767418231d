-- Alerts: what the watchdog and the spending policies noticed, one per cause in a fleet, and the per-fleet
-- limit of a session's length the watchdog holds sessions to (12 hours unless an admin sets another)

-- AlterTable
ALTER TABLE "Fleet" ADD COLUMN "sessionLimitHours" INTEGER NOT NULL DEFAULT 12;
ALTER TABLE "Fleet" ADD CONSTRAINT "Fleet_sessionLimitHours_range" CHECK ("sessionLimitHours" BETWEEN 1 AND 168);

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'RESOLVED', 'DISMISSED');

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "causeKey" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "facts" JSONB NOT NULL,
    "bookingId" TEXT,
    "sessionId" TEXT,
    "driverId" TEXT,
    "vehicleId" TEXT,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "resolution" TEXT,
    "note" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Alert_fleetId_causeKey_key" ON "Alert"("fleetId", "causeKey");

-- CreateIndex
CREATE INDEX "Alert_fleetId_status_raisedAt_idx" ON "Alert"("fleetId", "status", "raisedAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_bookingId_idx" ON "Alert"("bookingId");

-- CreateIndex
CREATE INDEX "Alert_sessionId_idx" ON "Alert"("sessionId");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ChargingSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;
