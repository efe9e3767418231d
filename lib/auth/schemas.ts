// Inputs of the sign-in and account forms, shared by the browser and the server.
import { z } from "zod";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long"),
});

export const newPasswordInput = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password"),
  newPassword: newPasswordInput,
});

export const switchFleetInput = z.object({ fleetId: z.string().min(1).max(64) });
