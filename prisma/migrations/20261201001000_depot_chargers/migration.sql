-- Depot chargers the fleet's admin configures: DepotFinity documents no charger list.
-- CreateTable
CREATE TABLE "DepotCharger" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "chargerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "address" TEXT,
    "timeZone" TEXT,
    "connectors" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DepotCharger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DepotCharger_fleetId_chargerId_key" ON "DepotCharger"("fleetId", "chargerId");

-- AddForeignKey
ALTER TABLE "DepotCharger" ADD CONSTRAINT "DepotCharger_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
