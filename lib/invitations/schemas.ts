// Inputs of the invitation-code and join forms, shared by the browser and the server actions.
import { z } from "zod";
import { newPasswordInput, signInInput } from "@/lib/auth/schemas";

export const issueInvitationCodeInput = z.object({
  fleetId: z.string().min(1).max(64),
  expiresInDays: z.coerce
    .number({ message: "Enter a number of days" })
    .int("Enter whole days")
    .min(1, "At least 1 day")
    .max(90, "At most 90 days"),
  maxUses: z.coerce
    .number({ message: "Enter a number" })
    .int("Enter a whole number")
    .min(1, "At least 1 use")
    .max(1000, "At most 1000 uses"),
});

export const revokeInvitationCodeInput = z.object({
  fleetId: z.string().min(1).max(64),
  codeId: z.string().min(1).max(64),
});

/** Lenient on purpose: the code's own rules are checked on the server, with distinct messages. */
const codeField = z.string().trim().min(1, "Enter your invitation code").max(64, "That is not an invitation code");

export const joinWithCodeInput = z.object({ code: codeField });

export const signUpAndJoinInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(200),
  password: newPasswordInput,
  code: codeField,
});

/** Someone with an account: the sign-in's own fields, then the code to redeem once signed in. */
export const signInAndJoinInput = signInInput.extend(joinWithCodeInput.shape);
