// Every server action and route handler registers here, so the authorization matrix test can list them all.
import type { Role } from "@/lib/auth/permissions";

export interface RegisteredEndpoint {
  name: string;
  kind: "fleet-action" | "user-action" | "public-action" | "fleet-route" | "user-route";
  /** Roles allowed in the fleet named by the input; empty for user-scoped endpoints. */
  roles: readonly Role[];
  mutation: boolean;
}

const globalRegistry = globalThis as unknown as { endpointRegistry?: Map<string, RegisteredEndpoint> };
export const ENDPOINTS: Map<string, RegisteredEndpoint> = (globalRegistry.endpointRegistry ??= new Map());

export function register(endpoint: RegisteredEndpoint): void {
  const existing = ENDPOINTS.get(endpoint.name);
  if (existing && JSON.stringify(existing) !== JSON.stringify(endpoint)) {
    throw new Error(`Two endpoints are named "${endpoint.name}"`);
  }
  ENDPOINTS.set(endpoint.name, endpoint);
}

/** Marks an action or handler function with its endpoint name (read by the authorization matrix test). */
export function tagEndpoint<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return Object.assign(fn, { endpointName: name });
}
