-- Indexes in the lists' own order, for keyset paging and streamed exports at fleet scale.
-- DropIndex
DROP INDEX "ChargingSession_fleetId_startTime_idx";

-- DropIndex
DROP INDEX "AuditLog_fleetId_at_idx";

-- CreateIndex
CREATE INDEX "ChargingSession_fleetId_startTime_id_idx" ON "ChargingSession"("fleetId", "startTime" DESC, "id");

-- CreateIndex
CREATE INDEX "AuditLog_fleetId_at_id_idx" ON "AuditLog"("fleetId", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Booking_fleetId_windowStart_id_idx" ON "Booking"("fleetId", "windowStart" DESC, "id");
