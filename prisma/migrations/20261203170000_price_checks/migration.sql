-- Price checks read a session beside its booking, and a charger's prices as the fleet saw them.
-- A session's booking: the price differences report joins each booked session to the estimate it was booked at.
CREATE INDEX "ChargingSession_bookingId_idx" ON "ChargingSession"("bookingId");

-- A charger's price history on the map: the fleet's bookings at one location, newest first.
CREATE INDEX "Booking_fleetId_provider_locationId_createdAt_idx" ON "Booking"("fleetId", "provider", "locationId", "createdAt" DESC);
