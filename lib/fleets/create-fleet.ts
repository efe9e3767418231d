// Creating a fleet at Plugsurfing EMP and in the dashboard as one operation that cannot leave them out of step.
import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";
import type { createFleetInput } from "@/lib/fleets/schemas";
import { plugsurfingFleets, type FleetProvider } from "@/lib/fleets/fleet-provider";
import { isProviderError } from "@/lib/providers/errors";

export type CreateFleetValues = z.output<typeof createFleetInput>;

/** Long enough for the provider call and its retries; the local rows wait for its answer. */
const PROVIDER_TRANSACTION_TIMEOUT_MS = 60_000;

export const FLEET_ID_TAKEN = text("fleets.idTaken");

function fleetIdTaken(): DomainError {
  return new DomainError("CONFLICT", FLEET_ID_TAKEN, { plugsurfingFleetId: [FLEET_ID_TAKEN] });
}

/** Only the dashboard's own fleets count here; Plugsurfing has no "get fleet" to ask. */
export async function isFleetIdAvailable(plugsurfingFleetId: string): Promise<boolean> {
  return (await db.fleet.count({ where: { plugsurfingFleetId } })) === 0;
}

/** The organisation a new fleet belongs to: that of the creator's first fleet where they are ADMIN. */
async function creatorOrganizationId(userId: string): Promise<string> {
  const membership = await db.membership.findFirst({
    where: { userId, role: "ADMIN" },
    orderBy: { createdAt: "asc" },
    select: { fleet: { select: { organizationId: true } } },
  });
  if (!membership) throw new DomainError("FORBIDDEN", text("fleets.adminsOnlyCreate"));
  return membership.fleet.organizationId;
}

/**
 * Creates the fleet at Plugsurfing, or adopts it when it already exists there under our account
 * (an earlier attempt that created it remotely but failed before the local commit).
 * "Ours" is proven by renaming it: Plugsurfing answers 404 for a fleet we cannot reach.
 */
async function createAtPlugsurfing(plugsurfing: FleetProvider, fleetId: string, name: string | undefined) {
  try {
    await plugsurfing.createFleet({ fleetId, fleetName: name });
    return "created" as const;
  } catch (error) {
    const mayExist = isProviderError(error) && ["CONFLICT", "INVALID_REQUEST", "OUTCOME_UNKNOWN"].includes(error.code);
    if (!mayExist) throw error;
    try {
      await plugsurfing.renameFleet(fleetId, name ?? fleetId);
    } catch {
      throw error; // the original answer explains the failure better than the probe's
    }
    return "adopted" as const;
  }
}

/**
 * The local rows are written in a transaction that stays open while Plugsurfing answers and is rolled back
 * if it refuses: nothing half-made remains here. The unique fleet id row also makes a second, concurrent
 * attempt with the same id wait for the first and then fail as a conflict. A retry after any failure is safe.
 * With an actor, the audit entry is the transaction's last write: if it cannot be written, no fleet is made
 * here (one made at Plugsurfing meanwhile is adopted by the retry).
 */
export async function createFleet(
  values: CreateFleetValues,
  creatorId: string,
  plugsurfing: FleetProvider = plugsurfingFleets(),
  actor?: AuditActor,
) {
  const { plugsurfingFleetId } = values;
  if (!(await isFleetIdAvailable(plugsurfingFleetId))) throw fleetIdTaken();
  const organizationId = await creatorOrganizationId(creatorId);
  try {
    return await db.$transaction(
      async (tx) => {
        const fleet = await tx.fleet.create({
          data: {
            organizationId,
            name: values.name ?? plugsurfingFleetId,
            plugsurfingFleetId,
            petitMondeFleetGroupId: values.petitMondeFleetGroupId ?? null,
            spendingLimitMonthlyMinor: values.petitMondeFleetGroupId ? values.spendingLimitMonthly : null,
            spendingLimitSessionMinor: values.petitMondeFleetGroupId ? values.spendingLimitSession : null,
            spendingLimitCurrency:
              values.petitMondeFleetGroupId &&
              (values.spendingLimitMonthly !== null || values.spendingLimitSession !== null)
                ? "EUR"
                : null,
          },
        });
        await tx.membership.create({ data: { userId: creatorId, fleetId: fleet.id, role: "ADMIN" } });
        const atPlugsurfing = await createAtPlugsurfing(plugsurfing, plugsurfingFleetId, values.name);
        if (actor) {
          await writeAudit(
            {
              ...actor,
              action: "fleets.create",
              fleetId: fleet.id,
              objectType: "Fleet",
              objectId: fleet.id,
              after: {
                name: fleet.name,
                plugsurfingFleetId: fleet.plugsurfingFleetId,
                petitMondeFleetGroupId: fleet.petitMondeFleetGroupId,
                spendingLimitMonthlyMinor: fleet.spendingLimitMonthlyMinor,
                spendingLimitSessionMinor: fleet.spendingLimitSessionMinor,
                atPlugsurfing,
                creatorRole: "ADMIN",
              },
            },
            tx,
          );
        }
        return { fleet, atPlugsurfing };
      },
      { timeout: PROVIDER_TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw fleetIdTaken();
    throw error;
  }
}
