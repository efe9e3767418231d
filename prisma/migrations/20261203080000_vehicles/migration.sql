-- Vehicles of a fleet: plate, battery, connector standards and power, home depot, default driver, key or token

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "plate" TEXT NOT NULL,
    "plateKey" TEXT NOT NULL,
    "name" TEXT,
    "make" TEXT,
    "model" TEXT,
    "batteryKwh" DOUBLE PRECISION NOT NULL,
    "connectorStandards" TEXT[],
    "maxAcKw" DOUBLE PRECISION,
    "maxDcKw" DOUBLE PRECISION,
    "homeDepotId" TEXT,
    "defaultDriverId" TEXT,
    "chargingKeyId" TEXT,
    "petitMondeTokenId" TEXT,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Vehicle_fleetId_plateKey_key" ON "Vehicle"("fleetId", "plateKey");

-- CreateIndex
CREATE INDEX "Vehicle_fleetId_retiredAt_plateKey_idx" ON "Vehicle"("fleetId", "retiredAt", "plateKey");

-- CreateIndex
CREATE INDEX "Vehicle_defaultDriverId_idx" ON "Vehicle"("defaultDriverId");

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_homeDepotId_fkey" FOREIGN KEY ("homeDepotId") REFERENCES "Depot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_defaultDriverId_fkey" FOREIGN KEY ("defaultDriverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_chargingKeyId_fkey" FOREIGN KEY ("chargingKeyId") REFERENCES "ChargingKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;
