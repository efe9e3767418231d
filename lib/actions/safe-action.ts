// The one way to write a server action: signed in → input validated → fleet role checked on the
// validated input → run. Deny by default; errors become plain words.
//
// Audit: a mutation writes its audit entry inside the transaction of its change, never after it. Its run
// has no way to audit afterwards: it takes `actor()` (who is asking, and from where) and hands it to the
// domain code, which writes the entry with `writeAudit(entry, tx)` in the transaction that makes the change
// (or that records a provider's answer), so an entry that cannot be written rolls the change back. A change
// that is settled later (lib/provider-sync) carries the actor to whoever settles it; a run that finds
// nothing to change still writes its entry, alone. The one entry written after its writes is the summary
// of sessions.sync-now, whose sync is many page transactions (lib/sessions/sync-jobs.ts says why); it too
// is written by the domain code with the actor it was handed. The framework enforces the rule twice: no
// mutation context has an `audit()` (an entry written after the run does not compile), and a mutation whose
// run answers without having taken its actor is refused as an internal error (nothing it did can carry an
// entry). Runs that read (`mutation: false`) get neither. tests/audit-with-change.integration.test.ts proves
// it per mutation.
import "server-only";
import { z } from "zod";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import { recordDenial } from "@/lib/actions/denials";
import { requestAddress } from "@/lib/http/request-address";
import type { AuditActor } from "@/lib/audit";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";
import { register, tagEndpoint } from "@/lib/actions/registry";
import {
  toFailure,
  unsafeTextFailure,
  validationFailure,
  type ActionResult,
  type FailureWords,
} from "@/lib/actions/errors";

export type { ActionResult, AuditActor };

interface FleetContext<I> {
  input: I;
  user: CurrentUser;
  fleetId: string;
  role: Role;
}

interface UserContext<I> {
  input: I;
  user: CurrentUser;
}

/** What a mutation's run gets on top of its context: the actor, and no way to audit after the change. */
interface MutationTools {
  /**
   * Who is asking, for the domain code that writes the audit entry in the transaction of the change.
   * Every mutation takes it; a run that answers without it is refused.
   */
  actor(): Promise<AuditActor>;
}

type FleetScopedSchema = z.ZodObject<{ fleetId: z.ZodString } & z.ZodRawShape>;

/** Every fleet-scoped input names its fleet; checked before the rest of the input. */
export const fleetScope = z.object({ fleetId: z.string().min(1, "Choose a fleet").max(64) });

const requestIp = requestAddress;

async function denied(
  name: string,
  user: CurrentUser,
  fleetId: string | null,
  words: FailureWords,
): Promise<ActionResult<never>> {
  await recordDenial({ user, fleetId, objectType: "Action", endpoint: name, ip: await requestIp() });
  return { ok: false, error: { code: "FORBIDDEN", message: words.errors("forbidden") } };
}

/**
 * Runs a mutation (or a read) with the audit rule above: the tools it is handed, and after it the check
 * that a mutation took its actor.
 */
async function runAudited<C, R>(
  def: { name: string; mutation: boolean; run(ctx: C): Promise<R> },
  base: object,
  user: CurrentUser,
): Promise<R> {
  if (!def.mutation) return def.run(base as C);
  let actorTaken = false;
  const tools: MutationTools = {
    actor: async () => {
      actorTaken = true;
      return { actorId: user.id, ip: await requestIp() };
    },
  };
  const data = await def.run({ ...base, ...tools } as C);
  if (!actorTaken) {
    // Whatever it changed was committed without an entry: a bug in the action, said loudly.
    throw new Error(`${def.name} is a mutation but did not hand its actor to the change; nothing audited it`);
  }
  return data;
}

type FleetActionBase<S> = { input: S; roles: readonly Role[] };
type Endpoint<R> = (raw: unknown) => Promise<ActionResult<R>>;

export function fleetAction<S extends FleetScopedSchema, R>(
  def: FleetActionBase<S> & { name: string; mutation: false; run(ctx: FleetContext<z.infer<S>>): Promise<R> },
): Endpoint<R>;
export function fleetAction<S extends FleetScopedSchema, R>(
  def: FleetActionBase<S> & {
    name: string;
    mutation: true;
    run(ctx: FleetContext<z.infer<S>> & MutationTools): Promise<R>;
  },
): Endpoint<R>;
export function fleetAction<S extends FleetScopedSchema, R>(
  def: FleetActionBase<S> & { name: string; mutation: boolean; run(ctx: never): Promise<R> },
): Endpoint<R> {
  register({ name: def.name, kind: "fleet-action", roles: def.roles, mutation: def.mutation, input: def.input });
  return tagEndpoint(def.name, async function runFleetAction(raw: unknown): Promise<ActionResult<R>> {
    const words = await readerFailureWords();
    try {
      const unsafe = unsafeTextFailure(raw, words);
      if (unsafe) return { ok: false, error: unsafe };
      const user = await getCurrentUser();
      if (!user) return { ok: false, error: { code: "UNAUTHENTICATED", message: words.errors("signInAgain") } };
      // The fleet is validated and authorized first, so a non-member learns nothing from validation messages.
      const scope = fleetScope.safeParse(raw, words.parse);
      if (!scope.success) return { ok: false, error: validationFailure(scope.error, words) };
      const { fleetId } = scope.data;
      const membership = user.memberships.find((m) => m.fleetId === fleetId);
      if (!membership || !def.roles.includes(membership.role)) return denied(def.name, user, fleetId, words);
      const parsed = def.input.safeParse(raw, words.parse);
      if (!parsed.success) return { ok: false, error: validationFailure(parsed.error, words) };
      const input = parsed.data as z.infer<S>;
      const context: FleetContext<z.infer<S>> = { input, user, fleetId, role: membership.role };
      return { ok: true, data: await runAudited(def, context, user) };
    } catch (error) {
      return { ok: false, error: toFailure(error, def.name, words) };
    }
  });
}

/** For actions that belong to the signed-in user rather than to one fleet (switch fleet, join with a code). */
export function userAction<S extends z.ZodType, R>(def: {
  name: string;
  input: S;
  mutation: false;
  run(ctx: UserContext<z.infer<S>>): Promise<R>;
}): Endpoint<R>;
export function userAction<S extends z.ZodType, R>(def: {
  name: string;
  input: S;
  mutation: true;
  run(ctx: UserContext<z.infer<S>> & MutationTools): Promise<R>;
}): Endpoint<R>;
export function userAction<S extends z.ZodType, R>(def: {
  name: string;
  input: S;
  mutation: boolean;
  run(ctx: never): Promise<R>;
}): Endpoint<R> {
  register({ name: def.name, kind: "user-action", roles: [], mutation: def.mutation, input: def.input });
  return tagEndpoint(def.name, async function runUserAction(raw: unknown): Promise<ActionResult<R>> {
    const words = await readerFailureWords();
    try {
      const unsafe = unsafeTextFailure(raw, words);
      if (unsafe) return { ok: false, error: unsafe };
      const user = await getCurrentUser();
      if (!user) return { ok: false, error: { code: "UNAUTHENTICATED", message: words.errors("signInAgain") } };
      const parsed = def.input.safeParse(raw, words.parse);
      if (!parsed.success) return { ok: false, error: validationFailure(parsed.error, words) };
      const context: UserContext<z.infer<S>> = { input: parsed.data, user };
      return { ok: true, data: await runAudited(def, context, user) };
    } catch (error) {
      return { ok: false, error: toFailure(error, def.name, words) };
    }
  });
}

/**
 * For the one kind of action a signed-out visitor may call (signing up with an invitation code):
 * validated and error-mapped like the others. There is no actor to hand over yet: its own function
 * rate-limits, and writes the audit entry under the new account in the transaction that creates it.
 */
export function publicAction<S extends z.ZodType, R>(def: {
  name: string;
  input: S;
  run(input: z.infer<S>): Promise<R>;
}): (raw: unknown) => Promise<ActionResult<R>> {
  register({ name: def.name, kind: "public-action", roles: [], mutation: true, input: def.input });
  return tagEndpoint(def.name, async function runPublicAction(raw: unknown): Promise<ActionResult<R>> {
    const words = await readerFailureWords();
    try {
      const unsafe = unsafeTextFailure(raw, words);
      if (unsafe) return { ok: false, error: unsafe };
      const parsed = def.input.safeParse(raw, words.parse);
      if (!parsed.success) return { ok: false, error: validationFailure(parsed.error, words) };
      return { ok: true, data: await def.run(parsed.data) };
    } catch (error) {
      return { ok: false, error: toFailure(error, def.name, words) };
    }
  });
}
