// Inputs of the fleet and member forms, shared by the browser and the server actions.
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { newPasswordInput } from "@/lib/auth/schemas";

export const FLEET_ID_MAX = 100;
export const FLEET_NAME_MAX = 100;
export const FLEET_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
export const FLEET_ID_RULES =
  "Lowercase letters, digits, “-”, “_” and “.”; starts with a letter or digit; at most 100 characters.";

/** The Plugsurfing EMP fleetId: chosen once, never changes. */
export const plugsurfingFleetId = z
  .string()
  .trim()
  .min(1, "Enter a fleet id")
  .max(FLEET_ID_MAX, `Use at most ${FLEET_ID_MAX} characters`)
  .regex(FLEET_ID_PATTERN, "Use only lowercase letters, digits, “-”, “_” and “.”, starting with a letter or digit");

export const fleetName = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(FLEET_NAME_MAX, `Use at most ${FLEET_NAME_MAX} characters`)
  // PostgreSQL refuses NUL in text, and no provider shows control characters sensibly.
  .regex(/^[^\u0000-\u001f\u007f]*$/, "Use letters, digits, spaces and punctuation only");

const MAX_LIMIT_MINOR = 100_000_000;

/** "12,50" or "12.5" euros → 1250 cents; empty → null (no limit). */
const optionalEuros = z
  .string()
  .trim()
  .max(12, "That amount is too large")
  .regex(/^(\d+([.,]\d{1,2})?)?$/, "Enter an amount in euros, e.g. 250 or 49.90")
  .optional()
  .transform((value) => (value ? eurosToMinor(value) : null))
  // The column is a 32-bit integer of cents; no fleet limit comes near a million euros.
  .refine((minor) => minor === null || minor <= MAX_LIMIT_MINOR, "Enter at most 1,000,000 euros");

export function eurosToMinor(value: string): number {
  const [whole, fraction = ""] = value.replace(",", ".").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const createFleetInput = z.object({
  plugsurfingFleetId,
  name: z
    .string()
    .trim()
    .max(FLEET_NAME_MAX, `Use at most ${FLEET_NAME_MAX} characters`)
    .optional()
    .transform((v) => v || undefined),
  petitMondeFleetGroupId: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters")
    .optional()
    .transform((v) => v || undefined),
  spendingLimitMonthly: optionalEuros,
  spendingLimitSession: optionalEuros,
});
export type CreateFleetInput = z.input<typeof createFleetInput>;

export const checkFleetIdInput = z.object({ plugsurfingFleetId: z.string().max(200) });

export const renameFleetInput = z.object({ fleetId: z.string().min(1).max(64), name: fleetName });

export const fleetScopedInput = z.object({ fleetId: z.string().min(1).max(64) });

const role = z.enum(ROLES, { message: "Choose a role" });

/** An invitation by email: the person accepts or declines it herself (lib/fleets/invitations.ts). */
export const inviteMemberInput = z.object({
  fleetId: z.string().min(1).max(64),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(200),
  role,
});

const invitationId = z.string().min(1, "Choose an invitation").max(64, "That is not an invitation");

export const withdrawInvitationInput = z.object({ fleetId: z.string().min(1).max(64), invitationId });

/** The invited person's answer: accept or decline, by the invitation's id. */
export const answerInvitationInput = z.object({ invitationId });

/** The secret of an emailed invitation link (`/invite/<token>`): 32 URL-safe characters. */
export const invitationToken = z
  .string()
  .trim()
  .min(1, "This invitation link is incomplete")
  .max(100, "This invitation link is not valid")
  .regex(/^[A-Za-z0-9_-]+$/, "This invitation link is not valid");

/** Someone without an account, from the emailed link: her name and a password; the email is the invitation's. */
export const signUpWithInvitationInput = z.object({
  token: invitationToken,
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  password: newPasswordInput,
});

export const setMemberRoleInput = z.object({
  fleetId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  role,
});

export const removeMemberInput = z.object({
  fleetId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  /** Also disable the charging keys assigned to this driver in this fleet. */
  disableKeys: z.boolean().default(false),
});

/** A fleet id suggestion from a name: "Berlin Vans 2" → "berlin-vans-2". */
export function suggestFleetId(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, FLEET_ID_MAX)
    .replace(/[-._]+$/, "");
}
