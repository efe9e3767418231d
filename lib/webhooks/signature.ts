// Every delivery is signed: HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's secret, sent as
// `X-Fleet-Signature: t=<unix seconds>,v1=<hex>`. The timestamp lets a receiver refuse an old delivery replayed by
// someone who recorded it; the receiver's check is verifyWebhookSignature, the same code the tests use.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Fleet-Signature";

/** How old a signed delivery a receiver accepts, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new endpoint's signing secret: "whsec_" and 32 random bytes in base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function mac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signWebhook(secret: string, body: string, now = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: "malformed" | "stale" | "mismatch" };

/** For receivers: the header's signature is this body's, made with this secret, within the tolerance. */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  { now = new Date(), toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = {},
): SignatureCheck {
  const parts = new Map(
    (header ?? "").split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return { valid: false, reason: "malformed" };
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return { valid: false, reason: "stale" };
  const expected = Buffer.from(mac(secret, timestamp, body), "hex");
  return timingSafeEqual(expected, Buffer.from(given, "hex")) ? { valid: true } : { valid: false, reason: "mismatch" };
}
