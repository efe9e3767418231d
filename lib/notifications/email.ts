// Sends plain-text email through SMTP_URL; without it, email is silently skipped.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let transporter: Transporter | undefined;

/** Resolves true when the message was handed to the SMTP server, false when email is not configured. */
export async function sendEmail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return false;
  transporter ??= nodemailer.createTransport(SMTP_URL);
  await transporter.sendMail({ from: SMTP_FROM, ...message });
  return true;
}
