-- CreateTable
CREATE TABLE "provider_search_result" (
    "key" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "locations" JSONB NOT NULL,
    "fetchedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "provider_search_result_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "provider_search_result_fetchedAt_idx" ON "provider_search_result"("fetchedAt");
