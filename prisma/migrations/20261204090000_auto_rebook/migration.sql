-- Automatic re-booking: the opt-in radius, the re-booking owed and what it came to, and the booking replaced
ALTER TABLE "Booking" ADD COLUMN "rebookWithinKm" INTEGER;
ALTER TABLE "Booking" ADD COLUMN "rebookDueAt" TIMESTAMP(3);
ALTER TABLE "Booking" ADD COLUMN "rebookOutcome" TEXT;
ALTER TABLE "Booking" ADD COLUMN "rebookedFromId" TEXT;

CREATE UNIQUE INDEX "Booking_rebookedFromId_key" ON "Booking"("rebookedFromId");
CREATE INDEX "Booking_rebookDueAt_idx" ON "Booking"("rebookDueAt");

ALTER TABLE "Booking" ADD CONSTRAINT "Booking_rebookedFromId_fkey" FOREIGN KEY ("rebookedFromId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;
