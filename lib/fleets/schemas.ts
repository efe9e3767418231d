// Inputs of the fleet and member forms, shared by the browser and the server actions.
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { newPasswordInput } from "@/lib/auth/schemas";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";

export const FLEET_ID_MAX = 100;
export const FLEET_NAME_MAX = 100;
export const FLEET_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** The Plugsurfing EMP fleetId: chosen once, never changes. */
export const plugsurfingFleetId = z
  .string()
  .trim()
  .min(1, say.fleetIdRequired)
  .max(FLEET_ID_MAX, say.atMost100Characters)
  .regex(FLEET_ID_PATTERN, say.fleetIdCharacters);

export const fleetName = z
  .string()
  .trim()
  .min(1, say.nameRequired)
  .max(FLEET_NAME_MAX, say.atMost100Characters)
  // PostgreSQL refuses NUL in text, and no provider shows control characters sensibly.
  .regex(/^[^\u0000-\u001f\u007f]*$/, say.nameCharacters);

const MAX_LIMIT_MINOR = 100_000_000;

/** "12,50" or "12.5" euros → 1250 cents; empty → null (no limit). */
const optionalEuros = z
  .string()
  .trim()
  .max(12, say.amountTooLarge)
  .regex(/^(\d+([.,]\d{1,2})?)?$/, say.amountInEuros)
  .optional()
  .transform((value) => (value ? eurosToMinor(value) : null))
  // The column is a 32-bit integer of cents; no fleet limit comes near a million euros.
  .refine((minor) => minor === null || minor <= MAX_LIMIT_MINOR, say.atMostMillionEuros);

export function eurosToMinor(value: string): number {
  const [whole, fraction = ""] = value.replace(",", ".").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const createFleetInput = z.object({
  plugsurfingFleetId,
  name: z
    .string()
    .trim()
    .max(FLEET_NAME_MAX, say.atMost100Characters)
    .optional()
    .transform((v) => v || undefined),
  petitMondeFleetGroupId: z
    .string()
    .trim()
    .max(100, say.atMost100Characters)
    .optional()
    .transform((v) => v || undefined),
  spendingLimitMonthly: optionalEuros,
  spendingLimitSession: optionalEuros,
});
export type CreateFleetInput = z.input<typeof createFleetInput>;

export const checkFleetIdInput = z.object({ plugsurfingFleetId: z.string().max(200) });

export const renameFleetInput = z.object({ fleetId: z.string().min(1).max(64), name: fleetName });

/** The most a session may run before the watchdog raises it, in whole hours (a week at most). */
export const SESSION_LIMIT_HOURS = { min: 1, max: 168 } as const;
export const setSessionLimitInput = z.object({
  fleetId: z.string().min(1).max(64),
  sessionLimitHours: z.number().int().min(SESSION_LIMIT_HOURS.min).max(SESSION_LIMIT_HOURS.max),
});

export const fleetScopedInput = z.object({ fleetId: z.string().min(1).max(64) });

const role = z.enum(ROLES, { message: say.roleRequired });

/** An invitation by email: the person accepts or declines it herself (lib/fleets/invitations.ts). */
export const inviteMemberInput = z.object({
  fleetId: z.string().min(1).max(64),
  email: z.string().trim().toLowerCase().email(say.email).max(200),
  role,
});

const invitationId = z.string().min(1, say.invitationRequired).max(64, say.notAnInvitation);

export const withdrawInvitationInput = z.object({ fleetId: z.string().min(1).max(64), invitationId });

/** The invited person's answer: accept or decline, by the invitation's id. */
export const answerInvitationInput = z.object({ invitationId });

/** The secret of an emailed invitation link (`/invite/<token>`): 32 URL-safe characters. */
export const invitationToken = z
  .string()
  .trim()
  .min(1, say.invitationLinkIncomplete)
  .max(100, say.invitationLinkInvalid)
  .regex(/^[A-Za-z0-9_-]+$/, say.invitationLinkInvalid);

/** Someone without an account, from the emailed link: her name and a password; the email is the invitation's. */
export const signUpWithInvitationInput = z.object({
  token: invitationToken,
  name: z.string().trim().min(1, say.yourNameRequired).max(100, say.atMost100Characters),
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
