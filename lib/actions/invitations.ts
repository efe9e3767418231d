"use server";
// Invitation code actions: issue, revoke and list codes (fleet admins); join a fleet with a code (drivers).
import { requestAddress } from "@/lib/http/request-address";
import { fleetAction, publicAction, userAction } from "@/lib/actions/safe-action";
import { setActiveFleet } from "@/lib/auth/session";
import { fleetScopedInput } from "@/lib/fleets/schemas";
import {
  issueInvitationCodeInput,
  joinWithCodeInput,
  revokeInvitationCodeInput,
  signUpAndJoinInput,
} from "@/lib/invitations/schemas";
import { issueInvitationCode, listPlugsurfingCodes, revokeInvitationCode } from "@/lib/invitations/invitation-codes";
import { joinWithCode, signUpAndJoin, type JoinResult } from "@/lib/invitations/redeem";
import { assertPasswordsAllowed } from "@/lib/auth/sso";

export const issueInvitationCodeAction = fleetAction({
  name: "invitations.issue",
  input: issueInvitationCodeInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, user, actor }) {
    // The audit entry (its hint, never the code) is written with the code (lib/invitations/invitation-codes.ts).
    return issueInvitationCode(fleetId, user.id, input, new Date(), await actor());
  },
});

export const revokeInvitationCodeAction = fleetAction({
  name: "invitations.revoke",
  input: revokeInvitationCodeInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return revokeInvitationCode(fleetId, input.codeId, new Date(), await actor());
  },
});

/** Plugsurfing's own active codes for the fleet (an empty list when it has none). */
export const listPlugsurfingCodesAction = fleetAction({
  name: "invitations.list-plugsurfing",
  input: fleetScopedInput,
  roles: ["ADMIN"],
  mutation: false,
  async run({ fleetId }) {
    return listPlugsurfingCodes(fleetId);
  },
});

export const joinWithCodeAction = userAction({
  name: "invitations.join",
  input: joinWithCodeInput,
  mutation: true,
  async run({ input, user, actor }) {
    // She is the actor: the audit entry is written with her membership (lib/invitations/redeem.ts).
    const { ip } = await actor();
    const result = await joinWithCode(user.id, input.code, ip);
    await setActiveFleet(result.fleetId);
    return result;
  },
});

/**
 * Sign-up for a new driver, together with the code: public by nature (the visitor has no account yet).
 * signUpAndJoin rate-limits per IP; the account exists only if the code was redeemed.
 */
export const signUpAndJoinAction = publicAction({
  name: "invitations.sign-up-and-join",
  input: signUpAndJoinInput,
  async run(input): Promise<JoinResult> {
    assertPasswordsAllowed();
    // The audit entry is written under the new account, in the transaction that creates it.
    const { userId: _userId, ...result } = await signUpAndJoin(input, await requestAddress());
    await setActiveFleet(result.fleetId);
    return result;
  },
});
