// Integration-test helpers: providers pointed at the test run's sandbox, and its /_sandbox admin API.
import { inject } from "vitest";
import type { ProviderConfig } from "@/lib/env";
import { createProviders, type ProviderDeps } from "../create-providers";
import { sandboxConfigAt } from "./sandbox-config";

export function sandboxUrl(): string {
  // Provided by tests/integration/global-setup.ts.
  return inject("sandboxUrl").replace(/\/$/, "");
}

export function sandboxConfig(url = sandboxUrl()): ProviderConfig {
  return sandboxConfigAt(url);
}

export function sandboxProviders(deps: ProviderDeps = {}, config = sandboxConfig()) {
  return createProviders(config, deps);
}

export async function sandboxAdmin(
  method: "GET" | "PUT" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${sandboxUrl()}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox admin ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
