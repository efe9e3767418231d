-- Spending policies: a fleet's rules for what charging may cost and where and when it may happen, with
-- overrides for a driver or a vehicle, and the fleet's time zone its months and hours are counted in

-- AlterTable
ALTER TABLE "Fleet" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'Europe/Berlin';

-- CreateTable
CREATE TABLE "SpendingPolicy" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "userId" TEXT,
    "vehicleId" TEXT,
    "currency" TEXT,
    "monthlyCapMinor" INTEGER,
    "sessionCapMinor" INTEGER,
    "maxPricePerKwhDeciMinor" INTEGER,
    "allowedWeekdays" INTEGER[],
    "allowedFromMinute" INTEGER,
    "allowedToMinute" INTEGER,
    "allowedProviders" "Provider"[],
    "allowedOperators" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpendingPolicy_pkey" PRIMARY KEY ("id"),
    -- an override is for a driver or for a vehicle, never both
    CONSTRAINT "SpendingPolicy_one_scope" CHECK ("userId" IS NULL OR "vehicleId" IS NULL),
    CONSTRAINT "SpendingPolicy_caps_have_currency" CHECK (
        "currency" IS NOT NULL OR ("monthlyCapMinor" IS NULL AND "sessionCapMinor" IS NULL AND "maxPricePerKwhDeciMinor" IS NULL)),
    CONSTRAINT "SpendingPolicy_caps_positive" CHECK (
        COALESCE("monthlyCapMinor", 0) >= 0 AND COALESCE("sessionCapMinor", 0) >= 0 AND COALESCE("maxPricePerKwhDeciMinor", 0) >= 0),
    CONSTRAINT "SpendingPolicy_hours" CHECK (
        ("allowedFromMinute" IS NULL) = ("allowedToMinute" IS NULL)
        AND COALESCE("allowedFromMinute", 0) BETWEEN 0 AND 1440 AND COALESCE("allowedToMinute", 0) BETWEEN 0 AND 1440)
);

-- CreateIndex
CREATE UNIQUE INDEX "SpendingPolicy_scope_key" ON "SpendingPolicy"("fleetId", "userId", "vehicleId") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "SpendingPolicy" ADD CONSTRAINT "SpendingPolicy_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SpendingPolicy" ADD CONSTRAINT "SpendingPolicy_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SpendingPolicy" ADD CONSTRAINT "SpendingPolicy_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
