// Shared end-to-end helpers: demo sign-ins, the running stack's addresses, sandbox controls.
import { test as base, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

export const DEMO_PASSWORD = "demo-fleet-2026";
export const DEMO = {
  admin: "admin@demo.fleet",
  dispatcher: "dispatcher@demo.fleet",
  manager: "manager@demo.fleet",
  driver: "driver@demo.fleet",
  driver2: "driver2@demo.fleet",
  munichDriver: "driver3@demo.fleet",
} as const;
export type DemoUser = keyof typeof DEMO;

export interface Runtime {
  appUrl: string;
  sandboxUrl: string;
  databaseUrl: string;
}

/** Addresses written by the start command for this run. */
export function runtime(): Runtime {
  const dir = process.env.E2E_DATA_DIR ?? `.test-data/e2e-${process.env.E2E_PORT ?? 3100}`;
  return JSON.parse(readFileSync(path.join(dir, "runtime.json"), "utf8")) as Runtime;
}

export async function signInAs(page: Page, who: DemoUser | string, password = DEMO_PASSWORD): Promise<void> {
  const email = who in DEMO ? DEMO[who as DemoUser] : who;
  await page.goto("/login");
  // The sign-in page speaks the browser's language (English, or German in specs with a German browser).
  await page.getByLabel(/^(Email|E-Mail)$/).fill(email);
  await page.getByLabel(/^(Password|Passwort)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|Anmelden)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByLabel("User menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
}

/** Sandbox admin endpoints: faults, clock, forced states. */
export async function sandbox(pathname: string, init?: { method?: string; body?: unknown }): Promise<Response> {
  return fetch(`${runtime().sandboxUrl}${pathname}`, {
    method: init?.method ?? (init?.body ? "POST" : "GET"),
    headers: { "Content-Type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export const test = base;
export { expect };
