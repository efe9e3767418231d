// The one validated view of the environment. Nothing else reads process.env.
import "server-only";
import { z } from "zod";
import { parseTrustProxy } from "@/lib/http/client-address";
import { parseRoleMapping } from "@/lib/auth/sso-mapping";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  NEXTAUTH_SECRET: optional,
  NEXTAUTH_URL: optional,
  APP_URL: z.string().url().default("http://localhost:3000"),
  SANDBOX_URL: z.string().url().default("http://127.0.0.1:4010"),
  PLUGSURFING_API_URL: optional,
  PLUGSURFING_API_KEY: optional,
  PETITMONDE_API_URL: optional,
  PETITMONDE_API_KEY: optional,
  /** Petit Monde's monthly request quota per client, where a contract differs from the documented 10,000. */
  PETITMONDE_MONTHLY_QUOTA: z.coerce
    .number({ message: "PETITMONDE_MONTHLY_QUOTA must be a whole number of requests" })
    .int({ message: "PETITMONDE_MONTHLY_QUOTA must be a whole number of requests" })
    .positive({ message: "PETITMONDE_MONTHLY_QUOTA must be a whole number of requests" })
    .optional(),
  DEPOT_API_URL: optional,
  DEPOT_AUTH_URL: optional,
  DEPOT_CLIENT_ID: optional,
  DEPOT_CLIENT_SECRET: optional,
  MAP_STYLE_URL: optional,
  /** How long one instance keeps a provider's search answers in memory, in front of the shared cache; 0: not at all. */
  SEARCH_MEMORY_CACHE_SECONDS: z.coerce
    .number({ message: "SEARCH_MEMORY_CACHE_SECONDS must be a whole number of seconds" })
    .int({ message: "SEARCH_MEMORY_CACHE_SECONDS must be a whole number of seconds" })
    .min(0, { message: "SEARCH_MEMORY_CACHE_SECONDS must be a whole number of seconds" })
    .default(45),
  SMTP_URL: optional,
  SMTP_FROM: z.string().default("Fleet Charging <no-reply@localhost>"),
  /** "0" turns the in-process job workers off (e.g. for a web-only instance). */
  JOB_WORKERS: z.enum(["0", "1"]).default("1"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** The proxies in front of the app whose X-Forwarded-For is believed: a hop count or CIDR list (lib/http). */
  TRUST_PROXY: optional.refine(
    (value) => {
      try {
        parseTrustProxy(value);
        return true;
      } catch {
        return false;
      }
    },
    { message: "TRUST_PROXY must be a number of proxies or a comma-separated list of addresses/networks" },
  ),
  /** Lets a monitoring system read GET /api/health/providers with `Authorization: Bearer <token>`. */
  MONITORING_TOKEN: optional.pipe(
    z.string().min(24, { message: "MONITORING_TOKEN must be at least 24 characters" }).optional(),
  ),
  /**
   * The shared secret of Plugsurfing's signed session events (POST /api/providers/plugsurfing/events); unset, the
   * endpoint is 404 and sessions are learned by polling alone.
   */
  PLUGSURFING_WEBHOOK_SECRET: optional.pipe(
    z.string().min(16, { message: "PLUGSURFING_WEBHOOK_SECRET must be at least 16 characters" }).optional(),
  ),
  /**
   * Which private addresses outbound webhooks may be sent to (lib/webhooks/target.ts): "none" (public addresses
   * only), "loopback" (and this machine) or "all" (and any private network).
   */
  WEBHOOK_PRIVATE_TARGETS: z
    .enum(["none", "loopback", "all"], { message: 'WEBHOOK_PRIVATE_TARGETS must be "none", "loopback" or "all"' })
    .default("none"),
  /** Single sign-on with OpenID Connect (lib/auth/sso.ts): all three, or none. */
  OIDC_ISSUER: optional.pipe(z.string().url({ message: "OIDC_ISSUER must be the identity provider's URL" }).optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  /** The identity provider's name on the sign-in button ("Sign in with …"). */
  OIDC_NAME: z.string().trim().min(1).default("single sign-on"),
  /** The organisation (its id or its name) whose fleets single sign-on gives roles in. */
  OIDC_ORGANIZATION: optional,
  /** The claim that lists a person's groups at the identity provider. */
  OIDC_GROUPS_CLAIM: z.string().trim().min(1).default("groups"),
  /** `group=fleet:ROLE` rules (lib/auth/sso-mapping.ts). */
  OIDC_ROLE_MAPPING: optional.refine(
    (value) => {
      try {
        parseRoleMapping(value);
        return true;
      } catch {
        return false;
      }
    },
    {
      message:
        "OIDC_ROLE_MAPPING must be comma-separated group=fleet:ROLE rules (ROLE: ADMIN, DISPATCHER, MANAGER or DRIVER)",
    },
  ),
  /** "true": passwords are off, everyone signs in with single sign-on. */
  SSO_ONLY: z
    .enum(["true", "false", ""], { message: 'SSO_ONLY must be "true" or "false"' })
    .default("false")
    .transform((v) => v === "true"),
  /** Lets Prometheus scrape GET /api/metrics with `Authorization: Bearer <token>`; unset, the endpoint is 404. */
  METRICS_TOKEN: optional.pipe(
    z.string().min(24, { message: "METRICS_TOKEN must be at least 24 characters" }).optional(),
  ),
});

const checkedEnv = envSchema.superRefine((e, ctx) => {
  const sso = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (sso !== 0 && sso !== 3)
    ctx.addIssue({
      code: "custom",
      path: ["OIDC_ISSUER"],
      message: "set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together",
    });
  if (e.SSO_ONLY && sso !== 3)
    ctx.addIssue({
      code: "custom",
      path: ["SSO_ONLY"],
      message: "SSO_ONLY needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
    });
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parsed on first use, at run time (never at build time). */
export function env(): Env {
  if (!cached) {
    const parsed = checkedEnv.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Sandbox credentials: the sandbox accepts these and nothing else. */
export const SANDBOX_CREDENTIALS = {
  plugsurfingApiKey: "sandbox-plugsurfing-key",
  petitMondeApiKey: "sandbox-petitmonde-key",
  depotClientId: "sandbox-depot-client",
  depotClientSecret: "sandbox-depot-secret",
} as const;

export interface ProviderConfig {
  plugsurfing: { baseUrl: string; apiKey: string; sandbox: boolean };
  /** monthlyQuota: the monthly request quota, where it is not the documented one (PETITMONDE_MONTHLY_QUOTA). */
  petitMonde: { baseUrl: string; apiKey: string; sandbox: boolean; monthlyQuota?: number };
  depot: { baseUrl: string; authUrl: string; clientId: string; clientSecret: string; sandbox: boolean };
}

/** Real APIs where credentials are configured, the sandbox otherwise. */
export function providerConfig(e: Env = env()): ProviderConfig {
  const sandbox = e.SANDBOX_URL.replace(/\/$/, "");
  return {
    plugsurfing: e.PLUGSURFING_API_KEY
      ? {
          baseUrl: e.PLUGSURFING_API_URL ?? "https://drive-api.plugsurfing.com/drive",
          apiKey: e.PLUGSURFING_API_KEY,
          sandbox: false,
        }
      : { baseUrl: `${sandbox}/plugsurfing/drive`, apiKey: SANDBOX_CREDENTIALS.plugsurfingApiKey, sandbox: true },
    petitMonde: {
      ...(e.PETITMONDE_API_KEY
        ? {
            baseUrl: e.PETITMONDE_API_URL ?? "https://api.petitmonde.energy/api/v1/client",
            apiKey: e.PETITMONDE_API_KEY,
            sandbox: false,
          }
        : {
            baseUrl: `${sandbox}/petitmonde/api/v1/client`,
            apiKey: SANDBOX_CREDENTIALS.petitMondeApiKey,
            sandbox: true,
          }),
      ...(e.PETITMONDE_MONTHLY_QUOTA ? { monthlyQuota: e.PETITMONDE_MONTHLY_QUOTA } : {}),
    },
    depot:
      e.DEPOT_CLIENT_ID && e.DEPOT_CLIENT_SECRET
        ? {
            baseUrl: e.DEPOT_API_URL ?? "https://api.eu.depot.emobility.io",
            authUrl: e.DEPOT_AUTH_URL ?? "https://clientapp-auth.eu.depot.emobility.io/oauth2/token",
            clientId: e.DEPOT_CLIENT_ID,
            clientSecret: e.DEPOT_CLIENT_SECRET,
            sandbox: false,
          }
        : {
            baseUrl: `${sandbox}/depotfinity`,
            authUrl: `${sandbox}/depotfinity-auth/oauth2/token`,
            clientId: SANDBOX_CREDENTIALS.depotClientId,
            clientSecret: SANDBOX_CREDENTIALS.depotClientSecret,
            sandbox: true,
          },
  };
}

/** True when any provider runs against the sandbox, so the start command must launch it. */
export function usesSandbox(e: Env = env()): boolean {
  const c = providerConfig(e);
  return c.plugsurfing.sandbox || c.petitMonde.sandbox || c.depot.sandbox;
}
