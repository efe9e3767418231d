// Changing keys: create an EMP key, assign it to a driver, enable or disable it — provider first, then our copy.
import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { provider } from "@/lib/providers";
import { findFleetDriver } from "@/lib/sessions/fleet-drivers";
import { syncFleetKeys } from "./sync-keys";

async function getFleetKeyOrThrow(fleetId: string, keyId: string) {
  const key = await db.chargingKey.findFirst({ where: { id: keyId, fleetId } });
  if (!key)
    throw new DomainError("NOT_FOUND", "This key is not in your fleet (it may have been removed). Refresh the list.");
  return key;
}

export async function createFleetKey(
  fleetId: string,
  input: { keyIdentifier: string; visualNumber: string; validTo?: Date },
) {
  const fleet = await db.fleet.findUniqueOrThrow({ where: { id: fleetId } });
  const existing = await db.chargingKey.findUnique({
    where: { provider_keyId: { provider: "PLUGSURFING", keyId: input.keyIdentifier.toUpperCase() } },
  });
  if (existing)
    throw new DomainError("CONFLICT", "A key with this identifier already exists.", {
      keyIdentifier: ["Already registered"],
    });
  try {
    const key = await provider("PLUGSURFING").createFleetKey({
      keyIdentifier: input.keyIdentifier.toUpperCase(),
      visualNumber: input.visualNumber,
      fleetId: fleet.plugsurfingFleetId,
      validTo: input.validTo,
    });
    return db.chargingKey.create({
      data: {
        provider: "PLUGSURFING",
        keyId: key.keyId,
        fleetId,
        source: "EMP",
        visualNumber: key.visualNumber ?? input.visualNumber,
        contractId: key.contractId ?? null,
        type: key.type,
        enabled: key.enabled,
        validTo: key.validTo ? new Date(key.validTo) : (input.validTo ?? null),
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "CONFLICT") {
      throw new DomainError("CONFLICT", "Plugsurfing already has a key with this identifier.", {
        keyIdentifier: ["Already registered at Plugsurfing"],
      });
    }
    throw error;
  }
}

export async function assignKey(fleetId: string, keyId: string, driverId: string | null) {
  const key = await getFleetKeyOrThrow(fleetId, keyId);
  if (key.source === "USER")
    throw new DomainError("CONFLICT", "This is a driver's own key: it always belongs to that driver.");
  if (driverId && !(await findFleetDriver(fleetId, driverId))) {
    throw new DomainError("VALIDATION", "Choose a driver of this fleet.", { driverId: ["Not a driver of this fleet"] });
  }
  const updated = await db.chargingKey.update({ where: { id: key.id }, data: { assignedDriverId: driverId } });
  return {
    before: { assignedDriverId: key.assignedDriverId },
    after: { assignedDriverId: updated.assignedDriverId },
    key: updated,
  };
}

export async function setKeyEnabled(fleetId: string, keyId: string, enabled: boolean) {
  const key = await getFleetKeyOrThrow(fleetId, keyId);
  if (key.source !== "EMP") {
    throw new DomainError(
      "CONFLICT",
      "Only fleet (EMP) keys can be switched here; a driver's own keys are managed in their Plugsurfing account.",
    );
  }
  await provider("PLUGSURFING").setKeyEnabled(key.keyId, enabled);
  const updated = await db.chargingKey.update({ where: { id: key.id }, data: { enabled, syncedAt: new Date() } });
  return { before: { enabled: key.enabled }, after: { enabled: updated.enabled }, key: updated };
}

export async function refreshFleetKeys(fleetId: string) {
  return syncFleetKeys(db, provider("PLUGSURFING"), fleetId);
}
