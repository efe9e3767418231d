-- Invitations by email that the invited person accepts or declines: adding an account to a fleet needs her consent.
-- CreateEnum
CREATE TYPE "FleetInvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "FleetInvitation" (
    "id" TEXT NOT NULL,
    "fleetId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "invitedById" TEXT,
    "status" "FleetInvitationStatus" NOT NULL DEFAULT 'PENDING',
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "FleetInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FleetInvitation_tokenHash_key" ON "FleetInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "FleetInvitation_email_status_idx" ON "FleetInvitation"("email", "status");

-- CreateIndex
CREATE INDEX "FleetInvitation_fleetId_status_idx" ON "FleetInvitation"("fleetId", "status");

-- One pending invitation per fleet and email: inviting again updates it.
CREATE UNIQUE INDEX "FleetInvitation_pending_key" ON "FleetInvitation"("fleetId", "email") WHERE "status" = 'PENDING';

-- AddForeignKey
ALTER TABLE "FleetInvitation" ADD CONSTRAINT "FleetInvitation_fleetId_fkey" FOREIGN KEY ("fleetId") REFERENCES "Fleet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetInvitation" ADD CONSTRAINT "FleetInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
