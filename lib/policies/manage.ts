// Setting and removing spending policies: the fleet's own, and a driver's or a vehicle's override, each change
// audited with its before and after in the transaction that makes it. Callers check that an admin asks.
import "server-only";
import type { Prisma, SpendingPolicy } from "@/generated/prisma/client";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text, type FieldMessage } from "@/lib/errors";
import type { SetPolicyInput } from "./schemas";

type Target = Pick<SetPolicyInput, "fleetId" | "userId" | "vehicleId">;

/** The driver or vehicle of an override must be the fleet's; an override is for one of them, never both. */
async function checkTarget(tx: Prisma.TransactionClient, { fleetId, userId, vehicleId }: Target): Promise<void> {
  if (userId && vehicleId) throw new DomainError("VALIDATION", text("policies.oneTarget"));
  if (userId) {
    const member = await tx.membership.findUnique({ where: { userId_fleetId: { userId, fleetId } } });
    if (!member || member.role !== "DRIVER")
      throw new DomainError("VALIDATION", text("fieldsNeedAttention"), { userId: [text("policies.notFleetDriver")] });
  }
  if (vehicleId && !(await tx.vehicle.findFirst({ where: { id: vehicleId, fleetId } })))
    throw new DomainError("VALIDATION", text("fieldsNeedAttention"), {
      vehicleId: [text("policies.notFleetVehicle")],
    });
}

/** What only the whole form can say: money rules need their currency, hours need both ends. */
function crossFieldErrors(input: SetPolicyInput): Record<string, FieldMessage[]> {
  const wrong: Record<string, FieldMessage[]> = {};
  const money = input.monthlyCapMinor ?? input.sessionCapMinor ?? input.maxPricePerKwhDeciMinor;
  if (money !== null && !input.currency) wrong.currency = [text("policies.currencyNeeded")];
  if ((input.allowedFromMinute === null) !== (input.allowedToMinute === null))
    wrong[input.allowedFromMinute === null ? "allowedFromMinute" : "allowedToMinute"] = [text("policies.bothHours")];
  return wrong;
}

const scopeWhere = ({ fleetId, userId, vehicleId }: Target) => ({ fleetId, userId, vehicleId });

function auditShape(row: SpendingPolicy | null) {
  if (!row) return null;
  const { id: _id, fleetId: _fleet, createdAt: _created, updatedAt: _updated, ...rules } = row;
  return rules;
}

/** Creates or replaces the policy of a fleet, a driver or a vehicle. */
export async function setPolicy(input: SetPolicyInput, actor: AuditActor): Promise<{ id: string }> {
  const wrong = crossFieldErrors(input);
  if (Object.keys(wrong).length > 0) throw new DomainError("VALIDATION", text("fieldsNeedAttention"), wrong);
  const { fleetId, userId, vehicleId, ...rules } = input;
  return db.$transaction(async (tx) => {
    await checkTarget(tx, input);
    const before = await tx.spendingPolicy.findFirst({ where: scopeWhere(input) });
    const row = before
      ? await tx.spendingPolicy.update({ where: { id: before.id }, data: rules })
      : await tx.spendingPolicy.create({ data: { fleetId, userId, vehicleId, ...rules } });
    await writeAudit(
      {
        ...actor,
        action: "policies.set",
        fleetId,
        objectType: "SpendingPolicy",
        objectId: row.id,
        before: auditShape(before),
        after: auditShape(row),
      },
      tx,
    );
    return { id: row.id };
  });
}

/** Removes the policy of a fleet, a driver or a vehicle; nothing to remove is no change and no entry. */
export async function removePolicy(target: Target, actor: AuditActor): Promise<{ removed: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await tx.spendingPolicy.findFirst({ where: scopeWhere(target) });
    if (!before) return { removed: false };
    await tx.spendingPolicy.delete({ where: { id: before.id } });
    await writeAudit(
      {
        ...actor,
        action: "policies.remove",
        fleetId: target.fleetId,
        objectType: "SpendingPolicy",
        objectId: before.id,
        before: auditShape(before),
        after: null,
      },
      tx,
    );
    return { removed: true };
  });
}
