-- CreateTable
CREATE TABLE "provider_window_answer" (
    "key" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(6) NOT NULL,
    "windowEnd" TIMESTAMPTZ(6) NOT NULL,
    "locations" JSONB NOT NULL,
    "fetchedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "provider_window_answer_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "provider_window_answer_lookup_idx" ON "provider_window_answer"("fleetId", "provider", "windowStart", "windowEnd", "fetchedAt");

-- CreateIndex
CREATE INDEX "provider_window_answer_fetchedAt_idx" ON "provider_window_answer"("fetchedAt");

-- AddForeignKey
ALTER TABLE "provider_window_answer" ADD CONSTRAINT "provider_window_answer_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
