// The one way to write a route handler that reads fleet data: the same checks as fleetAction,
// with the input parsed from the query string.
import "server-only";
import { z } from "zod";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";
import { register, tagEndpoint } from "@/lib/actions/registry";
import { HTTP_STATUS, toFailure, unsafeTextFailure, validationFailure, type ActionFailure } from "@/lib/actions/errors";
import { recordDenial } from "@/lib/actions/denials";
import { fleetScope } from "@/lib/actions/safe-action";
import type { Endpoint, FileDownload } from "@/lib/api/contract";

type FleetScopedSchema = z.ZodObject<{ fleetId: z.ZodString } & z.ZodRawShape>;

function failure(error: ActionFailure): Response {
  return Response.json({ error }, { status: HTTP_STATUS[error.code] });
}

/** Repeated keys (`?status=A&status=B`) become arrays; single ones stay strings. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * A fleet-scoped GET handler for one endpoint of the read API (`lib/api/contract.ts`): signed in → member of
 * the fleet with one of `roles` (denials audited) → input parsed with the endpoint's schema → `run`, whose
 * answer must be the endpoint's declared type (or a file `Response` for downloads).
 */
export function fleetRoute<S extends FleetScopedSchema, O>(
  endpoint: Endpoint<S, O>,
  def: {
    roles: readonly Role[];
    run(ctx: {
      input: z.infer<S>;
      user: CurrentUser;
      fleetId: string;
      role: Role;
      request: Request;
    }): Promise<O extends FileDownload ? Response : O>;
  },
): (request: Request) => Promise<Response> {
  const name = endpoint.name;
  register({ name, kind: "fleet-route", roles: def.roles, mutation: false, input: endpoint.input });
  return tagEndpoint(name, async function handle(request: Request): Promise<Response> {
    const words = await readerFailureWords();
    try {
      const user = await getCurrentUser();
      if (!user) return failure({ code: "UNAUTHENTICATED", message: words.errors("signInAgain") });
      const raw = searchParamsToObject(new URL(request.url).searchParams);
      const unsafe = unsafeTextFailure(raw, words);
      if (unsafe) return failure(unsafe);
      const scope = fleetScope.safeParse(raw, words.parse);
      if (!scope.success) return failure(validationFailure(scope.error, words));
      const { fleetId } = scope.data;
      const membership = user.memberships.find((m) => m.fleetId === fleetId);
      if (!membership || !def.roles.includes(membership.role)) {
        await recordDenial({ user, fleetId, objectType: "Route", endpoint: name });
        return failure({ code: "FORBIDDEN", message: words.errors("forbidden") });
      }
      const parsed = endpoint.input.safeParse(raw, words.parse);
      if (!parsed.success) return failure(validationFailure(parsed.error, words));
      const input = parsed.data as z.infer<S>;
      const result = await def.run({ input, user, fleetId, role: membership.role, request });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return failure(toFailure(error, name, words));
    }
  });
}
