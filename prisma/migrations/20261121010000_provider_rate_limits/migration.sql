-- CreateTable
CREATE TABLE "provider_rate_limit" (
    "key" TEXT NOT NULL,
    "tat" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "provider_rate_limit_pkey" PRIMARY KEY ("key")
);
