"use server";
// The invited person's answers to a fleet invitation: accept or decline (only her own), and the sign-up from
// the emailed link for someone without an account. Thin: each calls lib/fleets/invitations.ts.
import { publicAction, userAction } from "@/lib/actions/safe-action";
import { setActiveFleet } from "@/lib/auth/session";
import { requestAddress } from "@/lib/http/request-address";
import { answerInvitationInput, signUpWithInvitationInput } from "@/lib/fleets/schemas";
import { acceptInvitation, declineInvitation, signUpWithInvitation, type AcceptResult } from "@/lib/fleets/invitations";
import { assertPasswordsAllowed } from "@/lib/auth/sso";

export const acceptInvitationAction = userAction({
  name: "fleets.invitations.accept",
  input: answerInvitationInput,
  mutation: true,
  async run({ input, user, actor }) {
    // The audit entry is written with the membership; an invitation to someone else reads as missing.
    const accepted = await acceptInvitation(user, input.invitationId, await actor());
    await setActiveFleet(accepted.fleetId);
    return accepted;
  },
});

export const declineInvitationAction = userAction({
  name: "fleets.invitations.decline",
  input: answerInvitationInput,
  mutation: true,
  async run({ input, user, actor }) {
    return declineInvitation(user, input.invitationId, await actor());
  },
});

/**
 * Public by nature (she has no account yet): the link's secret proves she received the email. The function
 * rate-limits per address and writes the audit entry with the account and the membership.
 */
export const signUpWithInvitationAction = publicAction({
  name: "fleets.invitations.sign-up-and-accept",
  input: signUpWithInvitationInput,
  async run(input): Promise<AcceptResult & { email: string }> {
    assertPasswordsAllowed();
    const { userId: _userId, ...result } = await signUpWithInvitation(input, await requestAddress());
    await setActiveFleet(result.fleetId);
    return result;
  },
});
