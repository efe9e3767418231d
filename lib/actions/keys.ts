"use server";
// Charging-key actions: thin wrappers that check the fleet role and call lib/keys.
import { fleetAction } from "@/lib/actions/safe-action";
import { DomainError, text } from "@/lib/errors";
import { assignKey, createFleetKey, refreshFleetKeys, setKeyEnabled } from "@/lib/keys/manage-keys";
import { moveKey } from "@/lib/keys/move-key";
import {
  assignKeyInput,
  createFleetKeyInput,
  moveKeyInput,
  refreshKeysInput,
  setKeyEnabledInput,
} from "@/lib/keys/schemas";

export const createFleetKeyAction = fleetAction({
  name: "keys.create",
  input: createFleetKeyInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    // The audit entry is written with the stored key (lib/keys/manage-keys.ts).
    const key = await createFleetKey(fleetId, input, undefined, await actor());
    return { id: key.id };
  },
});

export const assignKeyAction = fleetAction({
  name: "keys.assign",
  input: assignKeyInput,
  roles: ["ADMIN", "DISPATCHER"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    const { key } = await assignKey(fleetId, input.keyId, input.driverId, await actor());
    return { id: key.id };
  },
});

export const setKeyEnabledAction = fleetAction({
  name: "keys.set-enabled",
  input: setKeyEnabledInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    // The audit entry is written with the change, whenever it is settled (lib/provider-sync).
    const { key, syncing } = await setKeyEnabled(fleetId, input.keyId, input.enabled, { actor: await actor() });
    return { id: key.id, enabled: key.enabled, syncing };
  },
});

export const refreshKeysAction = fleetAction({
  name: "keys.refresh",
  input: refreshKeysInput,
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  mutation: true,
  async run({ fleetId, actor }) {
    // The audit entry is written in the transaction that saves the keys (lib/keys/sync-keys.ts).
    return refreshFleetKeys(fleetId, await actor());
  },
});

/** Only on purpose: an admin of the key's fleet who also administers the fleet it goes to. */
export const moveKeyAction = fleetAction({
  name: "keys.move",
  input: moveKeyInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, user, actor }) {
    // Memberships are read fresh on every request; the fleet named second is checked here, deny by default.
    if (!user.memberships.some((m) => m.fleetId === input.toFleetId && m.role === "ADMIN")) {
      throw new DomainError("FORBIDDEN", text("keys.move.notAdminThere"));
    }
    // One audit entry in each fleet's log, written with the move.
    return moveKey(fleetId, input.keyId, input.toFleetId, await actor());
  },
});
