// GET /api/health/providers: the provider health snapshot as JSON, for admins and for monitoring.
import { api } from "@/lib/api/contract";
import { register, tagEndpoint } from "@/lib/actions/registry";
import { HTTP_STATUS, failureWords, toFailure, type ActionFailure } from "@/lib/actions/errors";
import { recordDenial } from "@/lib/actions/denials";
import { bearerToken, tokenMatches } from "@/lib/auth/bearer-token";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import type { Language } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";
import { currentReader } from "@/lib/i18n/reader";
import { canViewProviderHealth, getProviderHealth } from "@/lib/providers/health-report";

export const dynamic = "force-dynamic";

const NAME = api.health.providers.name;
register({ name: NAME, kind: "user-route", roles: [], mutation: false });

/** The reader's language; English outside a request (tests, scripts). */
async function readerLanguage(): Promise<Language> {
  try {
    return (await currentReader()).language;
  } catch {
    return "en";
  }
}

function failure(error: ActionFailure, headers?: HeadersInit): Response {
  return Response.json({ error }, { status: HTTP_STATUS[error.code], headers });
}

/** Deny by default: a monitoring token when one is configured and sent, else a signed-in admin of any fleet. */
export const GET = tagEndpoint(NAME, async function getProviderHealthRoute(request: Request): Promise<Response> {
  const language = await readerLanguage();
  const words = failureWords(language);
  const t = translator(language, "providers");
  try {
    const bearer = bearerToken(request);
    if (bearer !== undefined) {
      // A request that presents a token is judged by the token alone.
      const expected = env().MONITORING_TOKEN;
      if (!expected || !tokenMatches(bearer, expected)) {
        return failure(
          { code: "UNAUTHENTICATED", message: t("api.tokenRefused") },
          {
            "WWW-Authenticate": "Bearer",
          },
        );
      }
    } else {
      const user = await getCurrentUser();
      if (!user) return failure({ code: "UNAUTHENTICATED", message: words.errors("signInAgain") });
      if (!canViewProviderHealth(user)) {
        await recordDenial({ user, fleetId: null, objectType: "Route", endpoint: NAME });
        return failure({ code: "FORBIDDEN", message: words.errors("forbidden") });
      }
    }
    return Response.json(await getProviderHealth(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return failure(toFailure(error, NAME, words));
  }
});
