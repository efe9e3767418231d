"use server";
// Fleet actions: create, check an id, rename, set the session limit, and manage members. Thin: check access, call lib/fleets.
import { userAction, fleetAction } from "@/lib/actions/safe-action";
import { DomainError, text } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import { translateSchemaMessage } from "@/lib/validation/plain-errors";
import {
  checkFleetIdInput,
  createFleetInput,
  inviteMemberInput,
  plugsurfingFleetId,
  removeMemberInput,
  renameFleetInput,
  setMemberRoleInput,
  setSessionLimitInput,
  withdrawInvitationInput,
} from "@/lib/fleets/schemas";
import { createFleet, isFleetIdAvailable } from "@/lib/fleets/create-fleet";
import { renameFleet } from "@/lib/fleets/rename-fleet";
import { setSessionLimit } from "@/lib/fleets/session-limit";
import { removeMember, setMemberRole } from "@/lib/fleets/members";
import { inviteByEmail, invitationSentMessage, withdrawInvitation } from "@/lib/fleets/invitations";

function assertAdminSomewhere(user: CurrentUser): void {
  if (!user.memberships.some((m) => m.role === "ADMIN")) {
    throw new DomainError("FORBIDDEN", text("fleets.adminsOnlyCreate"));
  }
}

/** As the admin types: is the id well-formed, and not yet used by one of the dashboard's fleets? */
export const checkFleetIdAction = userAction({
  name: "fleets.check-id",
  input: checkFleetIdInput,
  mutation: false,
  async run({ input, user }) {
    assertAdminSomewhere(user);
    const words = await readerFailureWords();
    const parsed = plugsurfingFleetId.safeParse(input.plugsurfingFleetId, words.parse);
    if (!parsed.success) {
      return {
        valid: false,
        available: false,
        message: translateSchemaMessage(parsed.error.issues[0].message, words.validation),
      };
    }
    const available = await isFleetIdAvailable(parsed.data);
    return { valid: true, available, message: words.errors(available ? "fleets.idAvailable" : "fleets.idUsed") };
  },
});

export const createFleetAction = userAction({
  name: "fleets.create",
  input: createFleetInput,
  mutation: true,
  async run({ input, user, actor }) {
    assertAdminSomewhere(user);
    // The audit entry is written in the transaction that creates the fleet (lib/fleets/create-fleet.ts).
    const { fleet } = await createFleet(input, user.id, undefined, await actor());
    return { fleetId: fleet.id, name: fleet.name, plugsurfingFleetId: fleet.plugsurfingFleetId };
  },
});

export const renameFleetAction = fleetAction({
  name: "fleets.rename",
  input: renameFleetInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    // The audit entry is written with the change, whenever it is settled (lib/provider-sync).
    const { after, syncing } = await renameFleet(fleetId, input.name, { actor: await actor() });
    return { name: after.name, syncing };
  },
});

/** How long a session may run before the watchdog raises it. */
export const setSessionLimitAction = fleetAction({
  name: "fleets.session-limit",
  input: setSessionLimitInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    // The audit entry is written with the change (lib/fleets/session-limit.ts).
    return setSessionLimit(fleetId, input.sessionLimitHours, await actor());
  },
});

/** Always a pending invitation she accepts herself; the answer never says whether the email has an account. */
export const inviteMemberAction = fleetAction({
  name: "fleets.members.invite",
  input: inviteMemberInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    // The audit entry is written with the invitation (lib/fleets/invitations.ts).
    const invited = await inviteByEmail(fleetId, input, await actor());
    return { ...invited, message: invitationSentMessage(invited.email, (await readerFailureWords()).errors) };
  },
});

export const withdrawInvitationAction = fleetAction({
  name: "fleets.invitations.withdraw",
  input: withdrawInvitationInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return withdrawInvitation(fleetId, input.invitationId, await actor());
  },
});

export const setMemberRoleAction = fleetAction({
  name: "fleets.members.set-role",
  input: setMemberRoleInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    const { after } = await setMemberRole(fleetId, input.userId, input.role, await actor());
    return after;
  },
});

export const removeMemberAction = fleetAction({
  name: "fleets.members.remove",
  input: removeMemberInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    // The audit entries (the removal, each key switched off) are written with the change.
    return removeMember(fleetId, input.userId, { disableKeys: input.disableKeys, actor: await actor() });
  },
});
