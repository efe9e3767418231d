// The long fuzz run: the same property test as `npm test` (tests/fuzz.integration.test.ts) with many more
// hostile inputs per endpoint and a new seed each run (printed, so a finding can be replayed with FUZZ_SEED).
import { spawnSync } from "node:child_process";

export async function run(): Promise<Record<string, number>> {
  const runs = Number(process.env.BENCH_FUZZ_RUNS ?? 300);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  console.log(`fuzz: ${runs} inputs per endpoint, seed ${seed}`);
  const child = spawnSync("npx", ["vitest", "run", "--project", "integration", "tests/fuzz.integration.test.ts"], {
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${child.stdout}${child.stderr}`;
  const tally = /\[fuzz\] (\d+) endpoints, (\d+) hostile inputs, (\d+) answered with a 5xx/.exec(output);
  if (!tally) {
    console.log(output.slice(-4000));
    throw new Error("the fuzz run printed no tally");
  }
  if (child.status !== 0) console.log(output.slice(-8000));
  return {
    "fuzz.endpoints": Number(tally[1]),
    "fuzz.inputs": Number(tally[2]),
    "fuzz.serverErrors": Number(tally[3]),
  };
}
