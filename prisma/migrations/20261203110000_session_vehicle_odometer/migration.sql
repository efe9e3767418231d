-- Sessions name the vehicle that charged and, where a dispatcher entered it, its odometer reading. The rollup
-- (20261203070000_charging_session_rollup) adds up sessions per vehicle too, per UTC month and day (the month of
-- a reader in another time zone is whole days of it and a few hours of sessions).

-- AlterTable
ALTER TABLE "ChargingSession" ADD COLUMN "vehicleId" TEXT, ADD COLUMN "odometerKm" INTEGER;
ALTER TABLE "ChargingSession" ADD CONSTRAINT "ChargingSession_odometerKm_range"
  CHECK ("odometerKm" IS NULL OR "odometerKm" BETWEEN 0 AND 2000000);

-- CreateIndex (with the reading in it, so that a report reads the readings of a vehicle from the index alone)
CREATE INDEX "ChargingSession_vehicleId_startTime_odometerKm_idx" ON "ChargingSession"("vehicleId", "startTime", "odometerKm");

-- AddForeignKey
ALTER TABLE "ChargingSession" ADD CONSTRAINT "ChargingSession_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The sessions already stored, resolved as lib/sessions/session-vehicle.ts resolves a session when it is written:
-- the vehicle of its booking, else the vehicle of the fleet (in service first) with its charging key, else the one
-- with the Petit Monde token of its booking. The rollup is rebuilt below, so the update trigger need not count this.
ALTER TABLE "ChargingSession" DISABLE TRIGGER "ChargingSession_rollup_update";
UPDATE "ChargingSession" s SET "vehicleId" = found.id
FROM (
  SELECT s2.id AS session_id, COALESCE(
    (SELECT b."vehicleId" FROM "Booking" b WHERE b.id = s2."bookingId" AND b."fleetId" = s2."fleetId"),
    (SELECT v.id FROM "Vehicle" v WHERE v."fleetId" = s2."fleetId" AND v."chargingKeyId" = s2."chargingKeyId"
      ORDER BY v."retiredAt" IS NOT NULL, v."createdAt", v.id LIMIT 1),
    (SELECT v.id FROM "Booking" b JOIN "Vehicle" v ON v."fleetId" = b."fleetId" AND v."petitMondeTokenId" = b."tokenId"
      WHERE b.id = s2."bookingId" AND b."fleetId" = s2."fleetId"
      ORDER BY v."retiredAt" IS NOT NULL, v."createdAt", v.id LIMIT 1)
  ) AS id
  FROM "ChargingSession" s2
  WHERE s2."fleetId" IS NOT NULL AND (s2."bookingId" IS NOT NULL OR s2."chargingKeyId" IS NOT NULL)
) found
WHERE found.session_id = s.id AND found.id IS NOT NULL;
ALTER TABLE "ChargingSession" ENABLE TRIGGER "ChargingSession_rollup_update";

-- The vehicle column of the rollup, a key of its own like the driver
ALTER TABLE "ChargingSessionRollup" ADD COLUMN "vehicleId" TEXT;
ALTER TABLE "ChargingSessionRollup" DROP CONSTRAINT "ChargingSessionRollup_key";
ALTER TABLE "ChargingSessionRollup" ADD CONSTRAINT "ChargingSessionRollup_key" UNIQUE NULLS NOT DISTINCT
    ("fleetId", "kind", "grain", "bucket", "driverId", "vehicleId", "status", "source", "operatorName", "country", "currency")
    INCLUDE ("sessions", "energyWh", "energyCount", "exclVatMinor", "exclVatCount", "inclVatMinor", "inclVatCount",
      "pricedEnergyWh", "pricedInclVatMinor", "pricedCount");

-- The statement that adds rows of "ChargingSession" (with a column "sign": 1 to add, -1 to take away) to the rollup
CREATE OR REPLACE FUNCTION "charging_session_rollup_statement"(delta TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($sql$
    INSERT INTO "ChargingSessionRollup" AS r ("fleetId", "kind", "grain", "bucket", "driverId", "vehicleId", "status", "source",
      "operatorName", "country", "currency", "sessions", "energyWh", "energyCount", "exclVatMinor", "exclVatCount",
      "inclVatMinor", "inclVatCount", "pricedEnergyWh", "pricedInclVatMinor", "pricedCount")
    SELECT * FROM (
      SELECT d."fleetId", k.kind, k.grain, k.bucket, k."driverId", k."vehicleId", k.status, k.source, k."operatorName", k.country,
        CASE WHEN d."priceInclVatMinor" IS NOT NULL AND d.currency IS NOT NULL THEN upper(d.currency) END AS currency,
        sum(d.sign) AS sessions,
        COALESCE(sum(d.sign * d."energyWh"), 0) AS "energyWh",
        COALESCE(sum(d.sign) FILTER (WHERE d."energyWh" IS NOT NULL), 0) AS "energyCount",
        COALESCE(sum(d.sign * COALESCE(d."priceExclVatMinor", d."priceInclVatMinor")), 0) AS "exclVatMinor",
        COALESCE(sum(d.sign) FILTER (WHERE COALESCE(d."priceExclVatMinor", d."priceInclVatMinor") IS NOT NULL), 0)
          AS "exclVatCount",
        COALESCE(sum(d.sign * d."priceInclVatMinor"), 0) AS "inclVatMinor",
        COALESCE(sum(d.sign) FILTER (WHERE d."priceInclVatMinor" IS NOT NULL), 0) AS "inclVatCount",
        COALESCE(sum(d.sign * d."energyWh") FILTER (WHERE d."priceInclVatMinor" IS NOT NULL AND d."energyWh" > 0), 0)
          AS "pricedEnergyWh",
        COALESCE(sum(d.sign * d."priceInclVatMinor") FILTER (WHERE d."priceInclVatMinor" IS NOT NULL AND d."energyWh" > 0), 0)
          AS "pricedInclVatMinor",
        COALESCE(sum(d.sign) FILTER (WHERE d."priceInclVatMinor" IS NOT NULL AND d."energyWh" > 0), 0) AS "pricedCount"
      FROM (%s) d
        CROSS JOIN LATERAL (VALUES
          ('total', 'day', date_trunc('day', d."startTime"), NULL::text, NULL::text, NULL::text, NULL::"SessionSource", NULL::text, NULL::text),
          ('total', 'month', date_trunc('month', d."startTime"), NULL, NULL, NULL, NULL, NULL, NULL),
          ('filter', 'day', date_trunc('day', d."startTime"), NULL, NULL, d.status, d.source, d."operatorName", d.country),
          ('filter', 'month', date_trunc('month', d."startTime"), NULL, NULL, d.status, d.source, d."operatorName", d.country),
          ('driver', 'year', date_trunc('year', d."startTime"), d."driverId", NULL, NULL, NULL, NULL, NULL),
          ('driver', 'quarter', date_trunc('quarter', d."startTime"), d."driverId", NULL, NULL, NULL, NULL, NULL),
          ('driver', 'month', date_trunc('month', d."startTime"), d."driverId", NULL, NULL, NULL, NULL, NULL),
          ('vehicle', 'month', date_trunc('month', d."startTime"), NULL, d."vehicleId", NULL, NULL, NULL, NULL),
          ('vehicle', 'day', date_trunc('day', d."startTime"), NULL, d."vehicleId", NULL, NULL, NULL, NULL)
        ) k(kind, grain, bucket, "driverId", "vehicleId", status, source, "operatorName", country)
      WHERE d."fleetId" IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ) g
    -- An update that changed nothing counted leaves the rollup alone
    WHERE g.sessions <> 0 OR g."energyWh" <> 0 OR g."energyCount" <> 0 OR g."exclVatMinor" <> 0
      OR g."exclVatCount" <> 0 OR g."inclVatMinor" <> 0 OR g."inclVatCount" <> 0 OR g."pricedEnergyWh" <> 0
      OR g."pricedInclVatMinor" <> 0 OR g."pricedCount" <> 0
    -- Rows in one order, so that two writers wait for each other rather than deadlock
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ON CONFLICT ON CONSTRAINT "ChargingSessionRollup_key" DO UPDATE SET
      "sessions" = r."sessions" + EXCLUDED."sessions",
      "energyWh" = r."energyWh" + EXCLUDED."energyWh",
      "energyCount" = r."energyCount" + EXCLUDED."energyCount",
      "exclVatMinor" = r."exclVatMinor" + EXCLUDED."exclVatMinor",
      "exclVatCount" = r."exclVatCount" + EXCLUDED."exclVatCount",
      "inclVatMinor" = r."inclVatMinor" + EXCLUDED."inclVatMinor",
      "inclVatCount" = r."inclVatCount" + EXCLUDED."inclVatCount",
      "pricedEnergyWh" = r."pricedEnergyWh" + EXCLUDED."pricedEnergyWh",
      "pricedInclVatMinor" = r."pricedInclVatMinor" + EXCLUDED."pricedInclVatMinor",
      "pricedCount" = r."pricedCount" + EXCLUDED."pricedCount"
  $sql$, delta)
$fn$;

-- Rebuilt from the sessions, now with their vehicles
TRUNCATE "ChargingSessionRollup";
CREATE FUNCTION "charging_session_rollup_backfill"() RETURNS void LANGUAGE plpgsql AS E'BEGIN
  EXECUTE "charging_session_rollup_statement"(''SELECT 1::bigint AS sign, * FROM "ChargingSession"'')\073
END';
SELECT "charging_session_rollup_backfill"();
DROP FUNCTION "charging_session_rollup_backfill"();
