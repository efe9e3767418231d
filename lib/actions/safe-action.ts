// The one way to write a server action: signed in → input validated → fleet role checked on the
// validated input → run → audit entry for mutations. Deny by default; errors become plain words.
import "server-only";
import { z } from "zod";
import { PLAIN_ERRORS } from "@/lib/validation/plain-errors";
import { recordDenial } from "@/lib/actions/denials";
import { requestAddress } from "@/lib/http/request-address";
import { writeAudit } from "@/lib/audit";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";
import { register, tagEndpoint } from "@/lib/actions/registry";
import { toFailure, unsafeTextFailure, validationFailure, type ActionResult } from "@/lib/actions/errors";

export type { ActionResult };

export interface AuditNote {
  action?: string;
  objectType: string;
  objectId?: string;
  before?: unknown;
  after?: unknown;
}

interface FleetContext<I> {
  input: I;
  user: CurrentUser;
  fleetId: string;
  role: Role;
  audit(entry: AuditNote): void;
  /** Who is asking, for domain code that writes its audit entry in the transaction of the change. */
  actor(): Promise<{ actorId: string; ip: string | null }>;
  /** Says the run wrote its own audit entries (with the change), so none is added after it. */
  auditedWithChange(): void;
}

type FleetScopedSchema = z.ZodObject<{ fleetId: z.ZodString } & z.ZodRawShape>;

/** Every fleet-scoped input names its fleet; checked before the rest of the input. */
export const fleetScope = z.object({ fleetId: z.string().min(1, "Choose a fleet").max(64) });

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = /password|secret|token|code$/i;

function redactInput(input: unknown): unknown {
  if (!input || typeof input !== "object") return input;
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? "[redacted]" : v]),
  );
}

const requestIp = requestAddress;

async function flushAudit(
  name: string,
  user: CurrentUser,
  fleetId: string | null,
  notes: AuditNote[],
  input: unknown,
): Promise<void> {
  const ip = await requestIp();
  const entries = notes.length ? notes : [{ objectType: "Action", after: redactInput(input) }];
  for (const note of entries) {
    await writeAudit({ actorId: user.id, fleetId, ip, ...note, action: note.action ?? name });
  }
}

async function denied(name: string, user: CurrentUser, fleetId: string | null): Promise<ActionResult<never>> {
  await recordDenial({ user, fleetId, objectType: "Action", endpoint: name, ip: await requestIp() });
  return { ok: false, error: { code: "FORBIDDEN", message: "You do not have access to this." } };
}

export function fleetAction<S extends FleetScopedSchema, R>(def: {
  name: string;
  input: S;
  roles: readonly Role[];
  mutation: boolean;
  run(ctx: FleetContext<z.infer<S>>): Promise<R>;
}): (raw: unknown) => Promise<ActionResult<R>> {
  register({ name: def.name, kind: "fleet-action", roles: def.roles, mutation: def.mutation, input: def.input });
  return tagEndpoint(def.name, async function runFleetAction(raw: unknown): Promise<ActionResult<R>> {
    try {
      const unsafe = unsafeTextFailure(raw);
      if (unsafe) return { ok: false, error: unsafe };
      const user = await getCurrentUser();
      if (!user) return { ok: false, error: { code: "UNAUTHENTICATED", message: "Please sign in again." } };
      // The fleet is validated and authorized first, so a non-member learns nothing from validation messages.
      const scope = fleetScope.safeParse(raw, PLAIN_ERRORS);
      if (!scope.success) return { ok: false, error: validationFailure(scope.error) };
      const { fleetId } = scope.data;
      const membership = user.memberships.find((m) => m.fleetId === fleetId);
      if (!membership || !def.roles.includes(membership.role)) return denied(def.name, user, fleetId);
      const parsed = def.input.safeParse(raw, PLAIN_ERRORS);
      if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
      const input = parsed.data as z.infer<S>;
      const notes: AuditNote[] = [];
      let auditedWithChange = false;
      const data = await def.run({
        input,
        user,
        fleetId,
        role: membership.role,
        audit: (n) => notes.push(n),
        actor: async () => ({ actorId: user.id, ip: await requestIp() }),
        auditedWithChange: () => {
          auditedWithChange = true;
        },
      });
      if (def.mutation && !(auditedWithChange && notes.length === 0)) {
        await flushAudit(def.name, user, fleetId, notes, input);
      }
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toFailure(error, def.name) };
    }
  });
}

/** For actions that belong to the signed-in user rather than to one fleet (switch fleet, join with a code). */
export function userAction<S extends z.ZodType, R>(def: {
  name: string;
  input: S;
  mutation: boolean;
  run(ctx: { input: z.infer<S>; user: CurrentUser; audit(entry: AuditNote & { fleetId?: string }): void }): Promise<R>;
}): (raw: unknown) => Promise<ActionResult<R>> {
  register({ name: def.name, kind: "user-action", roles: [], mutation: def.mutation, input: def.input });
  return tagEndpoint(def.name, async function runUserAction(raw: unknown): Promise<ActionResult<R>> {
    try {
      const unsafe = unsafeTextFailure(raw);
      if (unsafe) return { ok: false, error: unsafe };
      const user = await getCurrentUser();
      if (!user) return { ok: false, error: { code: "UNAUTHENTICATED", message: "Please sign in again." } };
      const parsed = def.input.safeParse(raw, PLAIN_ERRORS);
      if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
      const notes: Array<AuditNote & { fleetId?: string }> = [];
      const data = await def.run({ input: parsed.data, user, audit: (n) => notes.push(n) });
      if (def.mutation) {
        if (notes.length) for (const n of notes) await flushAudit(def.name, user, n.fleetId ?? null, [n], parsed.data);
        else await flushAudit(def.name, user, null, [], parsed.data);
      }
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toFailure(error, def.name) };
    }
  });
}

/**
 * For the one kind of action a signed-out visitor may call (signing up with an invitation code):
 * validated and error-mapped like the others; its own function rate-limits and audits.
 */
export function publicAction<S extends z.ZodType, R>(def: {
  name: string;
  input: S;
  run(input: z.infer<S>): Promise<R>;
}): (raw: unknown) => Promise<ActionResult<R>> {
  register({ name: def.name, kind: "public-action", roles: [], mutation: true, input: def.input });
  return tagEndpoint(def.name, async function runPublicAction(raw: unknown): Promise<ActionResult<R>> {
    try {
      const unsafe = unsafeTextFailure(raw);
      if (unsafe) return { ok: false, error: unsafe };
      const parsed = def.input.safeParse(raw, PLAIN_ERRORS);
      if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
      return { ok: true, data: await def.run(parsed.data) };
    } catch (error) {
      return { ok: false, error: toFailure(error, def.name) };
    }
  });
}
