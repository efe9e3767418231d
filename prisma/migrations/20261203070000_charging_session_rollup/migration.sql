-- Sessions added up per fleet and UTC day and month, kept by triggers in the same statement as every write to
-- "ChargingSession", so the history's totals and the cost reports read whole days and months from here and only
-- the partial days at a range's edges from the sessions themselves (lib/sessions/session-rollup.ts).
-- Three kinds of row: 'total' (per currency), 'filter' (per status, source, operator, country and currency, the
-- history's filters), both per month and day, and 'driver' (per driver and currency) per year, quarter and month
-- (a driver's day holds about one session: reading the sessions is as quick). The money group is the currency in
-- upper case when the session has a price in one, else NULL. Each sum keeps the count of the values in it, so a
-- sum of nothing reads NULL as it would over the sessions.

-- CreateTable
CREATE TABLE "ChargingSessionRollup" (
    "id" BIGSERIAL NOT NULL,
    "fleetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "driverId" TEXT,
    "status" TEXT,
    "source" "SessionSource",
    "operatorName" TEXT,
    "country" TEXT,
    "currency" TEXT,
    "sessions" BIGINT NOT NULL,
    "energyWh" BIGINT NOT NULL,
    "energyCount" BIGINT NOT NULL,
    "exclVatMinor" BIGINT NOT NULL,
    "exclVatCount" BIGINT NOT NULL,
    "inclVatMinor" BIGINT NOT NULL,
    "inclVatCount" BIGINT NOT NULL,
    "pricedEnergyWh" BIGINT NOT NULL,
    "pricedInclVatMinor" BIGINT NOT NULL,
    "pricedCount" BIGINT NOT NULL,

    CONSTRAINT "ChargingSessionRollup_pkey" PRIMARY KEY ("id")
);

-- One row per key, NULL being a value of its own (no driver, no operator, no price), its sums in the index too
-- so that a read never visits the table
ALTER TABLE "ChargingSessionRollup" ADD CONSTRAINT "ChargingSessionRollup_key" UNIQUE NULLS NOT DISTINCT
    ("fleetId", "kind", "grain", "bucket", "driverId", "status", "source", "operatorName", "country", "currency")
    INCLUDE ("sessions", "energyWh", "energyCount", "exclVatMinor", "exclVatCount", "inclVatMinor", "inclVatCount",
      "pricedEnergyWh", "pricedInclVatMinor", "pricedCount");

-- A read of the rollup is a few thousand index entries: parallel workers would only cost their start
ALTER TABLE "ChargingSessionRollup" SET (parallel_workers = 0);

-- The statement that adds rows of "ChargingSession" (with a column "sign": 1 to add, -1 to take away) to the rollup
CREATE FUNCTION "charging_session_rollup_statement"(delta TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($sql$
    INSERT INTO "ChargingSessionRollup" AS r ("fleetId", "kind", "grain", "bucket", "driverId", "status", "source",
      "operatorName", "country", "currency", "sessions", "energyWh", "energyCount", "exclVatMinor", "exclVatCount",
      "inclVatMinor", "inclVatCount", "pricedEnergyWh", "pricedInclVatMinor", "pricedCount")
    SELECT * FROM (
      SELECT d."fleetId", k.kind, k.grain, k.bucket, k."driverId", k.status, k.source, k."operatorName", k.country,
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
          ('total', 'day', date_trunc('day', d."startTime"), NULL::text, NULL::text, NULL::"SessionSource", NULL::text, NULL::text),
          ('total', 'month', date_trunc('month', d."startTime"), NULL, NULL, NULL, NULL, NULL),
          ('filter', 'day', date_trunc('day', d."startTime"), NULL, d.status, d.source, d."operatorName", d.country),
          ('filter', 'month', date_trunc('month', d."startTime"), NULL, d.status, d.source, d."operatorName", d.country),
          ('driver', 'year', date_trunc('year', d."startTime"), d."driverId", NULL, NULL, NULL, NULL),
          ('driver', 'quarter', date_trunc('quarter', d."startTime"), d."driverId", NULL, NULL, NULL, NULL),
          ('driver', 'month', date_trunc('month', d."startTime"), d."driverId", NULL, NULL, NULL, NULL)
        ) k(kind, grain, bucket, "driverId", status, source, "operatorName", country)
      WHERE d."fleetId" IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ) g
    -- An update that changed nothing counted leaves the rollup alone
    WHERE g.sessions <> 0 OR g."energyWh" <> 0 OR g."energyCount" <> 0 OR g."exclVatMinor" <> 0
      OR g."exclVatCount" <> 0 OR g."inclVatMinor" <> 0 OR g."inclVatCount" <> 0 OR g."pricedEnergyWh" <> 0
      OR g."pricedInclVatMinor" <> 0 OR g."pricedCount" <> 0
    -- Rows in one order, so that two writers wait for each other rather than deadlock
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
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

-- The triggers' work: what a statement inserted, deleted or changed (its old rows out, its new rows in)
CREATE FUNCTION "charging_session_rollup_apply"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP = ''INSERT'' THEN
    EXECUTE "charging_session_rollup_statement"(''SELECT 1::bigint AS sign, * FROM new_rows'')\073
  ELSIF TG_OP = ''DELETE'' THEN
    EXECUTE "charging_session_rollup_statement"(''SELECT -1::bigint AS sign, * FROM old_rows'')\073
  ELSE
    EXECUTE "charging_session_rollup_statement"(
      ''SELECT 1::bigint AS sign, * FROM new_rows UNION ALL SELECT -1::bigint, * FROM old_rows'')\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION "charging_session_rollup_truncate"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  TRUNCATE "ChargingSessionRollup"\073
  RETURN NULL\073
END';

CREATE TRIGGER "ChargingSession_rollup_insert" AFTER INSERT ON "ChargingSession"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "charging_session_rollup_apply"();
CREATE TRIGGER "ChargingSession_rollup_update" AFTER UPDATE ON "ChargingSession"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "charging_session_rollup_apply"();
CREATE TRIGGER "ChargingSession_rollup_delete" AFTER DELETE ON "ChargingSession"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "charging_session_rollup_apply"();
CREATE TRIGGER "ChargingSession_rollup_truncate" AFTER TRUNCATE ON "ChargingSession"
  FOR EACH STATEMENT EXECUTE FUNCTION "charging_session_rollup_truncate"();

-- The sessions already stored
CREATE FUNCTION "charging_session_rollup_backfill"() RETURNS void LANGUAGE plpgsql AS E'BEGIN
  EXECUTE "charging_session_rollup_statement"(''SELECT 1::bigint AS sign, * FROM "ChargingSession"'')\073
END';
SELECT "charging_session_rollup_backfill"();
DROP FUNCTION "charging_session_rollup_backfill"();
