// Helpers for the sandbox's own tests: a server in a throwaway folder and small typed fetch wrappers.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "./server";

export const KEYS = {
  plugsurfing: { "X-API-Key": "sandbox-plugsurfing-key" },
  petitMonde: { "X-API-Key": "sandbox-petitmonde-key" },
};

/** Small enough to start fast, large enough that Berlin and Munich stay dense. */
export const TEST_LOCATION_COUNT = 6000;

export interface TestSandbox extends RunningSandbox {
  dataDir: string;
  call(
    method: string,
    pathname: string,
    init?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<CallResult>;
  advance(ms: number): Promise<void>;
  dispose(): Promise<void>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // Tests read arbitrary JSON shapes; asserting on them is the point.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "sandbox-test-"));
  const sandbox = await startSandbox({ port: 0, locationCount: TEST_LOCATION_COUNT, ...options, dataDir });
  const call: TestSandbox["call"] = async (method, pathname, init = {}) => {
    const body =
      init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    const response = await fetch(`${sandbox.url}${pathname}`, {
      method,
      headers: { ...(body ? { "Content-Type": "application/json" } : {}), ...init.headers },
      body,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return {
    ...sandbox,
    dataDir,
    call,
    async advance(ms: number) {
      const r = await call("POST", "/_sandbox/clock", { body: { advanceMs: ms } });
      if (r.status !== 200) throw new Error(`clock advance failed: ${r.text}`);
    },
    async dispose() {
      await sandbox.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
