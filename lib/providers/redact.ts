// Removes credentials from anything that may reach a log line or an error message.

const MIN_SECRET_LENGTH = 4;
const REDACTED = "[REDACTED]";

const GENERIC_PATTERNS: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [
    /("?(?:access_token|refresh_token|client_secret|api[_-]?key|password|token)"?\s*[:=]\s*"?)[^"&,\s}]+/gi,
    `$1${REDACTED}`,
  ],
  [/(x-api-key\s*[:=]\s*)\S+/gi, `$1${REDACTED}`],
];

export type Redactor = (text: string) => string;

/** A redactor for these secret values (and their Basic-auth base64 forms), plus well-known secret patterns. */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    values.add(secret);
    values.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is removed whole.
  const ordered = [...values].sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const value of ordered) out = out.split(value).join(REDACTED);
    for (const [pattern, replacement] of GENERIC_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}

/** The base64 form a Basic header carries, so it can be listed as a secret too. */
export function basicCredentials(clientId: string, clientSecret: string): string {
  return Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
}
