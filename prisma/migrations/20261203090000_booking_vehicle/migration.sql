-- The vehicle a booking is for, when the dispatcher named one

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "vehicleId" TEXT;

-- CreateIndex
CREATE INDEX "Booking_vehicleId_windowStart_idx" ON "Booking"("vehicleId", "windowStart");

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE SET NULL ON UPDATE CASCADE;
