// Provider client benchmark: the client's own cost per call over bare fetch, and the sandbox's 25 km search time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox } from "@/sandbox/server";
import { createProviders } from "@/lib/providers/create-providers";
import { sandboxConfigAt } from "@/lib/providers/testing/sandbox-config";
import { InMemoryRateLimiter } from "@/lib/providers/rate-limit";

const CALLS = 250;
const WARMUP = 20;
const SEARCHES = 60;
const BERLIN = { latitude: 52.52, longitude: 13.405 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function timeRequests(count: number, request: () => Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const response = await request();
    if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
    await response.json();
    times.push(performance.now() - t);
  }
  return times;
}

export async function run(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-providers-"));
  const sandbox = await startSandbox({ port: 0, dataDir });
  try {
    const base = `${sandbox.url}/plugsurfing/drive`;
    const apiKey = "sandbox-plugsurfing-key";
    // The in-memory limiter does all its bookkeeping; its waits are skipped because waiting out the
    // provider's published limit is policy, not client overhead (250 calls would otherwise be spaced ~21 ms).
    const limiter = new InMemoryRateLimiter(Date.now, async () => {});
    const plugsurfing = createProviders(sandboxConfigAt(sandbox.url), { limiter }).get("PLUGSURFING");

    const [location] = await plugsurfing.search({ ...BERLIN, radiusM: 3_000, limit: 1 });
    if (!location) throw new Error("the sandbox has no location near Berlin");
    const url = `${base}/v1/locations/${encodeURIComponent(location.id)}`;
    const bare = async () => {
      const response = await fetch(url, { headers: { "X-API-Key": apiKey, accept: "application/json" } });
      if (!response.ok) throw new Error(`bare fetch: ${response.status}`);
      return response.json();
    };
    const viaClient = () => plugsurfing.getLocation(location.id);

    for (let i = 0; i < WARMUP; i++) {
      await bare();
      await viaClient();
    }
    // Interleaved, so that drift on a shared machine hits both sides alike.
    const bareMs: number[] = [];
    const clientMs: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      let t = performance.now();
      await bare();
      bareMs.push(performance.now() - t);
      t = performance.now();
      await viaClient();
      clientMs.push(performance.now() - t);
    }

    // The documented Petit Monde example (Munich, 25 km, CCS ≥ 50 kW); 60 calls stay under its 100/min.
    const searchMs = await timeRequests(SEARCHES, () =>
      fetch(
        `${sandbox.url}/petitmonde/api/v1/client/search?lat=48.1351&lng=11.582&radius=25&connector_type=IEC_62196_T2_COMBO&power_min=50`,
        {
          headers: { "X-API-Key": "sandbox-petitmonde-key" },
        },
      ),
    );
    // The same radius on Plugsurfing's geosearch (denser network, up to 100 locations back), for comparison.
    const geosearchMs = await timeRequests(SEARCHES, () =>
      fetch(
        `${base}/v1/geosearch/radius?latitude=${BERLIN.latitude}&longitude=${BERLIN.longitude}&distance=25000&limit=100`,
        {
          method: "POST",
          headers: { "X-API-Key": apiKey, "content-type": "application/json" },
          body: "{}",
        },
      ),
    );

    const overhead = median(clientMs) - median(bareMs);
    console.log(
      `  client ${round(median(clientMs))} ms vs bare ${round(median(bareMs))} ms median over ${CALLS} calls each; ` +
        `25 km search ${round(median(searchMs))} ms (Petit Monde), ${round(median(geosearchMs))} ms (Plugsurfing) median over ${SEARCHES}`,
    );
    return {
      "providers.clientOverheadMedianMs": round(Math.max(0, overhead)),
      "providers.clientCallMedianMs": round(median(clientMs)),
      "providers.bareFetchMedianMs": round(median(bareMs)),
      "sandbox.search25kmMedianMs": round(median(searchMs)),
      "sandbox.plugsurfingGeosearch25kmMedianMs": round(median(geosearchMs)),
    };
  } finally {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
