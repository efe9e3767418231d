// Inputs of the invitation-code and join forms, shared by the browser and the server actions.
import { z } from "zod";
import { newPasswordInput, signInInput } from "@/lib/auth/schemas";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";

export const issueInvitationCodeInput = z.object({
  fleetId: z.string().min(1).max(64),
  expiresInDays: z.coerce
    .number({ message: say.daysRequired })
    .int(say.wholeDays)
    .min(1, say.atLeastOneDay)
    .max(90, say.atMost90Days),
  maxUses: z.coerce
    .number({ message: say.numberRequired })
    .int(say.wholeNumber)
    .min(1, say.atLeastOneUse)
    .max(1000, say.atMost1000Uses),
});

export const revokeInvitationCodeInput = z.object({
  fleetId: z.string().min(1).max(64),
  codeId: z.string().min(1).max(64),
});

/** Lenient on purpose: the code's own rules are checked on the server, with distinct messages. */
const codeField = z.string().trim().min(1, say.invitationCodeRequired).max(64, say.notAnInvitationCode);

export const joinWithCodeInput = z.object({ code: codeField });

export const signUpAndJoinInput = z.object({
  name: z.string().trim().min(1, say.yourNameRequired).max(100, say.atMost100Characters),
  email: z.string().trim().toLowerCase().email(say.email).max(200),
  password: newPasswordInput,
  code: codeField,
});

/** Someone with an account: the sign-in's own fields, then the code to redeem once signed in. */
export const signInAndJoinInput = signInInput.extend(joinWithCodeInput.shape);
