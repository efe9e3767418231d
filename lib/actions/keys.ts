"use server";
// Charging-key actions: thin wrappers that check the fleet role and call lib/keys.
import { fleetAction } from "@/lib/actions/safe-action";
import { assignKey, createFleetKey, refreshFleetKeys, setKeyEnabled } from "@/lib/keys/manage-keys";
import { assignKeyInput, createFleetKeyInput, refreshKeysInput, setKeyEnabledInput } from "@/lib/keys/schemas";

export const createFleetKeyAction = fleetAction({
  name: "keys.create",
  input: createFleetKeyInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, audit }) {
    const key = await createFleetKey(fleetId, input);
    audit({
      objectType: "ChargingKey",
      objectId: key.id,
      after: { keyId: key.keyId, visualNumber: key.visualNumber, validTo: key.validTo },
    });
    return { id: key.id };
  },
});

export const assignKeyAction = fleetAction({
  name: "keys.assign",
  input: assignKeyInput,
  roles: ["ADMIN", "DISPATCHER"],
  mutation: true,
  async run({ input, fleetId, audit }) {
    const { before, after, key } = await assignKey(fleetId, input.keyId, input.driverId);
    audit({ objectType: "ChargingKey", objectId: key.id, before, after });
    return { id: key.id };
  },
});

export const setKeyEnabledAction = fleetAction({
  name: "keys.set-enabled",
  input: setKeyEnabledInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor, auditedWithChange }) {
    // The audit entry is written with the change, whenever it is settled (lib/provider-sync).
    auditedWithChange();
    const { key, syncing } = await setKeyEnabled(fleetId, input.keyId, input.enabled, { actor: await actor() });
    return { id: key.id, enabled: key.enabled, syncing };
  },
});

export const refreshKeysAction = fleetAction({
  name: "keys.refresh",
  input: refreshKeysInput,
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  mutation: true,
  async run({ fleetId, audit }) {
    const result = await refreshFleetKeys(fleetId);
    audit({ objectType: "ChargingKeySync", after: result });
    return result;
  },
});
