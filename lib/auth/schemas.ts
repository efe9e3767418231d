// Inputs of the sign-in and account forms, shared by the browser and the server.
import { z } from "zod";
import { isTimeZone } from "@/lib/format/reader";
import { LANGUAGES } from "@/lib/i18n/languages";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";

import { NEW_PASSWORD_MIN_LENGTH } from "./password-rules";

export { NEW_PASSWORD_MIN_LENGTH };

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email(say.email),
  password: z.string().min(1, say.password).max(200, say.passwordTooLong),
});

export const newPasswordInput = z
  .string()
  .min(NEW_PASSWORD_MIN_LENGTH, say.newPasswordTooShort)
  .max(200, say.newPasswordTooLong);

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, say.currentPassword),
  newPassword: newPasswordInput,
});

export const switchFleetInput = z.object({ fleetId: z.string().min(1).max(64) });

/** The language a user chose in Settings; null = the browser's (lib/i18n/languages.ts). */
export const setLanguageInput = z.object({ locale: z.enum(LANGUAGES).nullable() });

/** The time zone a user chose in Settings, an IANA name ("Europe/Berlin"); null = the browser's. */
export const setTimeZoneInput = z.object({
  timeZone: z.string().max(64, say.unknownTimeZone).refine(isTimeZone, say.unknownTimeZone).nullable(),
});
