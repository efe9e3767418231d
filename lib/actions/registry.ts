// Every server action and route handler registers here, so the authorization matrix test can list them all.
import type { z } from "zod";
import type { Role } from "@/lib/auth/permissions";

export interface RegisteredEndpoint {
  name: string;
  /** token-route: open to a machine holding a configured token only (no user, no fleet). */
  kind: "fleet-action" | "user-action" | "public-action" | "fleet-route" | "user-route" | "token-route";
  /** Roles allowed in the fleet named by the input; empty for user-scoped endpoints. */
  roles: readonly Role[];
  mutation: boolean;
  /** The schema its input is parsed with (the fuzz test draws field names from it). */
  input?: z.ZodType;
}

const globalRegistry = globalThis as unknown as { endpointRegistry?: Map<string, RegisteredEndpoint> };
export const ENDPOINTS: Map<string, RegisteredEndpoint> = (globalRegistry.endpointRegistry ??= new Map());

export function register(endpoint: RegisteredEndpoint): void {
  const existing = ENDPOINTS.get(endpoint.name);
  const { input: _existingInput, ...existingFacts } = existing ?? {};
  const { input: _input, ...facts } = endpoint;
  // The same module loaded twice (dev reloads) registers again with equal facts and a new schema object.
  if (existing && JSON.stringify(existingFacts) !== JSON.stringify(facts)) {
    throw new Error(`Two endpoints are named "${endpoint.name}"`);
  }
  ENDPOINTS.set(endpoint.name, endpoint);
}

/** Marks an action or handler function with its endpoint name (read by the authorization matrix test). */
export function tagEndpoint<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return Object.assign(fn, { endpointName: name });
}
