"use server";
// Invitation code actions: issue, revoke and list codes (fleet admins); join a fleet with a code (drivers).
import { requestAddress } from "@/lib/http/request-address";
import { cookies } from "next/headers";
import { fleetAction, publicAction, userAction } from "@/lib/actions/safe-action";
import { writeAudit } from "@/lib/audit";
import { ACTIVE_FLEET_COOKIE } from "@/lib/auth/session";
import { fleetScopedInput } from "@/lib/fleets/schemas";
import {
  issueInvitationCodeInput,
  joinWithCodeInput,
  revokeInvitationCodeInput,
  signUpAndJoinInput,
} from "@/lib/invitations/schemas";
import { issueInvitationCode, listPlugsurfingCodes, revokeInvitationCode } from "@/lib/invitations/invitation-codes";
import { joinWithCode, signUpAndJoin, type JoinResult } from "@/lib/invitations/redeem";

/** The fleet just joined becomes the one the driver works in. */
async function activate(fleetId: string): Promise<void> {
  (await cookies()).set(ACTIVE_FLEET_COOKIE, fleetId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}

export const issueInvitationCodeAction = fleetAction({
  name: "invitations.issue",
  input: issueInvitationCodeInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, user, audit }) {
    const issued = await issueInvitationCode(fleetId, user.id, input);
    // The code itself never reaches the audit trail: only its hint.
    audit({
      objectType: "InvitationCode",
      objectId: issued.id,
      after: { hint: issued.hint, expiresAt: issued.expiresAt, maxUses: issued.maxUses },
    });
    return issued;
  },
});

export const revokeInvitationCodeAction = fleetAction({
  name: "invitations.revoke",
  input: revokeInvitationCodeInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, audit }) {
    const result = await revokeInvitationCode(fleetId, input.codeId);
    audit({
      objectType: "InvitationCode",
      objectId: result.id,
      before: { revokedAt: null },
      after: { revokedAt: result.revokedAt },
    });
    return result;
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
  async run({ input, user, audit }) {
    const result = await joinWithCode(user.id, input.code, await requestAddress());
    await activate(result.fleetId);
    if (!result.alreadyMember) {
      audit({
        fleetId: result.fleetId,
        objectType: "Membership",
        objectId: user.id,
        before: null,
        after: { role: "DRIVER", via: "invitation-code" },
      });
    }
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
    const ip = await requestAddress();
    const { userId, ...result } = await signUpAndJoin(input, ip);
    await writeAudit({
      actorId: userId,
      action: "invitations.sign-up-and-join",
      fleetId: result.fleetId,
      objectType: "Membership",
      objectId: userId,
      after: { role: "DRIVER", via: "invitation-code", newAccount: true },
      ip,
    });
    await activate(result.fleetId);
    return result;
  },
});
