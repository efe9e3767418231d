-- The watchdog's round reads every fleet's open alerts of the kinds that close by themselves (lib/alerts/watchdog.ts)

-- CreateIndex
CREATE INDEX "Alert_status_kind_idx" ON "Alert"("status", "kind");
