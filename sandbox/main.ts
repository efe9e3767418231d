// `npm run sandbox`: runs the provider sandbox until SIGINT/SIGTERM, then persists its state.
import path from "node:path";
import { faultConfigSchema } from "./faults";
import { startSandbox } from "./server";

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

async function main() {
  const faultsJson = process.env.SANDBOX_FAULTS;
  const faults = faultsJson ? faultConfigSchema.parse(JSON.parse(faultsJson)) : undefined;
  const started = performance.now();
  const sandbox = await startSandbox({
    port: numberFromEnv("SANDBOX_PORT") ?? 4010,
    dataDir: path.resolve(process.env.SANDBOX_DATA_DIR || ".data/sandbox"),
    timeScale: numberFromEnv("SANDBOX_TIME_SCALE"),
    seed: numberFromEnv("SANDBOX_SEED"),
    faults,
  });
  console.log(
    `Provider sandbox listening on ${sandbox.url} (started in ${Math.round(performance.now() - started)} ms)`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox and saving its state`);
    await sandbox.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
