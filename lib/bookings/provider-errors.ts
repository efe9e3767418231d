// Recognises provider errors by name, not class: the facade caches adapters on globalThis, so an adapter
// built by one server bundle (a route handler) can throw another bundle's ProviderError class in an action.
import type { ProviderError } from "@/lib/providers/errors";

export function isProviderFailure(error: unknown): error is ProviderError {
  return (
    error instanceof Error && error.name === "ProviderError" && typeof (error as { code?: unknown }).code === "string"
  );
}
