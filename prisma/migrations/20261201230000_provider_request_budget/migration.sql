-- CreateTable
CREATE TABLE "provider_request_budget" (
    "key" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dayUsed" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "monthUsed" INTEGER NOT NULL,
    "monthLimit" INTEGER,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_request_budget_pkey" PRIMARY KEY ("key")
);
