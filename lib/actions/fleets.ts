"use server";
// Fleet actions: create, check an id, rename, and manage members. Thin: check access, call lib/fleets.
import { userAction, fleetAction } from "@/lib/actions/safe-action";
import { DomainError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import {
  checkFleetIdInput,
  createFleetInput,
  inviteMemberInput,
  plugsurfingFleetId,
  removeMemberInput,
  renameFleetInput,
  setMemberRoleInput,
} from "@/lib/fleets/schemas";
import { createFleet, isFleetIdAvailable } from "@/lib/fleets/create-fleet";
import { renameFleet } from "@/lib/fleets/rename-fleet";
import { inviteMember, removeMember, setMemberRole } from "@/lib/fleets/members";

function assertAdminSomewhere(user: CurrentUser): void {
  if (!user.memberships.some((m) => m.role === "ADMIN")) {
    throw new DomainError("FORBIDDEN", "Only fleet admins can create fleets.");
  }
}

/** As the admin types: is the id well-formed, and not yet used by one of the dashboard's fleets? */
export const checkFleetIdAction = userAction({
  name: "fleets.check-id",
  input: checkFleetIdInput,
  mutation: false,
  async run({ input, user }) {
    assertAdminSomewhere(user);
    const parsed = plugsurfingFleetId.safeParse(input.plugsurfingFleetId);
    if (!parsed.success) return { valid: false, available: false, message: parsed.error.issues[0].message };
    const available = await isFleetIdAvailable(parsed.data);
    return { valid: true, available, message: available ? "Available" : "Already used by another fleet" };
  },
});

export const createFleetAction = userAction({
  name: "fleets.create",
  input: createFleetInput,
  mutation: true,
  async run({ input, user, audit }) {
    assertAdminSomewhere(user);
    const { fleet, atPlugsurfing } = await createFleet(input, user.id);
    audit({
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
    });
    return { fleetId: fleet.id, name: fleet.name, plugsurfingFleetId: fleet.plugsurfingFleetId };
  },
});

export const renameFleetAction = fleetAction({
  name: "fleets.rename",
  input: renameFleetInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor, auditedWithChange }) {
    // The audit entry is written with the change, whenever it is settled (lib/provider-sync).
    auditedWithChange();
    const { after, syncing } = await renameFleet(fleetId, input.name, { actor: await actor() });
    return { name: after.name, syncing };
  },
});

export const inviteMemberAction = fleetAction({
  name: "fleets.members.invite",
  input: inviteMemberInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, audit }) {
    const result = await inviteMember(fleetId, input);
    audit({
      objectType: "Membership",
      objectId: result.userId,
      before: null,
      after: { email: input.email, role: result.role, createdUser: result.createdUser },
    });
    return result;
  },
});

export const setMemberRoleAction = fleetAction({
  name: "fleets.members.set-role",
  input: setMemberRoleInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, audit }) {
    const { before, after } = await setMemberRole(fleetId, input.userId, input.role);
    audit({ objectType: "Membership", objectId: input.userId, before, after });
    return after;
  },
});

export const removeMemberAction = fleetAction({
  name: "fleets.members.remove",
  input: removeMemberInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor, auditedWithChange }) {
    // The audit entries (the removal, each key switched off) are written with the change.
    auditedWithChange();
    return removeMember(fleetId, input.userId, { disableKeys: input.disableKeys, actor: await actor() });
  },
});
